// Results of earlier runs, keyed by everything that can change a cell's outcome. An entry is
// checked against `cacheEntrySchema` (src/schema/cache.ts) when it is read: a damaged one (a
// torn write, a hand edit, another version's shape) is a miss, reported once, never a wrong result.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CellRun } from '../kernel/types.ts';
import { cacheEntrySchema } from '../schema/cache.ts';
import { validateText } from '../schema/validate.ts';

export function hashOf(...parts: unknown[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(typeof part === 'string' ? part : JSON.stringify(part) ?? 'undefined').update('\0');
  return hash.digest('hex').slice(0, 24);
}

export interface CacheOptions {
  /** Where the one line about an ignored entry goes (default: standard error). */
  warn?: (message: string) => void;
}

export class ResultCache {
  readonly dir: string;
  private readonly warn: (message: string) => void;
  private readonly warned = new Set<string>();

  constructor(dir: string, options: CacheOptions = {}) {
    this.dir = dir;
    this.warn = options.warn ?? ((message) => process.stderr.write(`${message}\n`));
  }

  get(key: string): CellRun | null {
    const file = join(this.dir, `${key}.json`);
    if (!existsSync(file)) return null;
    const shown = relative(process.cwd(), file) || file;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      this.ignore(shown, `cannot be read (${(error as Error).message})`);
      return null;
    }
    const checked = validateText(text, shown, cacheEntrySchema, 'json');
    if (checked.ok) return checked.parsed.value as CellRun;
    const first = checked.problems[0];
    this.ignore(shown, first ? `line ${first.line}: ${first.message}` : 'not a cell run');
    return null;
  }

  set(key: string, run: CellRun): void {
    mkdirSync(this.dir, { recursive: true });
    // Written whole, then renamed into place: a reader never sees half an entry.
    const file = join(this.dir, `${key}.json`);
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, JSON.stringify(run));
    renameSync(partial, file);
  }

  private ignore(file: string, why: string): void {
    if (this.warned.has(file)) return;
    this.warned.add(file);
    this.warn(`cache: ignoring ${file}, which is not a valid cache entry (${why}); the cell runs again`);
  }
}
