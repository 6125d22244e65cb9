import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Kernel tests boot Pyodide in worker threads; two files at a time suits a 2-core machine.
    maxWorkers: 2,
    globalSetup: ['test/browser/global-setup.ts'],
  },
});
