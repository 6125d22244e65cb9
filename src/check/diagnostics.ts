// Every problem the tool reports about a project's files, in one registry: a stable kebab-case code
// (what users look up and suppress), a severity, a one-line description (the README's table is
// checked against it) and the sentence the problem prints. No other module writes these messages:
// they ask for one by code with the facts it needs. Schema texts (a settings field out of range, a
// YAML error) are facts handed in whole: the schema that finds them words them.
//
// Errors fail the check, warnings are printed and do not. A suppressible code can be ignored per
// project (`diagnostics.ignore` in execdocs.config.json), per document (`diagnostics.ignore` in its
// `<doc>.snippets.yaml`) and per block (`ignore:` in the block's entry); the verdict failures and
// the lock's differences cannot: they have their own acknowledgement (the lock, `acknowledge:`).

export type Severity = 'error' | 'warning';

interface Spec<A extends unknown[]> {
  severity: Severity;
  /** Can a project, document or block ignore it by code? */
  suppressible: boolean;
  /** What it means, in one line: the README's table. */
  description: string;
  message: (...args: A) => string;
}

const spec = <A extends unknown[]>(s: Spec<A>): Spec<A> => s;
const detail = (text: string) => text;

export const DIAGNOSTICS = {
  // Reading documents.
  'unreadable-document': spec({
    severity: 'error', suppressible: false,
    description: 'A document cannot be read (permissions, a folder, a vanished file); the other documents are checked.',
    message: (reason: string) => `cannot read the document: ${reason}`,
  }),
  'not-utf8': spec({
    severity: 'warning', suppressible: true,
    description: 'A document is not valid UTF-8; it is checked with each bad byte read as U+FFFD, so its text may differ from what its author sees.',
    message: (column: number, bad: number) => `not valid UTF-8: the first bad byte is at column ${column} of this line (${bad} bad byte${bad === 1 ? '' : 's'} in all); checked with them read as U+FFFD`,
  }),
  'empty-document': spec({
    severity: 'warning', suppressible: true,
    description: 'A document has no content at all: nothing in it is checked.',
    message: () => 'the document is empty: nothing in it is checked',
  }),
  'no-python-blocks': spec({
    severity: 'warning', suppressible: true,
    description: 'A document has no python block: nothing in it runs or is checked.',
    message: () => 'the document has no python block: nothing in it runs or is checked',
  }),
  'unclosed-fence': spec({
    severity: 'warning', suppressible: true,
    description: 'A code fence is never closed, so the rest of the document is read as its code.',
    message: (fence: string, lines: number) => `the fence \`${fence}\` opened here is never closed: the rest of the document (${lines} line${lines === 1 ? '' : 's'}) is read as its code`,
  }),
  'bad-front-matter': spec({
    severity: 'error', suppressible: true,
    description: "A document's front matter is not valid YAML, or its `title` is not a text; the first heading is the title.",
    message: detail,
  }),
  // What lives beside the documents.
  'bad-settings': spec({
    severity: 'error', suppressible: true,
    description: 'A mistake in a `<doc>.snippets.yaml` file (its schema: src/schema/settings.ts); the rest of the file applies.',
    message: detail,
  }),
  'orphan-setting': spec({
    severity: 'error', suppressible: true,
    description: 'A settings entry matches no python block of its document (the block was edited or removed).',
    message: (key: string, document: string) => `setting for cell ${key} matches no python block of ${document} (was the block edited?)`,
  }),
  'stale-setting': spec({
    severity: 'error', suppressible: false,
    description: 'A setting acknowledges or expects a verdict the block no longer has.',
    message: (index: number, key: string, what: string) => `cell ${index} (${key}): ${what}`,
  }),
  'bad-fixture': spec({
    severity: 'error', suppressible: true,
    description: 'A fixture file is missing, outside the content directory, not valid YAML or not of the fixture format; the document is checked without it.',
    message: detail,
  }),
  // Running and judging the blocks.
  'kernel-failed': spec({
    severity: 'error', suppressible: false,
    description: 'The interpreter failed on a document (a crash of its sandbox); the other documents are checked.',
    message: (reason: string) => `the kernel failed on this document: ${reason}`,
  }),
  'syntax-error': spec({
    severity: 'error', suppressible: true,
    description: 'A python block does not compile and nothing (prose, a cue, its settings) says it is pseudo-code or a deliberate error.',
    message: (index: number, key: string, reason: string) => `cell ${index} (${key}) does not compile: ${reason}`,
  }),
  drift: spec({
    severity: 'error', suppressible: false,
    description: 'A stated output or timing claim is wrong, or the block raises or hangs where the document implies a normal end (acknowledge it in the settings).',
    message: (index: number, key: string, reason: string) => `cell ${index} (${key}) drift: ${reason}`,
  }),
  'unexpected-error': spec({
    severity: 'error', suppressible: false,
    description: 'A block raises and nothing says it should (acknowledge it in the settings).',
    message: (index: number, key: string, reason: string) => `cell ${index} (${key}) error: ${reason}`,
  }),
  hangs: spec({
    severity: 'error', suppressible: false,
    description: 'A block never ends and the document does not announce it (acknowledge it in the settings).',
    message: (index: number, key: string, reason: string) => `cell ${index} (${key}) hangs: ${reason}`,
  }),
  'runtime-limit': spec({
    severity: 'warning', suppressible: true,
    description: 'A block needs what the sandbox does not provide (a network, another process, a construct the kernel cannot model): it is skipped, not judged.',
    message: (index: number, key: string, reason: string) => `cell ${index} (${key}) skipped: ${reason}`,
  }),
  // The lock.
  'lock-missing': spec({
    severity: 'error', suppressible: false,
    description: 'The configuration names a lock file that does not exist.',
    message: (command: string) => `no lock file: run \`${command} --update\` to create it`,
  }),
  'lock-mismatch': spec({
    severity: 'error', suppressible: false,
    description: 'A block\'s verdict or output differs from the lock (accept it with `--update`).',
    message: (id: string, difference: string, command: string) => `${id}: ${difference} (run \`${command} --update\` to accept)`,
  }),
  'bad-lock': spec({
    severity: 'error', suppressible: false,
    description: 'The lock file is not valid; the check stops before any block runs.',
    message: detail,
  }),
  // The site.
  'image-not-found': spec({
    severity: 'error', suppressible: true,
    description: 'An image a document shows names no file; the page shows it as text.',
    message: (url: string, byReference: boolean) => `image ${JSON.stringify(url)}${byReference ? ' (by reference)' : ''}: no such file; the page shows it as text`,
  }),
  'image-refused': spec({
    severity: 'error', suppressible: true,
    description: 'An image is not served (not an image, an SVG, outside the content tree, a path from the root, a data: URL, ...); the page shows it as text.',
    message: (url: string, byReference: boolean, reason: string) => `image ${JSON.stringify(url)}${byReference ? ' (by reference)' : ''}: ${reason}; the page shows it as text`,
  }),
  // Translations.
  'translation-invalid': spec({
    severity: 'error', suppressible: true,
    description: 'A translation file is not valid (its schema: src/schema/translation.ts); its valid entries are used.',
    message: detail,
  }),
  'translation-file-missing': spec({
    severity: 'error', suppressible: true,
    description: 'A document of a translated site has no translation file.',
    message: (file: string, total: number) => `translation en: no translation file ${file}: all ${total} segments are missing (\`npm run translations -- --write-skeleton\` creates it)`,
  }),
  'translation-stale': spec({
    severity: 'error', suppressible: true,
    description: 'A translated segment\'s source text changed since it was translated.',
    message: (key: string, where: string) => `translation en: stale segment ${key}: ${where}`,
  }),
  'translation-missing': spec({
    severity: 'error', suppressible: true,
    description: 'A segment of a document has no translation.',
    message: (key: string, kind: string, placeholder: string, excerpt: string) => `translation en: segment ${key} (${kind}) has no English translation${placeholder}: "${excerpt}"`,
  }),
  'translation-orphan': spec({
    severity: 'error', suppressible: true,
    description: 'A translation file translates no document.',
    message: (name: string, expected: string) => `translation en: ${name} translates no document: there is no ${expected}`,
  }),
} satisfies Record<string, { severity: Severity; suppressible: boolean; description: string }>;

