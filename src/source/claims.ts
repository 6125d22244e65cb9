// Timing claims in code comments and in the prose around a block, and cues that a line raises.
import type { ErrorCue, StatedOutput, TimingClaim } from './model.ts';
import { printTemplate, templatePattern, hasOwnWords, trailingComment } from './print-template.ts';

const TOTAL_PATTERNS: { pattern: RegExp; approximate?: boolean }[] = [
  { pattern: /총\s*(약\s*)?(\d+(?:\.\d+)?)\s*초/u },
  { pattern: /(약\s*)?(\d+(?:\.\d+)?)\s*초\s*소요/u },
  { pattern: /^약\s*()(\d+(?:\.\d+)?)\s*초/u, approximate: true },
  { pattern: /took\s+(about\s+)?(\d+(?:\.\d+)?)\s*(?:s|sec|seconds?)\b/i },
  { pattern: /(about\s+)?(\d+(?:\.\d+)?)\s*(?:s|seconds?)\s+in total/i },
  { pattern: /takes?\s+(about\s+|~\s*|around\s+|roughly\s+)?(\d+(?:\.\d+)?)\s*(?:s|sec|seconds?)\b/i },
  { pattern: /(?:总共|一共|总耗时|共|总计|耗时|用时|需要)\s*(大约|约)?\s*(\d+(?:\.\d+)?)\s*(?:秒|s\b)/u },
  { pattern: /(?:合計|全体で|全部で)\s*(約)?\s*(\d+(?:\.\d+)?)\s*秒/u },
  { pattern: /(約)?\s*(\d+(?:\.\d+)?)\s*秒(?:ほど|くらい|ぐらい)?(?:で終|かか)/u, approximate: true },
];

export function matchTotal(comment: string): { seconds: number; approximate: boolean } | null {
  for (const { pattern, approximate } of TOTAL_PATTERNS) {
    const m = pattern.exec(comment);
    if (m) return { seconds: Number(m[2]), approximate: approximate ?? Boolean(m[1]) };
  }
  return null;
}

/**
 * The timing claims in a block's comments:
 * - `print(...)  # 약 3초 후` (or a bare `# 3초`) at any indentation: when that line appears; a bare
 *   `# 3초` on a print that formats a value is about the elapsed time it prints instead.
 * - `asyncio.run(main())  # 총 3초 소요` after a top-level statement: the program up to that line.
 * - a top-level `# 총 3초 소요` line: the code above it, or the code below when it heads that code.
 * - `    # 총 2초` inside a function body: the statements next to it at its indentation (see
 *   nestedClaim), a segment the kernel times on its own.
 * `stated`: the block's stated outputs; the lines of its comment blocks are output, not claims.
 */
