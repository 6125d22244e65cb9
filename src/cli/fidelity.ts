// `npm run fidelity -- [--lang ko] [--json FILE] [--record]`
//
// How well the checker reads tutorials it has never seen. The corpus in test/corpus/<lang>/ holds
// tutorials written in the styles of real blog posts, course notes, READMEs and Q&A answers;
// test/corpus/expected.yaml says, for every block a careful reviewer counts as a Python block, the
// verdict that reviewer gives (established by running each block in a real CPython). This runs the
// project's real check over each language directory and compares, block by block (by the line of
// the opening fence). It measures and never fails: the corpus test enforces the recorded baseline.
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { KernelPool } from '../kernel/node/pool.ts';
import { checkDocuments } from '../check/run.ts';
import { answer, parseCommand } from './args.ts';

export const CORPUS_DIR = 'test/corpus';
export const VERDICTS = ['verified', 'drift', 'ran', 'expected-error', 'error', 'hangs', 'skipped'] as const;
export type ExpectedVerdict = (typeof VERDICTS)[number];
/** What the check said about a block: a verdict, or `unseen` when it never saw the block as a cell. */
export type ActualVerdict = ExpectedVerdict | 'unseen';
export const PLANTED = [
  'changed-value', 'wrong-order', 'wrong-total', 'wrong-stamp', 'missing-line', 'no-longer-raises', 'wrong-elapsed',
  'stated-but-raises', 'stated-but-hangs',
] as const;

export interface ExpectedBlock {
  line: number;
  verdict: ExpectedVerdict;
  forms: string[];
  planted?: string;
  announced?: boolean;
  note?: string;
}

/** Keyed by the path relative to the corpus directory, e.g. `ko/gather-basics.md`. */
export type ExpectedCorpus = Map<string, ExpectedBlock[]>;

export interface BlockResult {
  file: string;
  line: number;
  lang: string;
  expected: ExpectedVerdict;
  actual: ActualVerdict;
  /** The check's reason, or why it is missing. */
  reason: string;
  forms: string[];
  planted?: string;
  agree: boolean;
}

/** A cell the check ran where the reviewer sees no Python block (e.g. an output fence labelled python). */
export interface ExtraCell {
  file: string;
  line: number;
  lang: string;
  actual: ExpectedVerdict;
  reason: string;
}

export interface Figures {
  blocks: number;
  agreed: number;
  /** Percent of blocks whose verdict agrees with the reviewer's. */
  agreement: number;
  /** Blocks the reviewer calls drift, and how many of them the check flagged as drift. */
  drifts: number;
  driftsFlagged: number;
  /** Percent of expected drifts flagged (100 when there are none). */
  recall: number;
  /** The check says drift where the reviewer does not (extra cells included). */
  falseDrift: { file: string; line: number; expected: string; reason: string }[];
  /** Blocks the check never saw. */
  unseen: { file: string; line: number; expected: string }[];
  extra: number;
}

export interface Measurement {
  corpus: string;
  runtime: { pyodide: string; kernel: string; python: string } | null;
  langs: string[];
  blocks: BlockResult[];
  extras: ExtraCell[];
  problems: string[];
}

const percent = (part: number, whole: number): number => (whole === 0 ? 100 : Math.round((part / whole) * 1000) / 10);

/** The metric itself: pure, so a test can hand it made-up blocks. */
export function figures(blocks: BlockResult[], extras: ExtraCell[] = []): Figures {
  const agreed = blocks.filter((b) => b.agree).length;
  const drifts = blocks.filter((b) => b.expected === 'drift');
  const flagged = drifts.filter((b) => b.actual === 'drift').length;
  const falseDrift = [
    ...blocks.filter((b) => b.actual === 'drift' && b.expected !== 'drift')
      .map((b) => ({ file: b.file, line: b.line, expected: b.expected, reason: b.reason })),
    ...extras.filter((e) => e.actual === 'drift').map((e) => ({ file: e.file, line: e.line, expected: 'not a block', reason: e.reason })),
  ];
  return {
    blocks: blocks.length,
    agreed,
    agreement: percent(agreed, blocks.length),
    drifts: drifts.length,
    driftsFlagged: flagged,
    recall: percent(flagged, drifts.length),
    falseDrift,
    unseen: blocks.filter((b) => b.actual === 'unseen').map((b) => ({ file: b.file, line: b.line, expected: b.expected })),
    extra: extras.length,
  };
}

