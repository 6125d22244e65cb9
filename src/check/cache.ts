// Results of earlier runs, keyed by everything that can change a cell's outcome.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CellRun } from '../kernel/types.ts';

export function hashOf(...parts: unknown[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(typeof part === 'string' ? part : JSON.stringify(part) ?? 'undefined').update('\0');
  return hash.digest('hex').slice(0, 24);
}

export class ResultCache {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  get(key: string): CellRun | null {
    const file = join(this.dir, `${key}.json`);
    if (!existsSync(file)) return null;
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as CellRun;
    } catch {
      return null; // a torn write: treat as a miss
    }
  }

  set(key: string, run: CellRun): void {
    mkdirSync(this.dir, { recursive: true });
    writeFileSync(join(this.dir, `${key}.json`), JSON.stringify(run));
  }
}
