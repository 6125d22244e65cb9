// Generated pages must be valid MDX whatever the prose holds, and keep the prose's text as text.
import { describe, expect, it } from 'vitest';
import { compile } from '@mdx-js/mdx';
import { parseDocument } from '../../src/source/document.ts';
import { chapterPage } from '../../src/emit/mdx.ts';
import type { CheckedCell } from '../../src/check/run.ts';

const HOSTILE = `# 제목

## 위험한 문단

중괄호 {x} 와 {{ y }} 그리고 <div> 태그 같은 글, a < b > c.

import os from 'somewhere'
export const leaked = 1

<script>alert("x")</script>

| 열 | 값 |
|---|---|
| {a} | <b> |

\`\`\`python
print("{}<>")
\`\`\`
`;

describe('MDX emission', () => {
  const doc = parseDocument(HOSTILE, 'hostile.md');
  const chapter = doc.chapters.find((c) => c.title === '위험한 문단')!;
  const cells: CheckedCell[] = doc.cells.map((cell) => ({
    cell, cached: false, needs: [], settings: undefined,
    run: { status: 'ok', events: [{ stream: 'stdout', text: '{}<>\n', t: 0 }], result: null, error: null, virtualSeconds: 0, cpuMs: 1, trace: { actors: [] }, statements: [], defines: [], imports: [], uses: [], world: [] },
    verdict: { verdict: 'ran', reason: 'ran', why: { code: 'ran' }, diff: null, claims: [], acknowledged: null, settingsProblem: null, announced: false },
  }));

  it('compiles, with braces, angle brackets, import/export lines and raw HTML kept as text', async () => {
    const page = chapterPage(HOSTILE, chapter, cells, 'ko', () => null);
    const compiled = String(await compile(page.body));
    // Each piece of prose survives as a string literal in the compiled page, not as code.
    for (const text of ['{x}', '{{ y }}', '<div>', "import os from 'somewhere'", 'export const leaked = 1', '<script>alert(\\"x\\")</script>', 'a < b > c']) {
      expect(compiled).toContain(text);
    }
    expect(compiled).not.toMatch(/^export const leaked/m);
    expect(compiled).not.toMatch(/^import os from/m);
  });

  it('attaches the cell after its code block, with its data as a string attribute', async () => {
    const page = chapterPage(HOSTILE, chapter, cells, 'ko', () => null);
    expect(page.body).toMatch(/```python\nprint\("\{\}<>"\)\n```\n\n<Cell data='/);
    // Compiled, the attribute is a plain string prop of the Cell component, never an expression.
    const compiled = String(await compile(page.body));
    expect(compiled).toMatch(/_jsx\(Cell, \{\n\s+data: "/);
  });
});
