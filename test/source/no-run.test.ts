// A fence whose info string says not to run the block (`python no-run`, `python {skip}`,
// `python,ignore`, `python run=false`) is honoured: the block is read, not run, and skipped with
// that word as its reason; a fence whose words only look alike (a title, a file name) still runs.
import { describe, expect, it } from 'vitest';
import { noRunMarker } from '../../src/source/fences.ts';
import { parseDocument } from '../../src/source/document.ts';
import { judge } from '../../src/check/verdict.ts';
import { isRunnable } from '../../src/check/plan.ts';

describe('noRunMarker', () => {
  it('finds the word that says not to run, in the forms tutorials write it', () => {
    expect(noRunMarker('python', 'no-run')).toBe('no-run');
    expect(noRunMarker('python', '{skip}')).toBe('skip');
    expect(noRunMarker('python,ignore', null)).toBe('ignore');
    expect(noRunMarker('python', '{.no_run}')).toBe('no_run');
    expect(noRunMarker('py', 'title="server.py" run=false')).toBe('run=false');
    expect(noRunMarker('python:skip', null)).toBe('skip');
    expect(noRunMarker('python', 'exec="false"')).toBe('exec="false"');
  });

  it('is null for fences that only name a title, a file or line numbers', () => {
    expect(noRunMarker('python', null)).toBe(null);
    expect(noRunMarker('python', 'title="skip.py"')).toBe(null);
    expect(noRunMarker('python:main.py', null)).toBe(null);
    expect(noRunMarker('python', '{.line-numbers} run=true')).toBe(null);
  });
});

describe('a block marked not to run', () => {
  const doc = parseDocument('# T\n\n```python no-run\nimport asyncio\nasyncio.run(main())\n```\n\n```python\nprint(1)\n```\n', 'content/ko/t.md');

  it('is read with its marker, and not run', () => {
    expect(doc.cells.map((c) => c.noRun)).toEqual(['no-run', null]);
    const loaded = { settings: { cells: new Map() }, defaults: undefined } as unknown as Parameters<typeof isRunnable>[0];
    expect(doc.cells.map((c) => isRunnable(loaded, c))).toEqual([false, true]);
  });

  it('is skipped with the marker as its reason', () => {
    const verdict = judge(doc.cells[0]!, null, undefined);
    expect([verdict.verdict, verdict.reason]).toEqual(['skipped', 'not run: its fence says `no-run`']);
  });
});
