// Fixture files for the simulated I/O world: the project's shared ones, then a document's own.
// A fixture that is missing, outside the content directory or not valid YAML is a problem at the
// line that names it (or at its own line); the document is still checked without it.
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';

export const SHARED_FIXTURES_DIR = 'content/fixtures';

export interface FixtureProblem {
  file: string;
  line: number;
  message: string;
}

export interface LoadedFixtures {
  fixtures: Record<string, unknown>[];
  problems: FixtureProblem[];
}

const shown = (file: string) => relative(process.cwd(), file) || file;

function load(file: string, problems: FixtureProblem[]): Record<string, unknown> | null {
  const counter = new LineCounter();
  const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter: counter });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) problems.push({ file: shown(file), line: error.linePos?.[0].line ?? 1, message: `invalid fixture YAML: ${error.message.split('\n')[0]}` });
    return null;
  }
  const data = doc.toJSON() ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    problems.push({ file: shown(file), line: 1, message: 'a fixture file must be a mapping (routes, databases, files)' });
    return null;
  }
  return { ...(data as Record<string, unknown>), name: shown(file) };
}

export function sharedFixtures(dir = SHARED_FIXTURES_DIR): Record<string, unknown>[] {
  return loadShared(dir).fixtures;
}

export function loadShared(dir = SHARED_FIXTURES_DIR): LoadedFixtures {
  const problems: FixtureProblem[] = [];
  if (!existsSync(dir)) return { fixtures: [], problems };
  const fixtures = readdirSync(dir).filter((f) => f.endsWith('.yaml') || f.endsWith('.yml')).sort()
    .map((f) => load(join(dir, f), problems)).filter((f): f is Record<string, unknown> => f !== null);
  return { fixtures, problems };
}

/** Is `file` inside `root`, after following links? */
function inside(root: string, file: string): boolean {
  const real = (p: string) => (existsSync(p) ? realpathSync(p) : resolve(p));
  const r = real(root);
  const f = real(file);
  return f === r || f.startsWith(r + sep);
}

/**
 * A document's own fixtures (`<doc>.fixtures.yaml`) and the ones its settings name. Named ones are
 * relative to the document and must stay inside `root` (the content directory).
 */
export function loadDocumentFixtures(
  markdownFile: string,
  named: { name: string; settingsFile: string; line: number }[] = [],
  root = join(markdownFile, '..', '..'),
): LoadedFixtures {
  const problems: FixtureProblem[] = [];
  const own = markdownFile.replace(/\.(md|markdown|mdx)$/i, '.fixtures.yaml');
  const dir = join(markdownFile, '..');
  const fixtures: Record<string, unknown>[] = [];
  if (existsSync(own)) {
    const loaded = load(own, problems);
    if (loaded) fixtures.push(loaded);
  }
  for (const { name, settingsFile, line } of named) {
    const file = resolve(dir, name);
    const at = { file: shown(settingsFile), line };
    if (isAbsolute(name) || !inside(root, file)) {
      problems.push({ ...at, message: `fixture ${JSON.stringify(name)} is outside the content directory (${shown(root)}): fixtures must live beside the documents` });
    } else if (!existsSync(file)) {
      problems.push({ ...at, message: `fixture ${JSON.stringify(name)} does not exist (looked for ${shown(file)})` });
    } else {
      const loaded = load(file, problems);
      if (loaded) fixtures.push(loaded);
    }
  }
  return { fixtures, problems };
}

/** Kept for callers that only want the fixtures (tests, the snippet runner). */
export function documentFixtures(markdownFile: string, extra: string[] = []): Record<string, unknown>[] {
  return loadDocumentFixtures(markdownFile, extra.map((name) => ({ name, settingsFile: markdownFile, line: 1 }))).fixtures;
}
