// Reports of a check: the JSON report, JUnit XML for CI dashboards, GitHub annotations, a summary.
// Every message here can quote a document or a snippet (file names, reasons, exception messages,
// diffs): each target gets its own escaping (src/emit/escape.ts), and no output is embedded beyond
// the kernel's cap (src/emit/limits.ts).
import type { CheckedCell, CheckResult } from './run.ts';
import { diagnostic, diagnosticLabel, isError, NO_SUPPRESSION, unsuppressed, type DiagnosticCode, type Problem } from './diagnostics.ts';
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
  /** The diagnostic code its failing verdict is reported under (`drift`, `syntax-error`, ...); null: it does not fail. */
  diagnostic: DiagnosticCode | null;
  /** Which rules read this block: how it was found, each stated output, what was done to run it. */
  readings: { block: string; stated: { kind: string; line: number; found: string; candidate?: boolean }[]; announcements: { kind: string; line: number; found: string }[]; transforms: string[] };
}

export interface Report {
  runtime: CheckResult['runtime'];
  cells: ReportCell[];
  problems: Problem[];
  summary: { cells: number; byVerdict: Record<string, number>; byDocument: Record<string, Record<string, number>>; reused: number; ran: number; failures: number; warnings: number; acknowledged: number };
}

export function buildReport(result: CheckResult, extraProblems: Problem[] = []): Report {
  const cells: ReportCell[] = result.documents.flatMap(({ cells }) =>
    cells.map(({ cell, run, verdict, cached }) => ({
      id: cell.id, file: cell.file, line: cell.line, index: cell.index, chapter: cell.chapter,
      verdict: verdict.verdict, reason: capText(verdict.reason), acknowledged: verdict.acknowledged, diff: verdict.diff === null ? null : capText(verdict.diff),
      virtualSeconds: run?.virtualSeconds ?? null, cpuMs: run?.cpuMs ?? null, cached, traceCut: traceCutNote(run), claims: verdict.claims,
      announced: verdict.announced,
      diagnostic: isFailure(verdict) ? verdictCode(verdict) : null,
      readings: {
        block: cell.found,
        stated: cell.stated.map((st) => ({ kind: st.kind, line: st.sourceLine, found: st.found, ...(st.candidate ? { candidate: true } : {}) })),
        announcements: cell.announcements.map((a) => ({ kind: a.kind, line: a.sourceLine, found: a.found })),
        transforms: cell.transforms.map((t) => t.note),
      },
    })),
  );
  // What a project, a document or a block ignores is left out here, wherever it was found.
  const problems = unsuppressed([...result.problems, ...extraProblems, ...failuresOf(result)], result.suppression ?? NO_SUPPRESSION);
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
  const failures = problems.filter(isError).length;
  return { cells: cells.length, byVerdict, byDocument, reused, ran, failures, warnings: problems.length - failures, acknowledged: cells.filter((c) => c.acknowledged).length };
}

/** The code a failing verdict is reported under: a block that does not compile is `syntax-error`, whatever its verdict. */
export function verdictCode(verdict: Pick<CheckedCell['verdict'], 'verdict' | 'why'>): DiagnosticCode {
  if (verdict.why.code === 'syntax-error') return 'syntax-error';
  return verdict.verdict === 'drift' ? 'drift' : verdict.verdict === 'hangs' ? 'hangs' : 'unexpected-error';
}

/**
 * Every unacknowledged failing verdict and every stale setting, as a problem naming file and line
 * (a syntax error names the line of the error itself).
 */
export function failuresOf(result: CheckResult): Problem[] {
  const out: Problem[] = [];
  for (const { cells } of result.documents) {
    for (const { cell, verdict } of cells) {
      const at = { file: cell.file, line: cell.line, cell: cell.key };
      if (verdict.settingsProblem) out.push(diagnostic('stale-setting', at, cell.index, cell.key, verdict.settingsProblem));
      if (verdict.why.code === 'runtime-limit') out.push(diagnostic('runtime-limit', at, cell.index, cell.key, verdict.reason));
      if (isFailure(verdict)) {
        const code = verdictCode(verdict);
        const line = verdict.why.code === 'syntax-error' && verdict.why.line !== null ? verdict.why.line : cell.line;
        out.push(diagnostic(code, { ...at, line }, cell.index, cell.key, capText(`${verdict.reason}${verdict.diff ? `\n${verdict.diff}` : ''}`)));
      }
    }
  }
  return out;
}

