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
}

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
  /** The part of the id after the slash: the key in the document's annotations file. */
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
  /** The code that runs: the whole block, or its Python part when the block ends in another language. */
  runCode: string;
  /** When only a leading part runs: the 1-based code line where the non-Python part starts, and why. */
  partial: { fromLine: number; reason: string } | null;
  stated: StatedOutput[];
  claims: TimingClaim[];
  /** Lines (1-based within the code) that carry a cue that they raise, e.g. `# SyntaxError!`. */
  errorCues: ErrorCue[];
  /** Tables of timed events in comments (`# 1.0 | 파일B 완료!`). */
  eventTables: EventTable[];
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
}

export type ClaimKind =
  | 'total'       // the program above took N s (`총 3초 소요`)
  | 'printed';    // a printed elapsed time is about N s (`print(...)  # 약 3초`)

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
}

export interface ErrorCue {
  codeLine: number;
  /** The exception name the cue names, or null for a generic `# ❌`. */
  ename: string | null;
  text: string;
}
