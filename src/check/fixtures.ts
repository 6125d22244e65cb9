// Fixture files for the simulated I/O world: the project's shared ones, then a document's own.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';

export const SHARED_FIXTURES_DIR = 'content/fixtures';

function load(file: string): Record<string, unknown> {
  const data = (parse(readFileSync(file, 'utf8')) ?? {}) as Record<string, unknown>;
  return { ...data, name: relative(process.cwd(), file) || file };
}

export function sharedFixtures(dir = SHARED_FIXTURES_DIR): Record<string, unknown>[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.yaml') || f.endsWith('.yml')).sort().map((f) => load(join(dir, f)));
}

export function documentFixtures(markdownFile: string, extra: string[] = []): Record<string, unknown>[] {
  const own = markdownFile.replace(/\.(md|markdown|mdx)$/i, '.fixtures.yaml');
  const dir = join(markdownFile, '..');
  const files = [...(existsSync(own) ? [own] : []), ...extra.map((f) => join(dir, f))];
  return files.map(load);
}
