// Each run starts with no recorded skips, so the closing summary speaks of this run only.
import { rmSync } from 'node:fs';
import { SKIPS_DIR } from './optional-suite.ts';

export default function setup(): void {
  rmSync(SKIPS_DIR, { recursive: true, force: true });
}
