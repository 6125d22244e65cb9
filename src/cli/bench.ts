// `npm run bench [-- --only boot,check,build,dev,browser,scale]`: every speed figure the project
// promises, each printed beside its target (see README, Speed). Figures, not assertions: none of
// them is a test, and on a busy machine they say so only by missing their targets.
import { availableParallelism, loadavg } from 'node:os';
import { BENCH_GROUPS, parseOnly, type BenchGroup } from './bench-format.ts';
import { coldCheckLines, coldCheckOf, snapshotBoot, warmRecheck, type CheckRun } from './bench-kernel.ts';
import { buildFigure, browserFigures } from './bench-site.ts';
import { devFigures } from './bench-dev.ts';
import { scaleRun } from './bench-scale.ts';
import { DEFAULT_SOURCE } from './check.ts';

export async function main(argv: string[] = []): Promise<number> {
  const only = parseOnly(argv);
  if (typeof only === 'string') {
    process.stderr.write(`${only}\nusage: npm run bench [-- --only ${BENCH_GROUPS.join(',')}]\n`);
    return 2;
  }
  const cores = availableParallelism();
  // The load says how far the wall times below can be trusted: the machine may be shared.
  const load = loadavg().map((l) => l.toFixed(2)).join(', ');
  console.log(`machine: ${cores} cores (os.availableParallelism()), load average ${load}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
  // The cold check is also the scale run's 1x: run once, used by both.
  let cold: Promise<CheckRun> | null = null;
  const coldCheck = () => (cold ??= coldCheckOf(DEFAULT_SOURCE));
  const groups: Record<BenchGroup, () => Promise<string[]>> = {
    boot: snapshotBoot,
    check: async () => [...coldCheckLines(await coldCheck(), cores), ...await warmRecheck()],
    build: buildFigure,
    dev: devFigures,
    browser: browserFigures,
    scale: async () => scaleRun(DEFAULT_SOURCE, await coldCheck()),
  };
  for (const group of BENCH_GROUPS) {
    if (!only.has(group)) continue;
    try {
      for (const line of await groups[group]()) console.log(line);
    } catch (error) {
      console.log(`${group}: not measured (${(error as Error).message.split('\n')[0]})`);
    }
  }
  return 0;
}
