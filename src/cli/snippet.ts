// `npm run snippet -- FILE.py [MORE.py ...] [--json]`: run files as the cells of one document.
import { readFileSync } from 'node:fs';
import { KernelPool } from '../kernel/node/pool.ts';
import { formatSeconds } from '../kernel/format.ts';
import type { CellRun } from '../kernel/types.ts';
import { consoleLines, consoleText } from '../emit/escape.ts';
import { answer, parseCommand } from './args.ts';

/**
 * A run for the terminal, as src/kernel/format.ts lays it out, with what the snippet wrote escaped:
 * every line it printed sits behind a time stamp, every line of a traceback or a diagnosis behind
 * `  | `, and control characters are visible escapes, so nothing it prints can pass for the
 * `-- ok: …` line or rewrite the terminal.
 */
export function snippetText(run: CellRun): string {
  const lines: string[] = [];
  for (const event of run.events) {
    const parts = event.text.split('\n');
    if (parts.at(-1) === '') parts.pop();
    for (const part of parts) lines.push(`[${formatSeconds(event.t).padStart(9)}]${event.stream === 'stderr' ? ' !' : '  '} ${consoleText(part)}`);
  }
  if (run.result) lines.push(`[${formatSeconds(run.virtualSeconds).padStart(9)}] => ${consoleLines(run.result['text/plain'], '            | ')}`);
  if (run.error) {
    if (run.status === 'hangs' || run.status === 'timeout') {
      lines.push(`${run.status}: ${consoleLines(run.error.evalue, '  | ')}`);
      for (const line of run.error.traceback) lines.push(`  | ${consoleLines(line, '  | ')}`);
    } else {
      const text = run.error.traceback.join('').trimEnd() || `${run.error.ename}: ${run.error.evalue}`;
      lines.push(...text.split('\n').map((line) => `  | ${consoleText(line)}`));
    }
  }
  lines.push(`-- ${run.status}: ${formatSeconds(run.virtualSeconds)} virtual, ${run.cpuMs.toFixed(1)} ms real`);
  return lines.join('\n');
}

const SPEC = {
  name: 'execdocs snippet',
  usage: 'FILE.py [MORE.py ...] [--json]',
  help: ['Runs Python files as the cells of one document, on the virtual clock, and prints what each printed and when.',
    'Exit 0 when every file ran to its end; 1 when one raised, hung or was stopped; 2 for bad usage or an unreadable file.',
    '  --json              the runs as JSON'].join('\n'),
  positionals: true,
  options: { json: { type: 'boolean' } },
} as const;

export async function main(argv: string[]): Promise<number> {
  const parsed = parseCommand(argv, SPEC);
  if (!parsed.ok) return answer(parsed);
  const json = parsed.values.json ?? false;
  const files = parsed.positionals;
  if (files.length === 0) {
    process.stderr.write(`execdocs snippet: name at least one file (see snippet --help)\n`);
    return 2;
  }
  const cells = [];
  for (const file of files) {
    try {
      cells.push({ id: file, code: readFileSync(file, 'utf8') });
    } catch (error) {
      process.stderr.write(`${consoleText(file)}: cannot read: ${consoleText((error as Error).message)}\n`);
      return 2;
    }
  }
  const pool = new KernelPool(1, { log: (line) => process.stderr.write(`${line}\n`) });
  process.stderr.write(`${pool.stats.boundaries}\n`);
  try {
    const runs = await pool.runDocument({ id: files.join('+'), cells });
    if (json) {
      // JSON escapes every control character itself.
      const objects = runs.map(({ world: _world, ...run }) => ({ ...run, result: run.result?.['text/plain'] ?? null }));
      process.stdout.write(JSON.stringify(files.length === 1 ? objects[0] : objects, null, 2) + '\n');
    } else {
      runs.forEach((run, i) => {
        if (files.length > 1) process.stdout.write(`== ${consoleText(files[i]!)}\n`);
        process.stdout.write(snippetText(run) + '\n');
      });
    }
    return runs.every((r) => r.status === 'ok') ? 0 : 1;
  } finally {
    await pool.close();
  }
}
