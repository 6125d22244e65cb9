// Browser tests look at the built site. `npm test` on a fresh clone builds it first if needed.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

export default function setup() {
  if (process.env.SKIP_SITE_BUILD || existsSync('dist/ko/index.html')) return;
  console.log('dist/ is missing: building the site once for the browser tests (npm run build)');
  // Vitest sets NODE_ENV=test; a site built under it has no working search, so build as `npm run build` does.
  execFileSync('npm', ['run', 'build'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}
