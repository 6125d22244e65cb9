// Reports of a check: the JSON report, JUnit XML for CI dashboards, GitHub annotations, a summary.
// Every message here can quote a document or a snippet (file names, reasons, exception messages,
// diffs): each target gets its own escaping (src/emit/escape.ts), and no output is embedded beyond
// the kernel's cap (src/emit/limits.ts).
import type { CheckResult, Problem } from './run.ts';
import { isFailure, type Verdict } from './verdict.ts';
import { consoleLines, consoleText, githubMessage, githubProperty, xmlAttribute, xmlText } from '../emit/escape.ts';
import { capText } from '../emit/limits.ts';
import { RUN_LIST_LIMIT, type CellRun } from '../kernel/types.ts';

export interface ReportCell {
  id: string;
  file: string;
  line: number;
  index: number;
  chapter: string;
  verdict: Verdict;
  reason: string;
  acknowledged: { ko: string; en: string } | null;
  diff: string | null;
  virtualSeconds: number | null;
  cpuMs: number | null;
  cached: boolean;
  /** Set when the kernel kept only the first RUN_LIST_LIMIT items of a list of the run's trace. */
  traceCut: string | null;
  claims: unknown[];
  /** A hang (or error) the document itself announces: its own statement, not a failure. */
  announced: boolean;
  /** Which rules read this block: how it was found, each stated output, what was done to run it. */
  readings: { block: string; stated: { kind: string; line: number; found: string; candidate?: boolean }[]; announcements: { kind: string; line: number; found: string }[]; transforms: string[] };
}

export interface Report {
  runtime: CheckResult['runtime'];
  cells: ReportCell[];
  problems: Problem[];
  summary: { cells: number; byVerdict: Record<string, number>; byDocument: Record<string, Record<string, number>>; reused: number; ran: number; failures: number; acknowledged: number };
}

export function buildReport(result: CheckResult, extraProblems: Problem[] = []): Report {
  const cells: ReportCell[] = result.documents.flatMap(({ cells }) =>
    cells.map(({ cell, run, verdict, cached }) => ({
      id: cell.id, file: cell.file, line: cell.line, index: cell.index, chapter: cell.chapter,
      verdict: verdict.verdict, reason: capText(verdict.reason), acknowledged: verdict.acknowledged, diff: verdict.diff === null ? null : capText(verdict.diff),
      virtualSeconds: run?.virtualSeconds ?? null, cpuMs: run?.cpuMs ?? null, cached, traceCut: traceCutNote(run), claims: verdict.claims,
      announced: verdict.announced,
      readings: {
        block: cell.found,
        stated: cell.stated.map((st) => ({ kind: st.kind, line: st.sourceLine, found: st.found, ...(st.candidate ? { candidate: true } : {}) })),
        announcements: cell.announcements.map((a) => ({ kind: a.kind, line: a.sourceLine, found: a.found })),
        transforms: cell.transforms.map((t) => t.note),
      },
    })),
  );
  const problems = [...result.problems, ...extraProblems, ...failuresOf(result)];
  return { runtime: result.runtime, cells, problems, summary: summarize(cells, problems, result.reused, result.ran) };
}

/** "trace cut at N items" when the kernel left items of the run's lists out, with how many. */
export function traceCutNote(run: CellRun | null | undefined): string | null {
  const cut = run?.trace.cut;
  const left = cut ? cut.actors + cut.spans + cut.statements + cut.world : 0;
  return left > 0 ? `trace cut at ${RUN_LIST_LIMIT} items (${left} more left out)` : null;
}

/** The summary of cells and problems: one rule for a single run and for merged shards. */
export function summarize(cells: ReportCell[], problems: Problem[], reused: number, ran: number): Report['summary'] {
  const byVerdict: Record<string, number> = {};
  const byDocument: Record<string, Record<string, number>> = {};
  for (const c of cells) {
    byVerdict[c.verdict] = (byVerdict[c.verdict] ?? 0) + 1;
    const d = (byDocument[c.file] ??= {});
    d[c.verdict] = (d[c.verdict] ?? 0) + 1;
  }
  return { cells: cells.length, byVerdict, byDocument, reused, ran, failures: problems.length, acknowledged: cells.filter((c) => c.acknowledged).length };
}

