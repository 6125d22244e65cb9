// The one way the project reads an input file against its schema: parse the text (YAML, or JSON,
// which is YAML too), validate the value with zod, and turn each issue into a problem at the line
// of the node it is about: `content/ko/x.snippets.yaml:12: cells.ab12cd34.real-budget: must be at
// most 600 seconds (got 10000)`. Messages are written here rather than taken from zod's locale, so
// every file's errors read alike; a schema's own message (a refinement, a hint) wins over them.
import { z } from 'astro/zod';
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';

export interface FileProblem {
  file: string;
  /** 1-based. */
  line: number;
  message: string;
}

export type Path = readonly PropertyKey[];

/** A parsed file: its value, its syntax errors, and where each part of the value was written. */
export interface ParsedFile {
  file: string;
  value: unknown;
  problems: FileProblem[];
  /** The line of the deepest node on `path` that exists (a map entry's key line, a list item's line). */
  lineOf(path: Path): number;
}

export type Validated<T> =
  | { ok: true; value: T; problems: FileProblem[] }
  | { ok: false; value: null; problems: FileProblem[]; issues?: readonly z.core.$ZodIssue[] };

export function parseYaml(text: string, file: string): ParsedFile {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true });
  const problems = doc.errors.map((e) => ({
    file,
    line: e.linePos?.[0]?.line ?? 1,
    message: `invalid YAML: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`,
  }));
  const lineAt = (node: Node | null | undefined, fallback: number) => (node?.range ? counter.linePos(node.range[0]).line : fallback);
  return {
    file,
    value: problems.length ? null : doc.toJS({ maxAliasCount: 100 }),
    problems,
    lineOf(path) {
      let node: unknown = doc.contents;
      let line = lineAt(doc.contents as Node | null, 1);
      for (const step of path) {
        if (isMap(node)) {
          const pair = node.items.find((p) => keyText(p.key) === String(step));
          if (!pair) break;
          line = lineAt(pair.key as Node, line);
          node = pair.value;
        } else if (isSeq(node) && typeof step === 'number' && node.items[step] !== undefined) {
          node = node.items[step];
          line = lineAt(node as Node, line);
        } else break;
      }
      return line;
    },
  };
}

/**
 * JSON files (the lock, cache entries) are parsed by `JSON.parse`, which is fast; only when there
 * is something to report is the text read again as YAML to find the lines.
 */
export function parseJson(text: string, file: string): ParsedFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    return { file, value: null, problems: [{ file, line: jsonErrorLine(text, message), message: `invalid JSON: ${message}` }], lineOf: () => 1 };
  }
  let located: ParsedFile | null = null;
  return { file, value, problems: [], lineOf: (path) => (located ??= parseYaml(text, file)).lineOf(path) };
}

