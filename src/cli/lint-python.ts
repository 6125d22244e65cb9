// `npm run lint:python`: Ruff (its WebAssembly build, so nothing to install) over the kernel's
// Python, with the settings of ruff.toml. Prints `file:line:column: CODE message` per finding.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { parse } from 'smol-toml';

export const PYTHON_ROOT = 'src/kernel/python';

interface RuffDiagnostic {
  code: string | null;
  message: string;
  start_location: { row: number; column: number };
}

export interface Finding {
  file: string;
  line: number;
  column: number;
  code: string;
  message: string;
}

function pythonFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === '__pycache__' ? [] : pythonFiles(path);
    return name.endsWith('.py') ? [path] : [];
  });
}

/** Whether a per-file-ignores pattern (`__init__.py`, `dir/*`) names a file. */
function matches(pattern: string, file: string): boolean {
  if (!pattern.includes('/')) return file.split('/').at(-1) === pattern;
  const regex = new RegExp('^' + pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^]*') + '$');
  return regex.test(file);
}

export function lintPython(root = PYTHON_ROOT, configFile = 'ruff.toml'): Finding[] {
  const require = createRequire(import.meta.url);
  const ruff = require('@astral-sh/ruff-wasm-nodejs');
  const config = parse(readFileSync(configFile, 'utf8')) as { lint?: { 'per-file-ignores'?: Record<string, string[]> } } & Record<string, unknown>;
  const perFile = config.lint?.['per-file-ignores'] ?? {};
  const settings = { ...config, lint: { ...config.lint, 'per-file-ignores': undefined } };
  const workspace = new ruff.Workspace(settings, ruff.PositionEncoding.Utf16);
  const findings: Finding[] = [];
  for (const path of pythonFiles(root)) {
    const file = relative(process.cwd(), path);
    const ignored = new Set(Object.entries(perFile).filter(([pattern]) => matches(pattern, file)).flatMap(([, codes]) => codes));
    for (const d of workspace.check(readFileSync(path, 'utf8')) as RuffDiagnostic[]) {
      const code = d.code ?? 'syntax';
      if (!ignored.has(code)) findings.push({ file, line: d.start_location.row, column: d.start_location.column, code, message: d.message });
    }
  }
  return findings;
}

export async function main(): Promise<number> {
  const findings = lintPython();
  for (const f of findings) process.stdout.write(`${f.file}:${f.line}:${f.column}: ${f.code} ${f.message}\n`);
  process.stdout.write(findings.length ? `${findings.length} finding(s)\n` : 'ruff: no findings\n');
  return findings.length ? 1 : 0;
}