/** Every unacknowledged failing verdict and every stale setting, as a problem naming file and line. */
export function failuresOf(result: CheckResult): Problem[] {
  const out: Problem[] = [];
  for (const { cells } of result.documents) {
    for (const { cell, verdict } of cells) {
      if (verdict.settingsProblem) out.push({ file: cell.file, line: cell.line, message: `cell ${cell.index} (${cell.key}): ${verdict.settingsProblem}` });
      if (isFailure(verdict)) {
        out.push({ file: cell.file, line: cell.line, message: capText(`cell ${cell.index} (${cell.key}) ${verdict.verdict}: ${verdict.reason}${verdict.diff ? `\n${verdict.diff}` : ''}`) });
      }
    }
  }
  return out;
}

export function junit(report: Report): string {
  const byFile = new Map<string, ReportCell[]>();
  for (const c of report.cells) byFile.set(c.file, [...(byFile.get(c.file) ?? []), c]);
  const suites = [...byFile.entries()].map(([file, cells]) => {
    const failures = cells.filter((c) => isFailure(c)).length;
    const skipped = cells.filter((c) => c.verdict === 'skipped').length;
    const cases = cells.map((c) => {
      const name = xmlAttribute(`${c.index}: line ${c.line} (${c.id})`);
      const time = ((c.cpuMs ?? 0) / 1000).toFixed(3);
      let body = '';
      if (c.verdict === 'skipped') body = `<skipped message="${xmlAttribute(c.reason)}"/>`;
      else if (isFailure(c)) body = `<failure message="${xmlAttribute(`${c.verdict}: ${c.reason}`)}">${xmlText(c.diff ?? c.reason)}</failure>`;
      else body = `<system-out>${xmlText(`${c.verdict}${c.acknowledged ? ' (acknowledged)' : ''}: ${c.reason}${c.traceCut ? `; ${c.traceCut}` : ''}`)}</system-out>`;
      return `    <testcase classname="${xmlAttribute(file)}" name="${name}" time="${time}">${body}</testcase>`;
    });
    return `  <testsuite name="${xmlAttribute(file)}" tests="${cells.length}" failures="${failures}" skipped="${skipped}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="execdocs check">\n${suites.join('\n')}\n</testsuites>\n`;
}

/** `::error file=…,line=…::message` lines; GitHub decodes the message's and the properties' escapes. */
export function githubAnnotations(problems: Problem[]): string[] {
  return problems.map((p) => `::error file=${githubProperty(p.file)},line=${Math.trunc(p.line) || 1}::${githubMessage(p.message)}`);
}

/**
 * A problem as the console shows it: `file:line: message`, the message's further lines (a diff)
 * behind a visible prefix and every control character escaped, so no quoted text can pass for a
 * line of the check's own ("check passed") or for a workflow command.
 */
export function problemLine(p: Problem): string {
  return `${consoleText(p.file)}:${p.line}: ${consoleLines(p.message)}`;
}

export function summaryText(report: Report): string {
  const lines = [`${report.summary.cells} python blocks: ${Object.entries(report.summary.byVerdict).map(([v, n]) => `${n} ${v}`).join(', ')}`];
  for (const [file, counts] of Object.entries(report.summary.byDocument)) {
    lines.push(`  ${consoleText(file)}: ${Object.entries(counts).map(([v, n]) => `${n} ${v}`).join(', ')}`);
  }
  lines.push(`reused ${report.summary.reused} cached results, ran ${report.summary.ran} cells; ${report.summary.acknowledged} acknowledged`);
  return lines.join('\n');
}
