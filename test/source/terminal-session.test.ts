// A terminal session further on that runs the script (`$ python main.py` and what it printed), with
// prose between, is the block's stated output; a session that installs, runs another command or
// several commands, or comes after the next heading or python block, is not.
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/source/document.ts';

const block = '```python\nprint("done")\n```\n';
const stated = (markdown: string) => parseDocument(markdown, 'docs/t.md').cells.map((c) => c.stated.map((s) => [s.found, s.lines.map((l) => l.text)]));

describe('terminal sessions as stated output', () => {
  it('reads the session a paragraph or two after the block, without its command line', () => {
    const md = `# T\n\n${block}\nSave it as \`main.py\`.\n\nThen run it:\n\n\`\`\`console\n$ python main.py\ndone\n\`\`\`\n`;
    expect(stated(md)).toEqual([[['terminal-session', ['done']]]]);
  });

  it('takes uv run, py and flags too', () => {
    const md = `# T\n\n${block}\nRun it.\n\n\`\`\`bash\n$ uv run main.py\ndone\n\`\`\`\n`;
    expect(stated(md)).toEqual([[["terminal-session", ["done"]]]]);
    const md2 = `# T\n\n${block}\nRun it.\n\n\`\`\`bash\n$ python3 -u main.py\ndone\n\`\`\`\n`;
    expect(stated(md2)).toEqual([[['terminal-session', ['done']]]]);
  });

  it('leaves sessions that are not this block\'s run', () => {
    const install = `# T\n\n${block}\nInstall it:\n\n\`\`\`console\n$ python -m pip install aiohttp\nSuccessfully installed aiohttp\n\`\`\`\n`;
    const two = `# T\n\n${block}\nRun both:\n\n\`\`\`console\n$ python a.py\ndone\n$ python b.py\nother\n\`\`\`\n`;
    const later = `# T\n\n${block}\n## Next\n\n\`\`\`console\n$ python main.py\ndone\n\`\`\`\n`;
    const nextBlock = `# T\n\n${block}\nAnd:\n\n\`\`\`python\nprint("x")\n\`\`\`\n\n\`\`\`console\n$ python main.py\nx\n\`\`\`\n`;
    expect(stated(install)).toEqual([[]]);
    expect(stated(two)).toEqual([[]]);
    expect(stated(later)).toEqual([[]]);
    expect(stated(nextBlock)).toEqual([[], [['fence-after', ['x']]]]);
  });
});
