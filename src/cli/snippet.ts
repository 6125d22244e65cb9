// `npm run snippet -- FILE.py [MORE.py ...] [--json]`: run files as the cells of one document.
import { readFileSync } from 'node:fs';
import { KernelPool } from '../kernel/node/pool.ts';
import { formatRun } from '../kernel/format.ts';

export async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const files = argv.filter((a) => !a.startsWith('--'));
  if (files.length === 0) {
    process.stderr.write('usage: npm run snippet -- FILE.py [MORE.py ...] [--json]\n');
    return 2;
  }
  const cells = [];
  for (const file of files) {
    try {
      cells.push({ id: file, code: readFileSync(file, 'utf8') });
    } catch (error) {
      process.stderr.write(`${file}: cannot read: ${(error as Error).message}\n`);
      return 2;
    }
  }
  const pool = new KernelPool(1);
  try {
    const runs = await pool.runDocument({ id: files.join('+'), cells });
    if (json) {
      const objects = runs.map(({ world: _world, ...run }) => ({ ...run, result: run.result?.['text/plain'] ?? null }));
      process.stdout.write(JSON.stringify(files.length === 1 ? objects[0] : objects, null, 2) + '\n');
    } else {
      runs.forEach((run, i) => {
        if (files.length > 1) process.stdout.write(`== ${files[i]}\n`);
        process.stdout.write(formatRun(run) + '\n');
      });
    }
    return runs.every((r) => r.status === 'ok') ? 0 : 1;
  } finally {
    await pool.close();
  }
}
