import { defineConfig } from 'vitest/config';

// The end-to-end test of the packed package (test/e2e/): `npm pack`, then an install of the tarball
// into copies of the fixture repositories, and the tool run there. Minutes of npm installs, so it
// runs on its own (`npm run test:e2e`, which .ci/run calls after `npm test`), not inside `npm test`.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    maxWorkers: 1,
  },
});
