// Boots the Python runtime inside a Pyodide instance and runs cells in it. Host-neutral: the Node
// worker and the browser's Web Worker both use it, with the same Python files.
import type { PyodideAPI } from 'pyodide';
import type { CellRun, KernelCell } from './types.ts';
import { DEFAULT_REAL_BUDGET, DEFAULT_VIRTUAL_BUDGET } from './types.ts';

export const KERNEL_ROOT = '/kernel';
export const WORLD_PATHS = [`${KERNEL_ROOT}/world/modules`, `${KERNEL_ROOT}/world`];

/** Python runtime files, keyed by path relative to src/kernel/python (e.g. `vkernel/clock.py`). */
export type RuntimeFiles = Record<string, string>;

export type StreamSink = (stream: string, text: string, t: number) => void;

interface Gate {
  promise: Promise<void>;
  resolve: () => void;
}

// What the green-thread scheduler needs from the host: gates to suspend a stack on, a way to start
// a new stack, and a look at the interrupt buffer. See vkernel/green.py and vkernel/interrupts.py.
function hostModule(onThreadCrash: (error: unknown) => void, interruptBuffer: Int32Array | null) {
  return {
    /**
     * Takes a pending SIGINT from the interrupt buffer. Pyodide itself looks at the buffer only
     * every so many eval-loop checks; threads that switch constantly run too few bytecodes between
     * switches for that, so the kernel also looks at every switch.
     */
    takeInterrupt(): boolean {
      return interruptBuffer !== null && Atomics.compareExchange(interruptBuffer, 0, 2, 0) === 2;
    },
    gate(): Gate {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      return { promise, resolve: () => resolve() };
    },
    spawn(fn: { callPromising: () => Promise<unknown>; destroy: () => void }) {
      fn.callPromising()
        .catch(onThreadCrash)
        .finally(() => fn.destroy());
    },
  };
}

export function supportsStackSwitching(): boolean {
  return typeof (WebAssembly as unknown as { Suspending?: unknown }).Suspending === 'function';
}

export class KernelSession {
  private readonly pyodide: PyodideAPI;
  private readonly kernel: any;

  private constructor(pyodide: PyodideAPI, kernel: any) {
    this.pyodide = pyodide;
    this.kernel = kernel;
  }

  static async start(
    pyodide: PyodideAPI,
    files: RuntimeFiles,
    options: {
      fixtures?: Record<string, unknown>[];
      sink?: StreamSink;
      onThreadCrash?: (e: unknown) => void;
      /** The buffer given to `pyodide.setInterruptBuffer`, if any. */
      interruptBuffer?: Int32Array | null;
    } = {},
  ): Promise<KernelSession> {
    for (const [path, text] of Object.entries(files)) {
      const full = `${KERNEL_ROOT}/${path}`;
      pyodide.FS.mkdirTree(full.slice(0, full.lastIndexOf('/')));
      pyodide.FS.writeFile(full, text);
    }
    pyodide.registerJsModule('kernel_host', hostModule(options.onThreadCrash ?? (() => {}), options.interruptBuffer ?? null));
    pyodide.runPython(`import sys\nsys.path.insert(0, ${JSON.stringify(KERNEL_ROOT)})`);
    const runtime = pyodide.pyimport('vkernel.runtime');
    const fixtures = pyodide.toPy(options.fixtures ?? []);
    const worldPaths = pyodide.toPy(files['world/simworld.py'] ? WORLD_PATHS : []);
    const kwargs: Record<string, unknown> = { fixtures, world_paths: worldPaths };
    if (options.sink) kwargs.sink = options.sink;
    const kernel = runtime.Kernel.callKwargs(kwargs);
    fixtures.destroy();
    worldPaths.destroy();
    runtime.destroy();
    pyodide.runPython(`import sys\nsys.path.remove(${JSON.stringify(KERNEL_ROOT)})`);
    return new KernelSession(pyodide, kernel);
  }

  async runCell(cell: KernelCell): Promise<CellRun> {
    const budget = cell.budget ?? DEFAULT_VIRTUAL_BUDGET;
    const realBudget = cell.realBudget ?? DEFAULT_REAL_BUDGET;
    const runCell = this.kernel.run_cell_json;
    const segments = JSON.stringify((cell.segments ?? []).map((s) => [s.fromLine, s.toLine]));
    try {
      const json: string = supportsStackSwitching()
        ? await runCell.callPromising(cell.code, budget, realBudget, segments)
        : runCell(cell.code, budget, realBudget, segments);
      return JSON.parse(json) as CellRun;
    } finally {
      runCell.destroy();
    }
  }

  get pyodideVersion(): string {
    return this.pyodide.version;
  }
}