export function timingClaims(code: string, codeStartLine: number, stated: StatedOutput[] = []): TimingClaim[] {
  const claims: TimingClaim[] = [];
  const lines = code.split('\n');
  // A line of a comment block of output (`# 输出:` then `# 任务B完成，耗时3s`) is what the program
  // prints: its duration is compared as that line's text, it claims nothing about the code. A
  // remark among them (`# 총 3초 소요`) claims its time unless the run prints it.
  const outputLines = stated.filter((s) => s.found.startsWith('comment:')).flatMap((s) => s.lines);
  const printedLines = new Set(outputLines.filter((l) => !l.remark).map((l) => l.sourceLine - codeStartLine));
  const remarks = new Map(outputLines.filter((l) => l.remark).map((l) => [l.sourceLine - codeStartLine, l.text]));
  const isTopStatement = (line: string | undefined) => line !== undefined && /^\S/.test(line) && !line.startsWith('#');
  let seenStatement = false;
  lines.forEach((line, i) => {
    const trimmed = line.trim();
    const comment = /^\s*print\s*\(/.test(line) ? trailingComment(line) : null;
    if (comment !== null) {
      const template = printTemplate(line);
      const appear = appearAnnotation(comment);
      const bare = /^(약\s*|about\s+|~\s*|大约\s*|约\s*|約\s*)?(\d+(?:\.\d+)?)\s*(?:초|秒|s\b|sec\b|seconds?)/iu.exec(comment);
      const printsNumber = template !== null && template.parts.some((p) => 'hole' in p);
      const base = { codeLine: i + 1, sourceLine: codeStartLine + i, scope: 'before' as const, text: comment };
      if (appear || (bare && !printsNumber)) {
        const at = appear ?? { seconds: Number(bare![2]), approximate: Boolean(bare![1]) };
        const pattern = template && hasOwnWords(template) ? templatePattern(template).source : null;
        claims.push({ kind: 'appear', ...at, ...base, pattern, found: 'timing:appear' });
      } else if (bare) {
        claims.push({ kind: 'printed', seconds: Number(bare[2]), approximate: Boolean(bare[1]), ...base, found: 'timing:printed' });
      }
    }
    if (isTopStatement(line)) {
      seenStatement = true;
      // `asyncio.run(main())  # 총 3초 소요`: the program up to and including this line.
      const trailing = trailingComment(line);
      const total = trailing !== null && !/^\s*print\s*\(/.test(line) ? matchTotal(trailing) : null;
      if (total) {
        claims.push({ kind: 'total', ...total, text: trailing!, codeLine: i + 1, sourceLine: codeStartLine + i, scope: 'before', trailing: true, found: 'timing:code:trailing' });
      }
    }
    if (printedLines.has(i)) return;
    if (/^\s+#/.test(line)) {
      const nested = nestedClaim(lines, i);
      if (nested) claims.push({ ...nested, sourceLine: codeStartLine + i });
      return;
    }
    if (!line.startsWith('#')) return;
    const total = matchTotal(line.replace(/^#\s*/, ''));
    if (!total) return;
    // A comment right above code, apart from what precedes it, heads that code ("# 총 6초" then the
    // calls); otherwise it sums up the code above it ("asyncio.run(main())" then "# 총 3초 소요").
    const headsBelow = isTopStatement(lines[i + 1]) && !isTopStatement(lines[i - 1]);
    if (!headsBelow && !seenStatement) return;
    claims.push({ kind: 'total', ...total, text: line.replace(/^#\s*/, '').trim(), codeLine: i + 1, sourceLine: codeStartLine + i, scope: headsBelow ? 'after' : 'before', found: 'timing:code' });
  });
  return claims.map((c) => (remarks.has(c.codeLine - 1) ? { ...c, unlessPrinted: remarks.get(c.codeLine - 1)! } : c));
}

const NUMBER = String.raw`(\d+(?:\.\d+)?)`;
const APPROX = String.raw`(약\s*|about\s+|around\s+|roughly\s+|approximately\s+|~\s*|大约\s*|约\s*|約\s*)?`;
const UNIT = String.raw`\s*(?:초|秒|(?:s|sec|secs|seconds?)(?![A-Za-z]))`;
const APPEAR_PATTERNS = [
  new RegExp(String.raw`^\(?\s*${APPROX}${NUMBER}${UNIT}\s*(?:뒤|후|후에|뒤에|后|之后|以后|後|later)(?:\s*(?:에\s*)?(?:출력|표시|打印|输出|出力|表示)\S*)?\s*\)?\s*$`, 'iu'),
  new RegExp(String.raw`^\(?\s*(?:printed\s+|appears\s+|shown\s+)?(?:after|at)\s+${APPROX}${NUMBER}${UNIT}\s*\)?\s*$`, 'iu'),
];

/** `약 3초 뒤 출력`, `after ~2 s`, `(2초 후)`, `3秒后输出`: when the line appears, not what it says. */
export function appearAnnotation(comment: string): { seconds: number; approximate: boolean } | null {
  for (const pattern of APPEAR_PATTERNS) {
    const m = pattern.exec(comment.trim());
    if (m) return { seconds: Number(m[2]), approximate: Boolean(m[1]) };
  }
  return null;
}

const indentOf = (line: string) => line.length - line.trimStart().length;

/**
 * A total claim on a comment inside a function body (`    # 총 2초` under two awaits). It measures
 * the statements next to it at its own indentation: the run of lines right below it when it heads
 * them, otherwise the run right above it; a blank line, a comment at that indentation or a line
 * further left ends the run.
 */
function nestedClaim(lines: string[], i: number): Omit<TimingClaim, 'sourceLine'> | null {
  const line = lines[i]!;
  const total = matchTotal(line.trim().replace(/^#\s*/, ''));
  if (!total) return null;
  const indent = indentOf(line);
  const statementAt = (k: number) => {
    const l = lines[k];
    return l !== undefined && l.trim() !== '' && indentOf(l) === indent && !l.trim().startsWith('#');
  };
  const continues = (k: number) => {
    const l = lines[k];
    return l !== undefined && l.trim() !== '' && indentOf(l) >= indent && !(indentOf(l) === indent && l.trim().startsWith('#'));
  };
  const headsBelow = statementAt(i + 1) && !statementAt(i - 1);
  let from = i;
  let to = i;
  if (headsBelow) {
    from = to = i + 1;
    while (continues(to + 1)) to++;
  } else {
    if (!continues(i - 1)) return null;
    from = to = i - 1;
    while (continues(from - 1)) from--;
    // The run starts at a statement of this indentation, not inside a call's arguments.
    while (from < to && indentOf(lines[from]!) !== indent) from++;
  }
  return {
    kind: 'total', ...total, text: line.trim().replace(/^#\s*/, '').trim(), codeLine: i + 1,
    scope: headsBelow ? 'after' : 'before', segment: { fromLine: from + 1, toLine: to + 1 }, found: 'timing:code:nested',
  };
}

const NAMED_CUE = /#.*?\b([A-Z]\w*(?:Error|Exception|Warning|Interrupt|Exit))\b\s*!?/u;

export function errorCues(code: string): ErrorCue[] {
  const cues: ErrorCue[] = [];
  code.split('\n').forEach((line, i) => {
    const hash = line.indexOf('#');
    if (hash < 0) return;
    const comment = line.slice(hash);
    const named = NAMED_CUE.exec(comment);
    if (named) cues.push({ codeLine: i + 1, ename: named[1]!, text: comment.trim() });
    else if (comment.includes('❌')) cues.push({ codeLine: i + 1, ename: null, text: comment.trim() });
  });
  return cues;
}