/** Agreement per form tag (a block counts once under each of its tags). */
export function formFigures(blocks: BlockResult[]): Map<string, { blocks: number; agreed: number; agreement: number }> {
  const byForm = new Map<string, { blocks: number; agreed: number; agreement: number }>();
  for (const b of blocks) {
    for (const form of b.forms) {
      const f = byForm.get(form) ?? { blocks: 0, agreed: 0, agreement: 0 };
      f.blocks++;
      if (b.agree) f.agreed++;
      byForm.set(form, f);
    }
  }
  for (const f of byForm.values()) f.agreement = percent(f.agreed, f.blocks);
  return new Map([...byForm].sort(([a], [b]) => a.localeCompare(b)));
}

/** Reads expected.yaml, with errors that name the entry. */
export function loadExpected(file: string): ExpectedCorpus {
  const data = parseYaml(readFileSync(file, 'utf8')) as Record<string, unknown>;
  if (!data || typeof data !== 'object') throw new Error(`${file}: expected a mapping of documents`);
  const corpus: ExpectedCorpus = new Map();
  for (const [doc, entries] of Object.entries(data)) {
    if (!Array.isArray(entries)) throw new Error(`${file}: ${doc}: expected a list of blocks`);
    const blocks = entries.map((raw, i) => {
      const e = raw as Record<string, unknown>;
      const where = `${file}: ${doc} block ${i + 1}`;
      const known = new Set(['line', 'verdict', 'forms', 'planted', 'announced', 'note']);
      for (const key of Object.keys(e)) if (!known.has(key)) throw new Error(`${where}: unknown field ${key}`);
      if (!Number.isInteger(e.line)) throw new Error(`${where}: line must be an integer`);
      if (!VERDICTS.includes(e.verdict as ExpectedVerdict)) throw new Error(`${where}: verdict must be one of ${VERDICTS.join(', ')}`);
      if (!Array.isArray(e.forms) || e.forms.some((f) => typeof f !== 'string')) throw new Error(`${where}: forms must be a list of tags`);
      if (e.planted !== undefined && !PLANTED.includes(e.planted as (typeof PLANTED)[number])) throw new Error(`${where}: planted must be one of ${PLANTED.join(', ')}`);
      if (e.planted !== undefined && e.verdict !== 'drift') throw new Error(`${where}: a planted drift must have verdict drift`);
      return e as unknown as ExpectedBlock;
    });
    const lines = blocks.map((b) => b.line);
    if (new Set(lines).size !== lines.length) throw new Error(`${file}: ${doc}: two blocks on one line`);
    corpus.set(doc, blocks);
  }
  return corpus;
}

export function corpusLanguages(corpusDir: string): string[] {
  return readdirSync(corpusDir)
    .filter((d) => /^[a-z]{2}$/.test(d) && statSync(join(corpusDir, d)).isDirectory())
    .sort();
}

export interface MeasureOptions {
  corpusDir?: string;
  langs?: string[];
  /** A pool to use (and leave open); by default one is made and closed. */
  pool?: KernelPool;
}

export async function measureCorpus(options: MeasureOptions = {}): Promise<Measurement> {
  const corpusDir = resolve(options.corpusDir ?? CORPUS_DIR);
  const expected = loadExpected(join(corpusDir, 'expected.yaml'));
  const langs = options.langs ?? corpusLanguages(corpusDir);
  const pool = options.pool ?? new KernelPool();
  const blocks: BlockResult[] = [];
  const extras: ExtraCell[] = [];
  const problems: string[] = [];
  let runtime: Measurement['runtime'] = null;
  try {
    const results = await Promise.all(langs.map(async (lang) => ({
      lang,
      result: await checkDocuments({ sourceDir: join(corpusDir, lang), pool, cache: null }),
    })));
    for (const { lang, result } of results) {
      runtime = result.runtime;
      problems.push(...result.problems.map((p) => `${p.file}:${p.line}: ${p.message}`));
      const seen = new Map<string, Map<number, { verdict: ExpectedVerdict; reason: string }>>();
      for (const { document, cells } of result.documents) {
        const doc = `${lang}/${basename(document.file)}`;
        const byLine = new Map<number, { verdict: ExpectedVerdict; reason: string }>();
        for (const { cell, verdict } of cells) byLine.set(cell.line, { verdict: verdict.verdict as ExpectedVerdict, reason: verdict.reason });
        seen.set(doc, byLine);
      }
      const docs = [...expected.keys()].filter((d) => d.startsWith(`${lang}/`));
      for (const doc of docs) {
        const cells = seen.get(doc) ?? new Map();
        const wanted = expected.get(doc)!;
        for (const block of wanted) {
          const got = cells.get(block.line);
          const actual: ActualVerdict = got ? got.verdict : 'unseen';
          blocks.push({
            file: doc, line: block.line, lang, expected: block.verdict, actual,
            reason: got ? got.reason : 'the check found no python block at this line',
            forms: block.forms, ...(block.planted ? { planted: block.planted } : {}),
            agree: actual === block.verdict,
          });
        }
        const lines = new Set(wanted.map((b) => b.line));
        for (const [line, got] of cells) {
          if (!lines.has(line)) extras.push({ file: doc, line, lang, actual: got.verdict, reason: got.reason });
        }
      }
      for (const doc of seen.keys()) {
        if (!expected.has(doc)) problems.push(`${doc}: not in expected.yaml`);
      }
    }
  } finally {
    if (!options.pool) await pool.close();
  }
  blocks.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  extras.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { corpus: corpusDir, runtime, langs, blocks, extras, problems };
}

