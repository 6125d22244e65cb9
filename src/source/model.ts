// The document model: what the source documents say, before anything runs.

export interface SourceDocument {
  /** Stable name from the file name, e.g. `asyncio-basics`. */
  slug: string;
  /** Path as given (relative to the project when inside it). */
  file: string;
  title: string;
  markdown: string;
  chapters: Chapter[];
  cells: Cell[];
  /** What is wrong with the document itself (invalid front matter, a fence never closed), at its lines. */
  problems: DocumentProblem[];
}

/**
 * A problem of the document's own text, as data: the check words it (its diagnostic code's message,
 * src/check/diagnostics.ts) with these arguments.
 */
export type DocumentProblem =
  | { code: 'bad-front-matter'; line: number; args: [detail: string] }
  /** `cell`: the key of the python block the fence opens, when it is one. */
  | { code: 'unclosed-fence'; line: number; cell?: string; args: [fence: string, lines: number] };

export interface Chapter {
  slug: string;
  title: string;
  /** 0-based position in the document. */
  index: number;
  /** 1-based source lines covered, inclusive. */
  startLine: number;
  endLine: number;
  /** Byte offsets into the document's markdown. */
  startOffset: number;
  endOffset: number;
}

export interface Cell {
  /** Stable across edits elsewhere in the document: `<doc>/<hash of the code>`. */
  id: string;
  /** The part of the id after the slash: the key in the document's settings file (`<doc>.snippets.yaml`). */
  key: string;
  document: string;
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** 1-based index among the python blocks of the file. */
  index: number;
  chapter: string;
  lang: string;
  code: string;
  /** Why this python block is not run, when it is not Python at all (shell, Java, ...). */
  notPython: string | null;
  /** The fence's info string says not to run it (`python no-run`, `python {skip}`): that word. */
  noRun: string | null;
  /** The code that runs: the whole block, or its Python part when the block ends in another language. */
  runCode: string;
  /** When only a leading part runs: the 1-based code line where the non-Python part starts, and why. */
  partial: { fromLine: number; language: string; reason: string } | null;
  stated: StatedOutput[];
  claims: TimingClaim[];
  /** Lines (1-based within the code) that carry a cue that they raise, e.g. `# SyntaxError!`. */
  errorCues: ErrorCue[];
  /** Tables of timed events in comments (`# 1.0 | 파일B 완료!`). */
  eventTables: EventTable[];
  /** `script`, or `transcript` (`>>>` prompts: each statement runs and echoes as in the REPL). */
  form: 'script' | 'transcript';
  /** The rule that found the block (`fence:py`, `fence:pycon`, `liquid`, ...). */
  found: string;
  examples: TranscriptExample[];
  announcements: Announcement[];
  /** Uses `await` outside a function: runs as Jupyter/IPython run it (autoawait). */
  topLevelAwait: boolean;
  /**
   * The document runs the block as a file: what shows it (`python main.py`, `File "main.py"`). Such a
   * block compiles as that file does: `await` outside a function is a SyntaxError, not autoawait.
   */
  script?: string | null;
  /** Reads the keyboard (`input()`). */
  readsInput: boolean;
  /**
   * Looks like an illustration: has no entry point and uses placeholders (`...`, `<url>`); the prose
   * calls it an excerpt; `pseudo`: the words of the prose that call it pseudo-code or a signature.
   */
  illustration: {
    placeholders: string[]; entryPoint: boolean; excerpt: boolean; pseudo?: string | null;
    /**
     * A fragment of a program (it starts none of its own): the names it uses that no block of its page
     * binds (src/source/fragments.ts). Null or absent: it starts a program.
     */
    unbound?: string[] | null;
  };
  /** The document shows a server in another language that this block would talk to. */
  serverElsewhere: string | null;
  transforms: Transform[];
}

export interface EventRow {
  /** When the event happens, in seconds from the start of the program. */
  at: number;
  /** The row's text as written. */
  description: string;
  /** The words a printed line must contain to report the event. */
  words: string[];
  sourceLine: number;
}

export interface EventTable {
  rows: EventRow[];
  sourceLine: number;
}

export type StatedKind =
  | 'output'      // a complete stated output: `# 출력:` block, or an output fence after the code
  | 'order'       // an execution order: the lines appear in this order, others may come between
  | 'print-value'; // a trailing comment after a print call: the line that print writes