export type DiagnosticCode = keyof typeof DIAGNOSTICS;
type Args<C extends DiagnosticCode> = Parameters<(typeof DIAGNOSTICS)[C]['message']>;

/** Codes a project, a document or a block may ignore. */
export const SUPPRESSIBLE = (Object.keys(DIAGNOSTICS) as DiagnosticCode[]).filter((c) => DIAGNOSTICS[c].suppressible);

/** A problem of the project's files: where, which diagnostic, and what it says. */
export interface Problem {
  file: string;
  line: number;
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  /** The block it is about (its key in the settings), for the block's own `ignore:`. */
  cell?: string;
}

export interface Place {
  file: string;
  line: number;
  cell?: string;
}

export function diagnostic<C extends DiagnosticCode>(code: C, at: Place, ...args: Args<C>): Problem {
  const d = DIAGNOSTICS[code];
  const message = (d.message as (...a: Args<C>) => string)(...args);
  return { file: at.file, line: at.line, code, severity: d.severity, message, ...(at.cell !== undefined ? { cell: at.cell } : {}) };
}

/** Schema-found problems (`{file, line, message}`) as diagnostics of one code. */
export function asDiagnostics(code: 'bad-settings' | 'bad-fixture' | 'bad-front-matter' | 'bad-lock' | 'translation-invalid', found: readonly { file: string; line: number; message: string }[]): Problem[] {
  return found.map((p) => diagnostic(code, p, p.message));
}

export function isDiagnosticCode(code: string): code is DiagnosticCode {
  return Object.hasOwn(DIAGNOSTICS, code);
}

/** Does this problem fail the check? */
export function isError(p: Pick<Problem, 'severity'>): boolean {
  return p.severity !== 'warning';
}

/** `error[drift]`, `warning[unclosed-fence]`: how a problem's kind is printed. */
export function diagnosticLabel(p: Pick<Problem, 'severity' | 'code'>): string {
  return `${p.severity}[${p.code}]`;
}

/**
 * Who ignores what: the project's codes, then each document's (by the document's path, as problems
 * name it, and its settings file's) and each of its blocks' (by key).
 */
export interface Suppression {
  project: ReadonlySet<string>;
  files: ReadonlyMap<string, { codes: ReadonlySet<string>; cells: ReadonlyMap<string, ReadonlySet<string>> }>;
}

export const NO_SUPPRESSION: Suppression = { project: new Set(), files: new Map() };

export function isSuppressed(p: Problem, s: Suppression): boolean {
  if (!DIAGNOSTICS[p.code]?.suppressible) return false;
  if (s.project.has(p.code)) return true;
  const file = s.files.get(p.file);
  if (!file) return false;
  if (file.codes.has(p.code)) return true;
  return p.cell !== undefined && (file.cells.get(p.cell)?.has(p.code) ?? false);
}

/** The problems nobody ignored. */
export function unsuppressed(problems: readonly Problem[], s: Suppression): Problem[] {
  return problems.filter((p) => !isSuppressed(p, s));
}