// ---- the baseline: the verdict the checker gave each block when it was recorded ----

export interface Baseline {
  recorded: string;
  runtime: Measurement['runtime'];
  blocks: Record<string, ActualVerdict>;
}

export const blockKey = (b: { file: string; line: number }): string => `${b.file}:${b.line}`;

export function baselineOf(m: Measurement): Baseline {
  const blocks: Record<string, ActualVerdict> = {};
  for (const b of m.blocks) blocks[blockKey(b)] = b.actual;
  return { recorded: new Date().toISOString().slice(0, 10), runtime: m.runtime, blocks };
}

/**
 * What got worse since the baseline: a block that agreed with the reviewer no longer does, or a
 * block the baseline did not call drift is now a false drift. Blocks new to expected.yaml are not
 * compared (record again to include them).
 */
export function regressions(m: Measurement, baseline: Baseline): string[] {
  const found: string[] = [];
  for (const b of m.blocks) {
    const before = baseline.blocks[blockKey(b)];
    if (before === undefined) continue;
    if (before === b.expected && !b.agree) {
      found.push(`${blockKey(b)}: agreed (${b.expected}) in the baseline, now ${b.actual}: ${b.reason}`);
    } else if (before !== 'drift' && b.actual === 'drift' && b.expected !== 'drift') {
      found.push(`${blockKey(b)}: a new false drift (expected ${b.expected}, baseline ${before}): ${b.reason}`);
    }
  }
  return found;
}

// ---- the report ----

function row(cells: (string | number)[], widths: number[]): string {
  return cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]!) : String(c).padStart(widths[i]!))).join('  ');
}

export function reportText(m: Measurement): string {
  const out: string[] = [];
  const widths = [6, 6, 6, 9, 6, 7, 6, 11, 6, 5];
  out.push(`fidelity of the reader over ${m.corpus} (${m.blocks.length} blocks; Python ${m.runtime?.python ?? '?'}, Pyodide ${m.runtime?.pyodide ?? '?'})`);
  out.push(row(['lang', 'blocks', 'agree', 'agreement', 'drifts', 'flagged', 'recall', 'false-drift', 'unseen', 'extra'], widths));
  const line = (label: string, f: Figures) =>
    row([label, f.blocks, f.agreed, `${f.agreement}%`, f.drifts, f.driftsFlagged, `${f.recall}%`, f.falseDrift.length, f.unseen.length, f.extra], widths);
  for (const lang of m.langs) {
    out.push(line(lang, figures(m.blocks.filter((b) => b.lang === lang), m.extras.filter((e) => e.lang === lang))));
  }
  const all = figures(m.blocks, m.extras);
  out.push(line('all', all));
  out.push('');
  out.push(`false drift (${all.falseDrift.length}):`);
  for (const f of all.falseDrift) out.push(`  ${f.file}:${f.line}  expected ${f.expected}; the check says: ${f.reason}`);
  out.push(`missed blocks, never seen by the check (${all.unseen.length}):`);
  for (const u of all.unseen) out.push(`  ${u.file}:${u.line}  expected ${u.expected}`);
  if (m.extras.length) {
    out.push(`cells the check ran where the reviewer sees no Python block (${m.extras.length}):`);
    for (const e of m.extras) out.push(`  ${e.file}:${e.line}  ${e.actual}: ${e.reason}`);
  }
  out.push('');
  out.push(row(['form', 'blocks', 'agree', 'agreement'], [22, 6, 6, 9]));
  for (const [form, f] of formFigures(m.blocks)) out.push(row([form, f.blocks, f.agreed, `${f.agreement}%`], [22, 6, 6, 9]));
  const verdicts = [...VERDICTS, 'unseen'];
  out.push('');
  out.push('expected (rows) against the check (columns):');
  out.push(row(['', ...verdicts.map((v) => v.replace('expected-error', 'exp-error'))], [14, ...verdicts.map(() => 9)]));
  for (const e of VERDICTS) {
    const these = m.blocks.filter((b) => b.expected === e);
    if (these.length === 0) continue;
    out.push(row([e, ...verdicts.map((a) => these.filter((b) => b.actual === a).length)], [14, ...verdicts.map(() => 9)]));
  }
  if (m.problems.length) {
    out.push('');
    out.push('problems:');
    for (const p of m.problems) out.push(`  ${p}`);
  }
  return out.join('\n');
}

