// The scale run of `npm run bench`: the five documents copied N times into a temporary source
// directory (each copy with its own settings), checked with no cache, against the 1x cold check.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { figureLine, notMeasured, scaleFigures } from './bench-format.ts';
import { coldCheckOf, sampleOf, type CheckRun } from './bench-kernel.ts';
import { tail } from './bench-proc.ts';

export const SCALE_FACTOR = 20;

/**
 * The name of `file` in copy `copy` (1-based): a document and the files beside it that carry its
 * name (`<slug>.snippets.yaml`, `<slug>.fixtures.yaml`) get the copy's number, so every copy is a
 * document of its own with its own settings; any other file (a shared fixture) is copied once.
 */
export function scaledName(file: string, slugs: string[], copy: number): string | null {
  const owner = slugs.filter((s) => file.startsWith(`${s}.`)).sort((a, b) => b.length - a.length)[0];
  if (owner === undefined) return copy === 1 ? file : null;
  return `${owner}--copy${String(copy).padStart(2, '0')}${file.slice(owner.length)}`;
}

export function documentSlugs(files: string[]): string[] {
  return files.filter((f) => /\.(md|markdown)$/i.test(f) && f.toLowerCase() !== 'readme.md').map((f) => f.replace(/\.(md|markdown)$/i, ''));
}

/** Copies the flat source directory `from` into `to`, `copies` times. */
export function copyScaled(from: string, to: string, copies: number): void {
  mkdirSync(to, { recursive: true });
  const files = readdirSync(from, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
  const slugs = documentSlugs(files);
  for (let copy = 1; copy <= copies; copy++) {
    for (const file of files) {
      const name = scaledName(file, slugs, copy);
      if (name !== null) copyFileSync(join(from, file), join(to, name));
    }
  }
}

export async function scaleRun(source: string, one: CheckRun): Promise<string[]> {
  const name = `scale run, ${SCALE_FACTOR}x the documents`;
  const base = sampleOf(one);
  if (!base) return [notMeasured(name, one.report ? 'no /proc to read memory from' : 'the 1x check wrote no report')];
  // The copies go into a directory of their own, so the check finds no lock beside them.
  const dir = mkdtempSync(join(tmpdir(), 'bench-scale-'));
  try {
    const docs = join(dir, 'docs');
    copyScaled(source, docs, SCALE_FACTOR);
    const many = await coldCheckOf(docs);
    const sample = sampleOf(many);
    if (!sample) return [notMeasured(name, `the ${SCALE_FACTOR}x check wrote no report (exit ${many.measured.code}: ${tail(many.measured.stderr)})`)];
    return scaleFigures(base, sample, SCALE_FACTOR).map(figureLine);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