export interface StatedLine {
  /** The text the program is said to print, with annotations removed. */
  text: string;
  /** When the line is said to appear (seconds), from an annotation such as `(1초 후)`. */
  at: number | null;
  approximate: boolean;
  /** The original text as written in the document. */
  raw: string;
  /** 1-based line in the source document. */
  sourceLine: number;
  /**
   * A timing remark written as a line of a comment block of output (`# 총 3초 소요`): that line when
   * the run prints it, otherwise the document's own claim (a TimingClaim with `unlessPrinted`).
   */
  remark?: boolean;
}

export interface StatedOutput {
  kind: StatedKind;
  lines: StatedLine[];
  /** The stated order is not significant (`순서 무관`, "order may vary"). */
  unordered: boolean;
  /** Where it was stated, for messages: 1-based source line of its first line. */
  sourceLine: number;
  /** For print-value: the 1-based line within the code of the print call. */
  codeLine?: number;
  /** The rule that recognised it (`label:zh`, `comment:ko`, `print-template`, `inline:marker`, ...). */
  found: string;
  /**
   * Not announced by any label: an output fence right after the code, or lines after the code in its
   * own fence. Taken as a stated output only when it aligns with the run (check/align.ts).
   */
  candidate?: boolean;
}

export type ClaimKind =
  | 'total'       // the program above took N s (`총 3초 소요`)
  | 'printed'     // a printed elapsed time is about N s (`print(...)  # 약 3초`)
  | 'program'     // the whole block takes N s, said in the prose around it ("this takes about 3 seconds")
  | 'appear'      // the line this print writes appears N s after the start (`print(...)  # 약 3초 뒤 출력`)
  | 'sequence'    // the prose says lines appear in this order, some a time after the one before ("先打印 start，两秒后打印 end", `A → B → C`)
  | 'every';      // the prose says a line appears every N s ("每秒输出一行", "1초마다 한 줄씩 출력")

export interface TimingClaim {
  kind: ClaimKind;
  seconds: number;
  approximate: boolean;
  text: string;
  /** 1-based line within the code where the claim is written. */
  codeLine: number;
  sourceLine: number;
  /** A total claim sums up the code above it, or heads the block of code right below it. */
  scope: 'before' | 'after';
  /**
   * For a claim inside a function body: the code lines (1-based, inclusive) of the statements it
   * measures. Top-level claims are measured by the kernel's statement timing and have none.
   */
  segment?: { fromLine: number; toLine: number };
  /** Written after the code on the line it sums up (`asyncio.run(main())  # 총 3초`). */
  trailing?: boolean;
  /** For `appear`: the print's template as a pattern over a printed line, or null for any line. */
  pattern?: string | null;
  /** The rule that recognised it (`timing:code`, `timing:prose:en`, `timing:appear`, ...). */
  found: string;
  /** Written as a line of a stated output: no claim when the run prints this line. */
  unlessPrinted?: string;
  /**
   * For `sequence`: the words that tell each line apart (what the prose quotes: `start`, "任务A"), in
   * the stated order, each with the wait since the step before when the prose gives one. When the
   * first step has a wait too ("1秒后打印 A，2秒后打印 B"), the waits may be read from the start.
   */
  steps?: SequenceStep[];
  /** For `every`: the words that tell the repeated line apart, when the prose quotes them. */
  marker?: string | null;
}

export interface SequenceStep {
  marker: string;
  /** Seconds since the step before (since the start, for the first step), or null when not said. */
  gap: number | null;
}

/** The text says the block raises, or never ends. */
export interface Announcement {
  kind: 'error' | 'hang';
  /** The exception the text names, when it names one. */
  ename: string | null;
  /** The words that announce it, as written. */
  text: string;
  sourceLine: number;
  /** Where it was said: `prose:ko`, `docstring`, `comment`. */
  found: string;
  /** Said outright about this code (not "if you forget await, it would raise"): a run that does not raise is drift. */
  firm: boolean;
}

/** A statement in an interactive transcript (`>>> ` and `... ` lines) and what the interpreter echoed. */
export interface TranscriptExample {
  /** The statement's source, prompts removed. */
  source: string;
  /** 1-based line within the block of its first prompt. */
  codeLine: number;
  sourceLine: number;
  /** What the transcript shows after it, up to the next prompt. */
  expected: StatedLine[];
}

/** What was done to a block before it runs, said on the page. */
export interface Transform {
  kind: 'gutter' | 'inline-output' | 'autoawait' | 'transcript' | 'script';
  note: string;
}

export interface ErrorCue {
  codeLine: number;
  /** The exception name the cue names, or null for a generic `# ❌`. */
  ename: string | null;
  text: string;
}
