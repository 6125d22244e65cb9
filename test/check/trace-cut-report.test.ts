// A run whose trace the kernel cut (more tasks than RUN_LIST_LIMIT) is judged on its output; the
// check's report says the trace was cut, beside the verdict, in the JSON report and in JUnit.
import { describe, expect, it } from 'vitest';
import { junit, traceCutNote, type Report, type ReportCell } from '../../src/check/report.ts';
import type { CellRun } from '../../src/kernel/types.ts';

const trace = (cut?: CellRun['trace']['cut']) => ({ trace: { actors: [], ...(cut ? { cut } : {}) } }) as unknown as CellRun;

describe('the report of a cut trace', () => {
  it('says "trace cut at N items" with how many were left out, and nothing for a whole trace', () => {
    expect(traceCutNote(trace({ actors: 40_001, spans: 2, statements: 0, world: 0 }))).toBe('trace cut at 20000 items (40003 more left out)');
    expect(traceCutNote(trace({ actors: 0, spans: 0, statements: 0, world: 0 }))).toBeNull();
    expect(traceCutNote(trace())).toBeNull();
    expect(traceCutNote(null)).toBeNull();
  });

  it('puts the note beside a passing verdict in JUnit', () => {
    const cell = { id: 'c1', file: 'a.md', line: 3, index: 1, verdict: 'ok', reason: 'output as stated', acknowledged: null, diff: null, cpuMs: 10, traceCut: 'trace cut at 20000 items (40001 more left out)' } as unknown as ReportCell;
    const xml = junit({ cells: [cell], problems: [] } as unknown as Report);
    expect(xml).toContain('<system-out>ok: output as stated; trace cut at 20000 items (40001 more left out)</system-out>');
  });
});