function lineOfOffset(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/**
 * V8 says where JSON went wrong in one of three ways: `(line 3 column 5)` / `at position 42`, a
 * quoted stretch of the text around the bad token, or "Unexpected end of JSON input".
 */
function jsonErrorLine(text: string, message: string): number {
  const line = /\(line (\d+) column \d+\)/.exec(message)?.[1];
  if (line) return Number(line);
  const position = /at position (\d+)/.exec(message)?.[1];
  if (position) return lineOfOffset(text, Number(position));
  const quoted = /, (?:\.\.\.)?"([\s\S]*?)"(?:\.\.\.)? is not valid JSON$/.exec(message)?.[1];
  const token = /Unexpected token '(.)'/.exec(message)?.[1];
  if (quoted && text.includes(quoted)) return lineOfOffset(text, text.indexOf(quoted) + Math.max(0, token ? quoted.indexOf(token) : 0));
  if (/end of JSON input/.test(message)) return text.trimEnd().split('\n').length;
  return 1;
}

function keyText(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}

/** The parsed value against the schema; each issue a problem at its line, in the order of the file. */
export function check<S extends z.ZodType>(parsed: ParsedFile, schema: S): Validated<z.output<S>> {
  const result = schema.safeParse(parsed.value, { error: issueMessage });
  if (result.success) return { ok: true, value: result.data, problems: [] };
  const problems = result.error.issues.flatMap((issue) => problemsOf(parsed, issue));
  return { ok: false, value: null, problems: problems.sort((a, b) => a.line - b.line), issues: result.error.issues };
}

/** Read and validate one file's text: the shared entry point for every input format. */
export function validateText<S extends z.ZodType>(text: string, file: string, schema: S, format: 'yaml' | 'json' = 'yaml'): Validated<z.output<S>> & { parsed: ParsedFile } {
  const parsed = format === 'json' ? parseJson(text, file) : parseYaml(text, file);
  if (parsed.problems.length) return { ok: false, value: null, problems: parsed.problems, parsed };
  return { ...check(parsed, schema), parsed };
}

/** `cells.ab12cd34.budget`: the issue's place, as the problem names it. */
export function pathText(path: Path): string {
  return path.map(String).join('.');
}

function problemsOf(parsed: ParsedFile, issue: z.core.$ZodIssue): FileProblem[] {
  const path = issue.path;
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ file: parsed.file, line: parsed.lineOf([...path, key]), message: `${pathText([...path, key])}: ${issue.message}` }));
  }
  const where = pathText(path);
  return [{ file: parsed.file, line: parsed.lineOf(path), message: where ? `${where}: ${issue.message}` : issue.message }];
}

/** Every path the issues are about, cut to `depth` steps: the parts of a value a loader leaves out. */
export function failingPaths(problems: readonly z.core.$ZodIssue[], depth: number): Set<string> {
  const out = new Set<string>();
  for (const issue of problems) {
    const paths = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
    for (const p of paths) out.add(pathText(p.slice(0, depth)));
  }
  return out;
}

const KIND: Record<string, string> = {
  string: 'a string', number: 'a number', int: 'an integer', boolean: 'true or false', object: 'a mapping',
  array: 'a list', record: 'a mapping', null: 'null', map: 'a mapping',
};

/** What a value is, for "(got …)": short and never the whole of a long value. */
export function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** The per-parse error map: one sentence per kind of issue, naming what was found. */
function issueMessage(issue: z.core.$ZodRawIssue): string | undefined {
  const input = issue.input;
  if (input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union')) return 'is required';
  switch (issue.code) {
    case 'invalid_type':
      return `must be ${KIND[issue.expected] ?? issue.expected} (got ${shown(input)})`;
    case 'too_big': {
      const unit = issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' items' : '';
      const got = issue.origin === 'number' || issue.origin === 'int' ? shown(input) : `${(input as { length?: number })?.length ?? '?'}${unit}`;
      return `must be ${issue.inclusive ? 'at most' : 'less than'} ${String(issue.maximum)}${unit} (got ${got})`;
    }
    case 'too_small': {
      const unit = issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' items' : '';
      if (unit && Number(issue.minimum) === 1) return `must not be empty`;
      const got = unit ? `${(input as { length?: number })?.length ?? '?'}${unit}` : shown(input);
      return `must be ${issue.inclusive ? 'at least' : 'more than'} ${String(issue.minimum)}${unit} (got ${got})`;
    }
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${shown(issue.values[0])} (got ${shown(input)})`
        : `must be one of ${issue.values.map(shown).join(', ')} (got ${shown(input)})`;
    case 'unrecognized_keys': {
      const known = knownKeys(issue.inst);
      return `unknown field${known ? ` (known: ${known.join(', ')})` : ''}`;
    }
    case 'invalid_format':
      return `is not ${issue.format === 'regex' ? 'in the expected form' : `a valid ${issue.format}`} (got ${shown(input)})`;
    case 'invalid_key':
      return `is not a valid key: ${issue.issues[0]?.message ?? 'invalid'}`;
    case 'invalid_union':
      return `does not have any of the accepted forms (got ${shown(input)})`;
    default:
      return undefined;
  }
}

function knownKeys(inst: unknown): string[] | null {
  const shape = (inst as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : null;
}