const VERDICT_CODES: ReadonlySet<string> = new Set<DiagnosticCode>(['drift', 'unexpected-error', 'hangs', 'syntax-error']);

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
      else if (isFailure(c)) body = `<failure type="${xmlAttribute(c.diagnostic ?? c.verdict)}" message="${xmlAttribute(`error[${c.diagnostic ?? c.verdict}]: ${c.verdict}: ${c.reason}`)}">${xmlText(c.diff ?? c.reason)}</failure>`;
      else body = `<system-out>${xmlText(`${c.verdict}${c.acknowledged ? ' (acknowledged)' : ''}: ${c.reason}${c.traceCut ? `; ${c.traceCut}` : ''}`)}</system-out>`;
      return `    <testcase classname="${xmlAttribute(file)}" name="${name}" time="${time}">${body}</testcase>`;
    });
    return `  <testsuite name="${xmlAttribute(file)}" tests="${cells.length}" failures="${failures}" skipped="${skipped}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  // The other diagnostics (a failing verdict is its cell's test case already): one case each, its code a property.
  const others = report.problems.filter((p) => !(p.cell !== undefined && VERDICT_CODES.has(p.code)));
  if (others.length > 0) {
    const cases = others.map((p) => {
      const label = diagnosticLabel(p);
      const properties = `<properties><property name="code" value="${xmlAttribute(p.code)}"/><property name="severity" value="${xmlAttribute(p.severity)}"/></properties>`;
      const body = isError(p)
        ? `<failure type="${xmlAttribute(p.code)}" message="${xmlAttribute(`${label}: ${p.message.split('\n')[0]}`)}">${xmlText(p.message)}</failure>`
        : `<system-out>${xmlText(`${label}: ${p.message}`)}</system-out>`;
      return `    <testcase classname="${xmlAttribute(p.file)}" name="${xmlAttribute(`${p.file}:${p.line} ${label}`)}" time="0.000">${properties}${body}</testcase>`;
    });
    const failing = others.filter(isError).length;
    suites.push(`  <testsuite name="diagnostics" tests="${others.length}" failures="${failing}" skipped="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="execdocs check">\n${suites.join('\n')}\n</testsuites>\n`;
}

/**
 * `::error file=…,line=…,title=<code>::message` lines (`::warning` for a warning); GitHub decodes the
 * message's and the properties' escapes, and shows the title as the annotation's heading.
 */
export function githubAnnotations(problems: Problem[]): string[] {
  return problems.map((p) => `::${isError(p) ? 'error' : 'warning'} file=${githubProperty(p.file)},line=${Math.trunc(p.line) || 1},title=${githubProperty(p.code)}::${githubMessage(p.message)}`);
}

/**
 * A problem as the console shows it: `file:line: message`, the message's further lines (a diff)
 * behind a visible prefix and every control character escaped, so no quoted text can pass for a
 * line of the check's own ("check passed") or for a workflow command.
 */
export function problemLine(p: Problem): string {
  return `${consoleText(p.file)}:${p.line}: ${consoleText(diagnosticLabel(p))}: ${consoleLines(p.message)}`;
}

export function summaryText(report: Report): string {
  const lines = [`${report.summary.cells} python blocks: ${Object.entries(report.summary.byVerdict).map(([v, n]) => `${n} ${v}`).join(', ')}`];
  for (const [file, counts] of Object.entries(report.summary.byDocument)) {
    lines.push(`  ${consoleText(file)}: ${Object.entries(counts).map(([v, n]) => `${n} ${v}`).join(', ')}`);
  }
  lines.push(`reused ${report.summary.reused} cached results, ran ${report.summary.ran} cells; ${report.summary.acknowledged} acknowledged${report.summary.warnings ? `; ${report.summary.warnings} warning${report.summary.warnings === 1 ? '' : 's'}` : ''}`);
  return lines.join('\n');
}
