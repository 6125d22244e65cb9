// The verdict's rules, one by one: each decides the cell it is for (the first rule that decides
// names itself), and the table's order is the documented precedence.
import { describe, expect, it } from 'vitest';
import type { CellRun, OutputEvent } from '../../src/kernel/types.ts';
import type { Announcement, Cell, StatedOutput } from '../../src/source/model.ts';
import type { CellSettings } from '../../src/check/settings.ts';
import { RULES, firstDecision, withinLimits, type Situation } from '../../src/check/rules.ts';
import { handMadeCell, handMadeRun } from '../support/hand-made.ts';

const cell = handMadeCell;
const run = handMadeRun;
const out = (...lines: string[]): OutputEvent[] => lines.map((text, t) => ({ stream: 'stdout', text: `${text}\n`, t }));
const raised = (ename: string, line = 2, frame = ', in <module>'): Partial<CellRun> => ({
  status: 'error', error: { ename, evalue: 'x', traceback: ['Traceback (most recent call last):\n', `  File "<cell 1>", line ${line}${frame}\n`, `${ename}: x\n`] },
});
const stated = (...texts: string[]): StatedOutput => ({
  kind: 'output', lines: texts.map((text, i) => ({ text, at: null, approximate: false, raw: text, sourceLine: 10 + i })), unordered: false, sourceLine: 10, found: 'label:en',
});
const announce = (kind: 'error' | 'hang'): Announcement => ({ kind, ename: null, text: 'This raises.', sourceLine: 1, found: 'prose:en', firm: true });
const at = (c: Cell, r: CellRun | null, settings?: CellSettings): [string, string, string] => {
  const d = firstDecision({ cell: c, run: r, settings, ignored: new Set() } satisfies Situation);
  return [d.rule, d.verdict, d.why.code];
};
const setting = (extra: Partial<CellSettings>): CellSettings => ({ key: 'abc', line: 1, ...extra });

describe('the rules table', () => {
  it('is in the documented order of precedence', () => {
    expect(RULES.map((r) => r.name)).toEqual([
      'not-python', 'skip-setting', 'fence-no-run', 'reads-input', 'not-run', 'transcript', 'never-ends',
      'expected-by-setting', 'illustration', 'page-fragment', 'does-not-compile', 'server-elsewhere', 'announced-error', 'raises',
      'does-not-raise', 'defines-only', 'compared',
    ]);
  });

  it('decides each cell by the first rule that applies', () => {
    expect(at(cell({ notPython: 'shell commands, not Python' }), null)).toEqual(['not-python', 'skipped', 'not-python']);
    expect(at(cell(), run(), setting({ skip: 'needs a GPU' }))).toEqual(['skip-setting', 'skipped', 'skip']);
    expect(at(cell({ noRun: 'no-run' }), null)).toEqual(['fence-no-run', 'skipped', 'fence-no-run']);
    expect(at(cell({ readsInput: true }), null)).toEqual(['reads-input', 'skipped', 'reads-input']);
    expect(at(cell(), null)).toEqual(['not-run', 'error', 'not-run']);
    expect(at(cell(), run({ status: 'hangs', error: { ename: 'Hang', evalue: 'waits', traceback: [] } }))).toEqual(['never-ends', 'hangs', 'never-ends']);
    expect(at(cell({ announcements: [announce('hang')] }), run({ status: 'hangs', error: { ename: 'Hang', evalue: 'waits', traceback: [] } }))).toEqual(['never-ends', 'hangs', 'announced-hang']);
    expect(at(cell(), run(raised('KeyError')), setting({ expectError: { ename: 'KeyError', reason: 'on purpose' } }))).toEqual(['expected-by-setting', 'expected-error', 'expected-error']);
    expect(at(cell({ illustration: { placeholders: [], entryPoint: false, excerpt: false } }), run(raised('NameError')))).toEqual(['illustration', 'skipped', 'illustration']);
    expect(at(cell(), run(raised('SyntaxError', 3, '')))).toEqual(['does-not-compile', 'error', 'syntax-error']);
    expect(at(cell({ serverElsewhere: 'Node.js' }), run(raised('ConnectionRefusedError')))).toEqual(['server-elsewhere', 'skipped', 'server-elsewhere']);
    expect(at(cell({ announcements: [announce('error')] }), run(raised('ValueError')))).toEqual(['announced-error', 'expected-error', 'expected-error']);
    expect(at(cell({ stated: [stated('ok')] }), run(raised('ValueError')))).toEqual(['raises', 'drift', 'raises']);
    expect(at(cell({ announcements: [announce('error')] }), run({ events: out('fine') }))).toEqual(['does-not-raise', 'drift', 'does-not-raise']);
    expect(at(cell({ illustration: { placeholders: [], entryPoint: false, excerpt: false }, stated: [stated('later')] }), run())).toEqual(['defines-only', 'ran', 'stated-for-later']);
    expect(at(cell({ stated: [stated('hello')] }), run({ events: out('hello') }))).toEqual(['compared', 'verified', 'verified']);
    expect(at(cell({ stated: [stated('hello')] }), run({ events: out('bye') }))).toEqual(['compared', 'drift', 'mismatch']);
    expect(at(cell(), run({ events: out('anything') }))).toEqual(['compared', 'ran', 'ran']);
  });

  it('lets a runtime limit turn a failure into a skip, never a pass into one, nor an announced failure', () => {
    const failed = { verdict: 'error' as const, why: { code: 'raises' as const, ename: 'OSError', line: 2, detail: 'x', stated: false }, diff: null, claims: [] };
    expect(withinLimits(failed, run({ limits: ['a network connection'] })).why).toEqual({ code: 'runtime-limit', limit: 'a network connection', instead: 'error' });
    expect(withinLimits(failed, run()).verdict).toBe('error');
    expect(withinLimits({ ...failed, verdict: 'verified', why: { code: 'verified' } }, run({ limits: ['x'] })).verdict).toBe('verified');
    expect(withinLimits({ ...failed, verdict: 'hangs', announced: true }, run({ limits: ['x'] })).verdict).toBe('hangs');
  });
});
