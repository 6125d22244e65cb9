// More ways documents state what a block prints: a trailing string that starts with an output label,
// and IPython sessions (`In [n]:`, `...:`, `Out[n]:`); and a block that only defines what a later
// block calls says so in its reason instead of "the document states no output".
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/source/document.ts';
import { trailingStringOutput } from '../../src/source/stated.ts';
import { parseTranscript } from '../../src/source/transcript.ts';
import { judge } from '../../src/check/verdict.ts';
import type { CellRun } from '../../src/kernel/types.ts';

const texts = (s: { lines: { text: string }[] } | null) => s?.lines.map((l) => l.text) ?? null;

describe('trailingStringOutput', () => {
  it('reads a labelled string at the end of the code, multi-line or on one line, in any language', () => {
    expect(texts(trailingStringOutput('print("hello")\n"""\n실행 결과:\nhello\n"""\n', 1))).toEqual(['hello']);
    expect(trailingStringOutput('print("hello")\n"""\n실행 결과:\nhello\n"""\n', 10)!.sourceLine).toBe(12);
    expect(texts(trailingStringOutput("print(add(2, 3))\n'''Output: 5'''", 1))).toEqual(['5']);
    expect(texts(trailingStringOutput('print(1)\nprint(2)\n"""Output:\n1\n2"""', 1))).toEqual(['1', '2']);
    expect(texts(trailingStringOutput('print("a")\n"""\n输出结果：\na\n"""', 1))).toEqual(['a']);
  });

  it('states nothing for a docstring, a note, or a string that is the whole block', () => {
    expect(trailingStringOutput('def f():\n    """Output: the sum."""\n    return 1\n', 1)).toBe(null);
    expect(trailingStringOutput('x = 1\n"""This is a note."""', 1)).toBe(null);
    expect(trailingStringOutput('"""Output:\n1\n"""', 1)).toBe(null);
    expect(trailingStringOutput('print(1)\n', 1)).toBe(null);
  });

  it('is a stated output of the block', () => {
    const doc = parseDocument('# T\n\n```python\nprint("hi")\n"""\nOutput:\nhi\n"""\n```\n', 'docs/t.md');
    expect(doc.cells[0]!.stated.map((s) => [s.found, texts(s)])).toEqual([['string:en', ['hi']]]);
  });
});

describe('IPython sessions', () => {
  const session = 'In [1]: import asyncio\n\nIn [2]: async def f():\n   ...:     return 42\n   ...:\n\nIn [3]: await f()\nOut[3]: 42\n';

  it('are transcripts: each In is a statement, Out is the echoed value', () => {
    const examples = parseTranscript(session, 10);
    expect(examples.map((e) => [e.source, e.expected.map((l) => l.text)])).toEqual([
      ['import asyncio\n', []], ['async def f():\n    return 42\n\n', []], ['await f()\n', ['42']]]);
    const doc = parseDocument(`# T\n\n\`\`\`python\n${session}\`\`\`\n`, 'docs/t.md');
    expect([doc.cells[0]!.form, doc.cells[0]!.found]).toEqual(['transcript', 'fence:python+prompt']);
  });
});

describe('a block that only defines', () => {
  it('names the line whose output is a later call\'s', () => {
    const doc = parseDocument('# T\n\n```python\nasync def work():\n    print("working")\n    # Output: working\n```\n', 'docs/t.md');
    const run: CellRun = { status: 'ok', events: [], result: null, error: null, virtualSeconds: 0, cpuMs: 1, trace: { actors: [] }, statements: [], defines: ['work'], imports: [], uses: [], world: [] };
    const verdict = judge(doc.cells[0]!, run, undefined);
    expect([verdict.verdict, verdict.reason]).toEqual(['ran', 'ran cleanly; it only defines what nothing here calls, so the output stated at line 6 of the source document is about a later call, not this run']);
  });
});