export function reportJson(m: Measurement): unknown {
  const perLang = Object.fromEntries(m.langs.map((lang) => [lang, figures(m.blocks.filter((b) => b.lang === lang), m.extras.filter((e) => e.lang === lang))]));
  return {
    corpus: m.corpus,
    runtime: m.runtime,
    figures: { ...perLang, all: figures(m.blocks, m.extras) },
    forms: Object.fromEntries(formFigures(m.blocks)),
    blocks: m.blocks,
    extras: m.extras,
    problems: m.problems,
  };
}

// ---- the command ----

interface Args { langs?: string[]; json?: string; record: boolean }

const SPEC = {
  name: 'npm run fidelity --',
  usage: '[--lang ko[,en]] [--json FILE] [--record]',
  help: ['Measures how many blocks of the corpus (test/corpus/) the check judges as recorded.',
    '  --lang LANGS        only these corpus languages (comma-separated; repeatable)',
    '  --json FILE         the figures as JSON', '  --record            write them as the baseline (test/corpus/baseline.json)'].join('\n'),
  options: { json: { type: 'string' }, lang: { type: 'string', multiple: true }, record: { type: 'boolean' } },
} as const;

/** The command line as Args; `{ exit, text }`: the help (0) or one line of bad usage (2). */
export function parseArgs(argv: string[], available: string[]): Args | { exit: 0 | 2; text: string } {
  const parsed = parseCommand(argv, SPEC);
  if (!parsed.ok) return { exit: parsed.exit, text: parsed.text };
  const args: Args = { record: parsed.values.record ?? false, ...(parsed.values.json ? { json: parsed.values.json } : {}) };
  for (const value of parsed.values.lang ?? []) {
    const langs = value.split(',').map((l) => l.trim()).filter(Boolean);
    const unknown = langs.filter((l) => !available.includes(l));
    if (unknown.length) return { exit: 2, text: `fidelity: --lang ${unknown.join(',')}: no such corpus directory (have ${available.join(', ')})` };
    args.langs = [...(args.langs ?? []), ...langs];
  }
  return args;
}

export async function main(argv: string[]): Promise<number> {
  const available = corpusLanguages(CORPUS_DIR);
  const args = parseArgs(argv, available);
  if ('exit' in args) return answer(args);
  const started = Date.now();
  const m = await measureCorpus({ langs: args.langs });
  process.stdout.write(reportText(m) + '\n');
  process.stdout.write(`(${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  if (args.json) {
    mkdirSync(dirname(resolve(args.json)), { recursive: true });
    writeFileSync(args.json, JSON.stringify(reportJson(m), null, 2) + '\n');
  }
  if (args.record) {
    const file = join(CORPUS_DIR, 'baseline.json');
    const baseline = baselineOf(m);
    if (args.langs) {
      // Recording one language keeps the others' entries.
      try {
        const old = JSON.parse(readFileSync(file, 'utf8')) as Baseline;
        const kept = Object.entries(old.blocks).filter(([k]) => !args.langs!.some((l) => k.startsWith(`${l}/`)));
        baseline.blocks = Object.fromEntries([...kept, ...Object.entries(baseline.blocks)].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })));
      } catch {
        // no baseline yet
      }
    }
    writeFileSync(file, JSON.stringify(baseline, null, 2) + '\n');
    process.stderr.write(`recorded ${file}\n`);
  }
  return 0;
}
