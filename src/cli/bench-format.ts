// How `npm run bench` prints: one line per figure with its target and whether it was met, so a
// reader (or a script) can scan the output. Pure functions, tested in test/cli/bench-format.test.ts.

/** The groups of figures `--only` can pick, in the order the bench measures them. */
export const BENCH_GROUPS = ['boot', 'check', 'build', 'dev', 'browser', 'scale'] as const;
export type BenchGroup = (typeof BENCH_GROUPS)[number];

export interface Figure {
  name: string;
  value: string;
  target: string;
  met: boolean;
}

export function figureLine(f: Figure): string {
  return `${f.name}: ${f.value} (target ${f.target}: ${f.met ? 'met' : 'NOT met'})`;
}

export function notMeasured(name: string, reason: string): string {
  return `${name}: not measured (${reason})`;
}

export const seconds = (ms: number, digits = 2) => `${(ms / 1000).toFixed(digits)} s`;
export const mib = (kib: number) => `${(kib / 1024).toFixed(0)} MiB`;

/** `--only check,browser` → the groups to run; all of them without the option. */
export function parseOnly(argv: string[]): Set<BenchGroup> | string {
  const at = argv.indexOf('--only');
  const unknown = argv.filter((a, i) => a.startsWith('--') && a !== '--only' && argv[i - 1] !== '--only');
  if (unknown.length > 0) return `unknown option ${unknown[0]}`;
  if (at < 0) return new Set(BENCH_GROUPS);
  const names = (argv[at + 1] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (names.length === 0) return `--only needs a list of groups: ${BENCH_GROUPS.join(',')}`;
  const bad = names.find((n) => !(BENCH_GROUPS as readonly string[]).includes(n));
  if (bad) return `--only: no group named ${bad} (groups: ${BENCH_GROUPS.join(',')})`;
  return new Set(names as BenchGroup[]);
}

/**
 * The cold check against its floor: with every core busy the whole time, a check can take no less
 * than the cells' CPU time divided by the cores; what it takes beyond that is boots, waiting and
 * scheduling. Cells of one document depend on each other and run in order, so when one document's
 * cells alone take longer than `limit` x floor, that chain is the bound and the target becomes
 * max(limit x floor, chain) (`bound`, bench-breakdown.ts).
 */
export function coldCheckFigure(wallMs: number, cellCpuMs: number, cores: number, bound?: { doc: string; chainMs: number }, limit = 1.15): Figure {
  const floorMs = cellCpuMs / cores;
  const ratio = wallMs / floorMs;
  const chain = bound && bound.chainMs > limit * floorMs ? bound : null;
  const targetMs = chain ? chain.chainMs : limit * floorMs;
  return {
    name: 'cold check, five documents (--no-cache)',
    value: `${seconds(wallMs)} wall, ${seconds(cellCpuMs)} cell CPU, ${cores} cores, floor ${seconds(floorMs)}, ratio ${ratio.toFixed(2)}` +
      (chain ? `; longest chain ${seconds(chain.chainMs)} (${chain.doc}), wall/chain ${(wallMs / chain.chainMs).toFixed(2)}` : ''),
    target: chain ? `<= max(${limit} x floor, longest chain) = ${seconds(targetMs)}` : `<= ${limit} x floor`,
    met: Number.isFinite(ratio) && wallMs <= targetMs,
  };
}

export interface ScaleSample {
  wallMs: number;
  cells: number;
  /** Peak RSS of the check process with its sandbox children together, and of the largest child. */
  peakTreeKiB: number;
  peakWorkerKiB: number;
}

/**
 * The scale run against 1x. Linear: the wall time per cell does not grow by more than `slack`
 * (fixed costs such as starting Node make it shrink). Flat: the largest sandbox process at Nx
 * stays within `slack` of its size at 1x (documents do not pile up in a worker).
 */
export function scaleFigures(one: ScaleSample, many: ScaleSample, factor: number, slack = 1.15): Figure[] {
  const perCell = (s: ScaleSample) => s.wallMs / Math.max(1, s.cells);
  const timeRatio = perCell(many) / perCell(one);
  const memoryRatio = many.peakWorkerKiB / one.peakWorkerKiB;
  return [
    {
      name: `scale run, ${factor}x the documents: wall time`,
      value: `${seconds(many.wallMs, 1)} for ${many.cells} cells against ${seconds(one.wallMs, 1)} for ${one.cells} at 1x; ` +
        `${perCell(many).toFixed(0)} ms against ${perCell(one).toFixed(0)} ms per cell (x${timeRatio.toFixed(2)})`,
      target: `linear in cells: per-cell time <= ${slack} x 1x`,
      met: timeRatio <= slack,
    },
    {
      name: `scale run, ${factor}x the documents: peak memory`,
      value: `largest sandbox process ${mib(many.peakWorkerKiB)} against ${mib(one.peakWorkerKiB)} at 1x (x${memoryRatio.toFixed(2)}); ` +
        `check with its sandboxes ${mib(many.peakTreeKiB)} against ${mib(one.peakTreeKiB)}`,
      target: `flat per worker: <= ${slack} x 1x`,
      met: memoryRatio <= slack,
    },
  ];
}
