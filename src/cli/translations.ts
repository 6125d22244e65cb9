// `npm run translations -- [--source DIR] [--write-skeleton]`: the English edition's coverage, and what
// a translator has to do: for each stale entry the old Korean, the new Korean and the current English.
// With --write-skeleton, entries `{key, ko, en: null}` are added for segments that have none.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { translationDir, translationStatus, type TranslationStatus } from '../translate/status.ts';
import { withSkeleton } from '../translate/skeleton.ts';
import { answer, parseCommand } from './args.ts';

const DEFAULT_SOURCE = 'content/ko';
const SPEC = {
  name: 'execdocs translations',
  usage: '[--source DIR] [--write-skeleton]',
  help: ["The English edition's coverage of the Korean documents, and what a translator has to do.",
    '  --source DIR        the Korean documents (default content/ko); their translations are in the `en` folder beside it',
    '  --write-skeleton    add `en: null` entries for the segments that have none'].join('\n'),
  options: { source: { type: 'string' }, 'write-skeleton': { type: 'boolean' } },
} as const;

function indent(text: string, prefix = '    | '): string {
  return text.split('\n').map((l) => `${prefix}${l}`).join('\n');
}

export function table(status: TranslationStatus): string {
  const rows = status.documents.map(({ slug, coverage: c }) => [slug, `${c.coverage}%`, `${c.translated}/${c.total}`, String(c.stale.length), String(c.missing.length)]);
  const sum = (f: (d: TranslationStatus['documents'][number]) => number) => status.documents.reduce((n, d) => n + f(d), 0);
  const translated = sum((d) => d.coverage.translated);
  const total = sum((d) => d.coverage.total);
  const percent = total === 0 ? 100 : Math.floor((translated * 1000) / total) / 10;
  rows.push(['total', `${percent}%`, `${translated}/${total}`, String(sum((d) => d.coverage.stale.length)), String(sum((d) => d.coverage.missing.length))]);
  const head = ['document', 'coverage', 'translated', 'stale', 'missing'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [line(head), ...rows.map(line)].join('\n');
}

export function details(status: TranslationStatus): string {
  const out: string[] = [];
  for (const { koFile, enFile, exists, coverage } of status.documents) {
    if (!exists) {
      out.push(`\n${coverage.slug}: no ${enFile} yet (${coverage.total} segments to translate)`);
      continue;
    }
    for (const s of coverage.stale) {
      out.push('', s.match
        ? `stale: ${enFile}:${s.entryLine} (segment ${s.key}) was made from an older Korean text; now ${koFile}:${s.match.line} (segment ${s.match.key}, similarity ${s.match.similarity})`
        : `stale: ${enFile}:${s.entryLine} (segment ${s.key}) matches no current Korean segment: the block was removed; delete the entry`);
      out.push('  old ko:', indent(s.ko));
      if (s.match) out.push('  new ko:', indent(s.current), '  diff (old -, new +):', indent(s.diff));
      out.push('  current en:', indent(s.en ?? '(none)'));
    }
    const replaced = new Set(coverage.stale.flatMap((s) => (s.match ? [s.match.key] : [])));
    for (const m of coverage.missing) {
      const why = replaced.has(m.key) ? ' (changed: see the stale entry above)' : m.placeholderLine !== null ? ` (entry at ${enFile}:${m.placeholderLine} awaits its en)` : '';
      out.push(`missing: ${koFile}:${m.line} (segment ${m.key}, ${m.kind})${why}: ${m.excerpt}`);
    }
  }
  return out.join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const parsed = parseCommand(argv, SPEC);
  if (!parsed.ok) return answer(parsed);
  const source = parsed.values.source ?? DEFAULT_SOURCE;
  const skeleton = parsed.values['write-skeleton'] ?? false;
  if (!existsSync(source)) { process.stderr.write(`--source ${source}: no such directory\n`); return 2; }
  const dir = translationDir(source);
  if (!dir) { process.stderr.write(`${source}: no translation directory (expected a \`ko\` directory with a sibling \`en\`)\n`); return 2; }

  let status = translationStatus(source, dir);
  if (skeleton) {
    let failed = false;
    for (const d of status.documents) {
      if (d.errors.length > 0) {
        for (const p of d.errors) process.stderr.write(`${p.file}:${p.line}: ${p.message}\n`);
        process.stderr.write(`${d.enFile}: not changed; fix the errors above first\n`);
        failed = true;
        continue;
      }
      const text = d.exists ? readFileSync(d.enFile, 'utf8') : null;
      const { text: next, added } = withSkeleton(d.slug, d.koFile, readFileSync(d.koFile, 'utf8'), text, d.translation);
      if (added > 0) {
        writeFileSync(d.enFile, next);
        process.stdout.write(`${d.enFile}: added ${added} entr${added === 1 ? 'y' : 'ies'} with \`en: null\` to translate\n`);
      }
    }
    status = translationStatus(source, dir);
    process.stdout.write(`${table(status)}\n`);
    return failed ? 1 : 0;
  }
  process.stdout.write(`${table(status)}\n`);
  const more = details(status);
  if (more) process.stdout.write(`${more}\n`);
  for (const p of [...status.documents.flatMap((d) => d.errors), ...status.orphans]) process.stdout.write(`${p.file}:${p.line}: ${p.message}\n`);
  return status.problems.length === 0 ? 0 : 1;
}
