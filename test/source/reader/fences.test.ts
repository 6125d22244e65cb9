import { describe, expect, it } from 'vitest';
import { fenceLanguage, liquidAsFences, pythonForm, stripGutter } from '../../../src/source/fences.ts';

const ASYNC = 'import asyncio\n\nasync def main():\n    await asyncio.sleep(1)\n';

describe('fenceLanguage', () => {
  it('keeps only the language word of an info string', () => {
    expect(fenceLanguage('python {.line-numbers}')).toBe('python');
    expect(fenceLanguage('python:main.py')).toBe('python');
    expect(fenceLanguage('Python title="x"')).toBe('python');
    expect(fenceLanguage(null)).toBe('');
  });
});

describe('pythonForm', () => {
  it('reads py, Python and python3 fences as scripts', () => {
    expect(pythonForm('py', 'print(1)')).toEqual({ form: 'script', tag: 'fence:py' });
    expect(pythonForm('Python', 'print(1)')).toEqual({ form: 'script', tag: 'fence:python' });
    expect(pythonForm('python3', 'print(1)')).toEqual({ form: 'script', tag: 'fence:python3' });
  });

  it('reads pycon and pyrepl fences as transcripts', () => {
    expect(pythonForm('pycon', '>>> 1 + 1\n2')).toEqual({ form: 'transcript', tag: 'fence:pycon' });
    expect(pythonForm('pyrepl', '>>> 1')).toEqual({ form: 'transcript', tag: 'fence:pyrepl' });
  });

  it('reads a python fence that starts with a prompt as a transcript', () => {
    expect(pythonForm('python', '\n>>> import asyncio\n')).toEqual({ form: 'transcript', tag: 'fence:python+prompt' });
  });

  it('does not take `>>>` without a following space as a prompt', () => {
    expect(pythonForm('python', '>>>x = 1')).toEqual({ form: 'script', tag: 'fence:python' });
  });

  it('reads an unlabelled fence that starts with a prompt as a transcript', () => {
    expect(pythonForm('', '>>> await asyncio.sleep(1)')).toEqual({ form: 'transcript', tag: 'fence:unlabelled+prompt' });
    expect(pythonForm('text', '>>> 1')).toEqual({ form: 'transcript', tag: 'fence:unlabelled+prompt' });
  });

  it('reads an unlabelled fence of plainly asyncio Python as a script', () => {
    expect(pythonForm(null, ASYNC)).toEqual({ form: 'script', tag: 'fence:unlabelled+python' });
  });

  it('does not read an unlabelled fence of Python without asyncio as a script', () => {
    expect(pythonForm(null, 'import os\nprint(os.getcwd())')).toBeNull();
  });

  it('does not read an unlabelled fence of output as Python', () => {
    expect(pythonForm('', 'Task 1 done\nawait finished')).toBeNull();
  });

  it('does not read a text fence of asyncio code as a script (only unlabelled ones)', () => {
    expect(pythonForm('text', ASYNC)).toBeNull();
  });

  it('does not read other languages as Python', () => {
    expect(pythonForm('javascript', 'async function main() { await x; }')).toBeNull();
    expect(pythonForm('bash', 'python main.py')).toBeNull();
    expect(pythonForm('go', ASYNC)).toBeNull();
  });
});

describe('liquidAsFences', () => {
  it('turns a highlight block into a fence, keeping the line count', () => {
    const md = 'intro\n{% highlight python %}\nprint(1)\n{% endhighlight %}\nend';
    const { markdown, lines } = liquidAsFences(md);
    expect(markdown).toBe('intro\n```python\nprint(1)\n```\nend');
    expect(markdown.split('\n')).toHaveLength(md.split('\n').length);
    expect(lines).toEqual([2]);
  });

  it('keeps the indentation of a highlight block in a list item', () => {
    const { markdown } = liquidAsFences('- item\n  {% highlight py linenos %}\n  x = 1\n  {% endhighlight %}');
    expect(markdown).toBe('- item\n  ```py\n  x = 1\n  ```');
  });

  it('uses a fence longer than any backtick run in the body', () => {
    const { markdown } = liquidAsFences('{% highlight python %}\ns = "````"\n{% endhighlight %}');
    expect(markdown.split('\n')[0]).toBe('`````python');
  });

  it('leaves other Liquid tags and an unclosed highlight alone', () => {
    const md = '{% raw %}\n{{ x }}\n{% endraw %}\n{% highlight python %}\nprint(1)';
    expect(liquidAsFences(md)).toEqual({ markdown: md, lines: [] });
  });

  it('leaves Markdown without Liquid unchanged', () => {
    const md = '```python\nprint(1)\n```';
    expect(liquidAsFences(md)).toEqual({ markdown: md, lines: [] });
  });
});

describe('stripGutter', () => {
  it('strips numbers separated by spaces', () => {
    expect(stripGutter('1  import asyncio\n2  \n3  async def main():\n4      await asyncio.sleep(1)')).toEqual({
      code: 'import asyncio\n\nasync def main():\n    await asyncio.sleep(1)', lines: 4,
    });
  });

  it('strips padded two-digit numbers and keeps the code indentation', () => {
    const lines = Array.from({ length: 11 }, (_, i) => `${String(i + 1).padEnd(3)}${i % 2 ? '    ' : ''}x${i}`);
    const out = stripGutter(lines.join('\n'))!;
    expect(out.code.split('\n')).toEqual(Array.from({ length: 11 }, (_, i) => `${i % 2 ? '    ' : ''}x${i}`));
    expect(out.lines).toBe(11);
  });

  it('strips tab gutters and keeps what follows the tab', () => {
    expect(stripGutter('9\tdef f():\n10\t    return 1\n11\t\n12\tf()')!.code).toBe('def f():\n    return 1\n\nf()');
  });

  it('accepts numbers that start above 1 in steps of one', () => {
    expect(stripGutter('5. a = 1\n6. b = 2\n7. c = 3')!.code).toBe('a = 1\nb = 2\nc = 3');
  });

  it('finds no gutter in ordinary code', () => {
    expect(stripGutter('import asyncio\nx = 1\nprint(x)')).toBeNull();
  });

  it('finds no gutter in two numbered lines', () => {
    expect(stripGutter('1 print(1)\n2 print(2)')).toBeNull();
  });

  it('finds no gutter when the numbers are printed values, not consecutive', () => {
    expect(stripGutter('1\n4\n9\n16')).toBeNull();
  });

  it('finds no gutter when fewer than 80% of the lines are numbered', () => {
    expect(stripGutter('1 a\n2 b\n3 c\nd = 1\ne = 2')).toBeNull();
  });
});
