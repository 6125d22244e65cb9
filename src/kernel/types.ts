// The kernel's data, shared by the Node host, the browser host and everything downstream.

export type CellStatus = 'ok' | 'error' | 'hangs' | 'timeout';

export interface OutputEvent {
  stream: 'stdout' | 'stderr';
  text: string;
  /** Virtual seconds since the cell started. */
  t: number;
}

export interface CellError {
  ename: string;
  evalue: string;
  /** Formatted traceback lines (or, for a hang, the diagnosis: one line per waiting task or thread). */
  traceback: string[];
}

export type SpanKind =
  | 'sleep' | 'lock' | 'semaphore' | 'event' | 'condition' | 'queue' | 'barrier' | 'wait_for' | 'wait'
  | 'gather' | 'thread' | 'taskgroup' | 'timeout' | 'io' | 'task' | 'future' | 'join' | 'block' | 'busy';

export interface TraceSpan {
  kind: SpanKind | string;
  from: number;
  to: number;
  detail: string | null;
}

export interface TraceActor {
  id: string;
  kind: 'task' | 'thread' | 'job';
  name: string;
  /** The coroutine's or function's name with its arguments, e.g. `fetch('A', 2)`. */
  label: string;
  thread: string;
  created: number;
  started: number | null;
  finished: number | null;
  outcome: 'ok' | 'error' | 'cancelled' | 'pending';
  error: string | null;
  spans: TraceSpan[];
}

export interface WorldUsage {
  kind: 'http' | 'db' | 'file' | 'app';
  target: string;
  detail: string;
  fixture: string;
}

/** A top-level statement of the cell and the virtual interval it ran in (end null if it raised). */
export interface StatementTiming {
  line: number;
  endLine: number;
  start: number;
  end: number | null;
}

/** A probed range inside a function body: start null too when it never ran. */
export interface SegmentTiming extends Omit<StatementTiming, 'start'> {
  start: number | null;
}

/**
 * At most this many items in a list of a run (the trace's tasks and threads, one task's spans,
 * the statements' timings, the simulated world's log). The kernel keeps the first ones and counts
 * the rest (`trace.cut`, a run's lists); the host refuses a run with more. One number for both.
 */
export const RUN_LIST_LIMIT = 20_000;

/** What the kernel left out of a run's lists above RUN_LIST_LIMIT. */
export interface RunCut {
  actors: number;
  spans: number;
  statements: number;
  world: number;
}

export interface CellRun {
  status: CellStatus;
  events: OutputEvent[];
  /** The value of a final expression, as Jupyter shows it (`text/plain`), or null. */
  result: { 'text/plain': string } | null;
  error: CellError | null;
  virtualSeconds: number;
  cpuMs: number;
  trace: { actors: TraceActor[]; cut?: RunCut };
  statements: StatementTiming[];
  /** The segments the cell asked for (`KernelCell.segments`), in order, timed where they ran. */
  segments?: SegmentTiming[];
  /** For an interactive transcript: the run of each of its statements, in order (this run merges them). */
  parts?: CellRun[];
  defines: string[];
  /** Names the cell binds only by its own import statements: it does not need them from earlier cells. */
  imports: string[];
  uses: string[];
  world: WorldUsage[];
  /**
   * What the program asked for that the sandbox does not provide (a network connection, a process,
   * a construct the kernel cannot model), each once, whether or not the program caught the refusal.
   */
  limits?: string[];
}

export interface KernelCell {
  id: string;
  code: string;
  /** Virtual-time budget in seconds (default one virtual hour). */
  budget?: number;
  /** Real-time budget in seconds before a CPU-bound cell is interrupted (default 10). */
  realBudget?: number;
  /**
   * Runs of statements inside function bodies to time (code lines, 1-based, inclusive), for timing
   * claims written there. Top-level statements are always timed (`CellRun.statements`).
   */
  segments?: { fromLine: number; toLine: number }[];
  /** The cell number the page shows, for tracebacks (`File "<cell 3>"`); default: the run's count. */
  number?: number;
  /** What `input()` and `sys.stdin` read (default: nothing, end of file at once). */
  stdin?: string;
  /** Run every statement inside the kept event loop, as the asyncio REPL does (`python -m asyncio`). */
  onLoop?: boolean;
  /**
   * Compile the code as CPython compiles a script file (`python main.py`): `await` outside a function
   * is the SyntaxError it is there, not a top-level await as in a notebook.
   */
  script?: boolean;
}

export interface KernelDocument {
  id: string;
  cells: KernelCell[];
  /** Parsed fixture files for the simulated I/O world, each with a `name`; later ones win. */
  fixtures?: Record<string, unknown>[];
}

export const DEFAULT_VIRTUAL_BUDGET = 3600;
export const DEFAULT_REAL_BUDGET = 10;

/**
 * The interpreter's environment, in Node and in the browser. A fixed string-hash seed: set iteration
 * order, the order of tasks that tie on the virtual clock, and the allocations that follow are the
 * same on every machine and every build. The seed is taken when the interpreter initialises, so a
 * memory snapshot carries it. `_` (the program's path, which Emscripten fills in) is the name a
 * browser gives: in Node it would be the host's worker file, a path of the host's machine, and a
 * snapshot made in Node and loaded in a browser must look the same as one made there.
 */
export const PYTHON_ENV: Readonly<Record<string, string>> = { PYTHONHASHSEED: '0', _: './this.program' };
