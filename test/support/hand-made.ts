// Hand-made cells and runs for the verdict's tests: a plain script with nothing stated, a run that
// printed nothing; a test sets only what differs.
import type { CellRun } from '../../src/kernel/types.ts';
import type { Cell } from '../../src/source/model.ts';

export function handMadeCell(overrides: Partial<Cell> = {}): Cell {
  const code = overrides.runCode ?? overrides.code ?? 'import asyncio\nasyncio.run(main())\n';
  return {
    id: 'demo/abc', key: 'abc', document: 'demo', file: 'content/ko/demo.md', line: 1, index: 1, chapter: 'c', lang: 'python',
    code, notPython: null, noRun: null, runCode: code, partial: null, stated: [], claims: [], errorCues: [], eventTables: [], form: 'script',
    found: 'fence:python', examples: [], announcements: [], topLevelAwait: false, readsInput: false,
    illustration: { placeholders: [], entryPoint: true, excerpt: false }, serverElsewhere: null, transforms: [], ...overrides,
  };
}

export function handMadeRun(overrides: Partial<CellRun> = {}): CellRun {
  return {
    status: 'ok', events: [], result: null, error: null, virtualSeconds: 0, cpuMs: 1, trace: { actors: [] },
    statements: [], defines: [], imports: [], uses: [], world: [], ...overrides,
  };
}
