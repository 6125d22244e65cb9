// Boots the Python runtime inside a Pyodide instance and runs cells in it. Host-neutral: the Node
// worker and the browser's Web Worker both use it, with the same Python files.
import type { PyodideAPI } from 'pyodide';
import { RUN_LIST_LIMIT, type CellRun, type KernelCell } from './types.ts';
import { DEFAULT_REAL_BUDGET, DEFAULT_VIRTUAL_BUDGET } from './types.ts';
import { makeChannel, type HostOps, type RealmEval } from './channel.ts';
import { removeBridges } from './bridge.ts';
import { sealRuntimeFiles } from './read-only.ts';

export const KERNEL_ROOT = '/kernel';
export const WORLD_PATHS = [`${KERNEL_ROOT}/world/modules`, `${KERNEL_ROOT}/world`];

/** Python runtime files, keyed by path relative to src/kernel/python (e.g. `vkernel/clock.py`). */
export type RuntimeFiles = Record<string, string>;

export type StreamSink = (stream: string, text: string, t: number) => void;

// What the green-thread scheduler and the sandbox need from the host: see channel.ts.
function hostOps(onThreadCrash: (error: unknown) => void, interruptBuffer: Int32Array | null, sink: StreamSink | null): HostOps {
  return {
    /**
     * Pyodide itself looks at the interrupt buffer only every so many eval-loop checks; threads
     * that switch constantly run too few bytecodes between switches for that, so the kernel also
     * looks at every switch.
     */
    takeInterrupt: () => interruptBuffer !== null && Atomics.compareExchange(interruptBuffer, 0, 2, 0) === 2,
    spawn(fn) {
      const proxy = fn as { callPromising?: () => Promise<unknown>; destroy?: () => void };
      if (typeof proxy?.callPromising !== 'function') throw new TypeError('not a Python callable');
      proxy.callPromising()
        .catch(onThreadCrash)
        .finally(() => proxy.destroy?.());
    },
    write(stream, text, t) {
      sink?.(stream, text, t);
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

  static writeRuntimeFiles(pyodide: PyodideAPI, files: RuntimeFiles): void {
    for (const [path, text] of Object.entries(files)) {
      const full = `${KERNEL_ROOT}/${path}`;
      pyodide.FS.mkdirTree(full.slice(0, full.lastIndexOf('/')));
      pyodide.FS.writeFile(full, text);
    }
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
      /** Where the channel's objects are made (Node: an empty node:vm realm). */
      realm?: RealmEval;
      /**
       * Tests only: false starts the kernel without the Python-side guards (vkernel/sandbox.py
       * `seal`), as a snippet that undid them all would leave it, to show what the other layers
       * hold alone. The bridge is removed either way.
       */
      pythonGuards?: boolean;
    } = {},
  ): Promise<KernelSession> {
    // Also after a snapshot boot: the snapshot holds the imported modules, not the file system,
    // and tracebacks and later imports read the files.
    KernelSession.writeRuntimeFiles(pyodide, files);
    const ops = hostOps(options.onThreadCrash ?? (() => {}), options.interruptBuffer ?? null, options.sink ?? null);
    pyodide.registerJsModule('kernel_host', makeChannel(ops, options.realm));
    pyodide.runPython(`import sys\nsys.path.insert(0, ${JSON.stringify(KERNEL_ROOT)})`);
    const runtime = pyodide.pyimport('vkernel.runtime');
    const fixtures = pyodide.toPy(options.fixtures ?? []);
    const worldPaths = pyodide.toPy(files['world/simworld/__init__.py'] ? WORLD_PATHS : []);
    const kwargs: Record<string, unknown> = { fixtures, world_paths: worldPaths };
    if (options.sink) kwargs.sink = true;
    if (options.pythonGuards === false) kwargs.guards = false;
    const kernel = runtime.Kernel.callKwargs(kwargs);
    fixtures.destroy();
    worldPaths.destroy();
    runtime.destroy();
    pyodide.runPython(`import sys\nsys.path.remove(${JSON.stringify(KERNEL_ROOT)})`);
    // The kernel holds the channel now; no later import can find it.
    pyodide.unregisterJsModule('kernel_host');
    removeBridges(pyodide);
    // Last before the first cell: the kernel has written and imported what it needs.
    sealRuntimeFiles(pyodide);
    return new KernelSession(pyodide, kernel);
  }

  async runCell(cell: KernelCell): Promise<CellRun> {
    const budget = cell.budget ?? DEFAULT_VIRTUAL_BUDGET;
    const realBudget = cell.realBudget ?? DEFAULT_REAL_BUDGET;
    const runCell = this.kernel.run_cell_json;
    const segments = JSON.stringify((cell.segments ?? []).map((s) => [s.fromLine, s.toLine]));
    const options = JSON.stringify({
      ...(cell.number !== undefined ? { number: cell.number } : {}),
      ...(cell.stdin !== undefined ? { stdin: cell.stdin } : {}),
      ...(cell.onLoop ? { on_loop: true } : {}),
      ...(cell.script ? { script: true } : {}),
      limit: RUN_LIST_LIMIT,
    });
    try {
      const json: string = supportsStackSwitching()
        ? await runCell.callPromising(cell.code, budget, realBudget, segments, options)
        : runCell(cell.code, budget, realBudget, segments, options);
      return JSON.parse(json) as CellRun;
    } finally {
      runCell.destroy();
    }
  }

  get pyodideVersion(): string {
    return this.pyodide.version;
  }
}
