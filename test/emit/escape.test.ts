// Every escaper, over a list of hostile strings and random mixtures of them: what goes in comes out
// of the reader (the MDX compilers, JSON, a terminal, GitHub, XML) as the same text, and as text only.
import { describe, expect, it } from 'vitest';
import { compile } from '@mdx-js/mdx';
import { mdxToMdast } from 'satteri';
import type { Root } from 'mdast';
import {
  consoleLines, consoleText, githubMessage, githubProperty, htmlText, jsonAttribute, jsxElement,
  mdxSource, mdxText, mermaidLabel, plainText, xmlAttribute, xmlText,
} from '../../src/emit/escape.ts';

const HOSTILE = [
  '{x}', '{', '}', '{(()=>{require("fs").writeFileSync("/tmp/pwned","x")})()}', 'a < b', 'a > b', '<', '</p>',
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<!-- c -->', '<>', '<Cell data="x" />',
  'import os from "fs"', 'export const x = 1', 'x\nimport a from "b"', 'x\nexport default 1',
  '[a](javascript:alert(1))', '![i](https://evil.example/i.png)', '<https://evil.example>', '[r]: javascript:x',
  '`code`', '``', '*em*', '_em_', '**strong**', '~~s~~', '# h', '## h', '- item', '1. x', '> q', '---', '***',
  'x\n===', 'x\n---', '    indented', '\tTab', '  lead', 'tail  ', 'a\\b', '\\', '\\{', '&amp;', '&#123;', '&lt;b&gt;',
  '&', '"quoted"', "'single'", '\'"&<>', '| a | b |', ':::note', ':abbr[x]{onclick=y}', '::leaf', ':x',
  '$x$', '$$', '%%{init: {"securityLevel": "loose"}}%%', 'click a href "javascript:alert(1)"', '[^1]', '[x]',
  'a_b_c', 'http://auto.link', 'www.example.com', 'a@b.com', '\r\nCR', 'line\nline', 'a\n\nb', '\u2028\u2029',
  '\u001b[31mred\u001b[0m', '\u202eevil', '\u0000nul', '한국어 {중괄호} <태그>', '😀 {', 'check passed', '\n', ' ',
];

/** A deterministic stream of mixtures: pieces of the list joined by random separators. */
function mixtures(count: number, seed = 7): string[] {
  let state = seed;
  const next = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const seps = ['', ' ', '\n', '\n\n', '  ', '\t', 'x'];
  return Array.from({ length: count }, () => {
    const n = 1 + Math.floor(next() * 4);
    return Array.from({ length: n }, () => HOSTILE[Math.floor(next() * HOSTILE.length)]! + seps[Math.floor(next() * seps.length)]!).join('');
  });
}

const STRINGS = [...HOSTILE, ...mixtures(150)];
const NOT_TEXT = new Set(['mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'html', 'link', 'image', 'linkReference', 'imageReference', 'definition', 'containerDirective', 'leafDirective', 'textDirective']);

interface Node { type: string; value?: string; attributes?: { value: unknown }[]; children?: Node[] }
const all = (n: Node): Node[] => [n, ...(n.children ?? []).flatMap(all)];
const textOf = (n: Node) => all(n).filter((c) => c.type === 'text').map((c) => c.value).join('');

async function micromark(source: string): Promise<Node> {
  let tree: Node | undefined;
  await compile(source, { remarkPlugins: [() => (t: unknown) => { tree = t as Node; }] });
  return tree!;
}
const satteri = (source: string) => mdxToMdast(source, { features: { gfm: true, directive: true }, position: false }) as unknown as Node;

/** Markdown has no NUL; readers see U+FFFD. */
const expected = (s: string) => s.replace(/\u0000/g, '\uFFFD');

describe('MDX text', () => {
  it('every hostile string comes out of the MDX compiler as that text, in one paragraph', async () => {
    for (const s of STRINGS.filter((x) => x.trim() !== '')) {
      const source = mdxText(s);
      const tree = await micromark(source);
      expect(all(tree).map((n) => n.type).filter((t) => NOT_TEXT.has(t)), JSON.stringify(s)).toEqual([]);
      expect(tree.children?.map((n) => n.type), JSON.stringify(s)).toEqual(['paragraph']);
      expect(textOf(tree), JSON.stringify(s)).toBe(expected(s));
    }
  });

  it('satteri (the site build) reads the same text, with no code or markup', () => {
    // satteri links bare URLs (GFM autolink literals) after escapes are decoded: untrusted text in
    // pages therefore goes to components, never into Markdown text (see src/emit/site.ts).
    for (const s of STRINGS.filter((x) => x.trim() !== '')) {
      const tree = satteri(mdxText(s));
      expect(all(tree).map((n) => n.type).filter((t) => NOT_TEXT.has(t) && t !== 'link'), JSON.stringify(s)).toEqual([]);
      expect(textOf(tree), JSON.stringify(s)).toBe(expected(s));
    }
  });
});

describe('JSX props', () => {
  const page = (value: unknown, plain: string) => mdxSource({ type: 'root', children: [jsxElement('Cell', { data: jsonAttribute(value), href: plain })] } as Root);

  it('hands the component exactly the JSON and the string, in both engines', async () => {
    for (const s of STRINGS) {
      const source = page({ text: s, list: [s] }, s);
      for (const tree of [await micromark(source), satteri(source)]) {
        const element = all(tree).find((n) => n.type === 'mdxJsxFlowElement')!;
        expect(all(tree).filter((n) => NOT_TEXT.has(n.type)).map((n) => n.type), JSON.stringify(s)).toEqual(['mdxJsxFlowElement']);
        expect(JSON.parse(String(element.attributes![0]!.value)), JSON.stringify(s)).toEqual({ text: s, list: [s] });
        expect(element.attributes![1]!.value, JSON.stringify(s)).toBe(expected(s));
      }
    }
  });

  it('writes JSON with no quote, reference or markup character of its own', () => {
    for (const s of STRINGS) expect(jsonAttribute(s)).not.toMatch(/['&<>\n\r\u2028\u2029]/);
  });
});

describe('HTML', () => {
  it('escapes markup and both quotes', () => {
    expect(htmlText(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
    for (const s of STRINGS) expect(htmlText(s)).not.toMatch(/[<>"']|&(?!(amp|lt|gt|quot|#39);)/);
  });
});

describe('Mermaid labels', () => {
  it('keep a task name readable and drop every character Mermaid reads as syntax', () => {
    expect(mermaidLabel("download('파일A', 2)")).toBe("download('파일A', 2)");
    for (const s of STRINGS) {
      const label = mermaidLabel(s);
      expect(label, JSON.stringify(s)).not.toMatch(/[\n\r:;#%{}<>&"`\\[\]]/);
      expect([...label].length).toBeLessThanOrEqual(60);
    }
    expect(mermaidLabel('x\nclick a0s0 href "javascript:alert(1)"')).toBe('x click a0s0 href javascript alert(1)');
  });
});

describe('console lines', () => {
  it('write line breaks, escapes and bidi controls as visible escapes', () => {
    expect(consoleText('bad\ncheck passed')).toBe('bad\\ncheck passed');
    expect(consoleText('a\rb\u001b[2Kc\u202ed\\n')).toBe('a\\rb\\x1b[2Kc\\u202ed\\\\n');
    for (const s of STRINGS) expect(consoleText(s), JSON.stringify(s)).not.toMatch(/[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u);
  });

  it('put every further line of a message behind a visible prefix', () => {
    expect(consoleLines('first\nsecond\n::error::x')).toBe('first\n    | second\n    | ::error::x');
    for (const s of STRINGS) for (const [i, line] of consoleLines(s).split('\n').entries()) if (i > 0) expect(line.startsWith('    | ')).toBe(true);
  });
});

describe('GitHub workflow commands', () => {
  it('encode what ends a message or a property', () => {
    expect(githubMessage('50%\r\ncheck passed')).toBe('50%25%0D%0Acheck passed');
    expect(githubMessage('\x1b[32mcheck passed\x1b[0m\u202e\tC:\\x')).toBe('\\x1b[32mcheck passed\\x1b[0m\\u202e\\tC:\\x');
    expect(githubProperty('a,b:c\nd%')).toBe('a%2Cb%3Ac%0Ad%25');
    for (const s of STRINGS) {
      expect(githubMessage(s)).not.toMatch(/[\r\n]/);
      expect(githubProperty(s)).not.toMatch(/[\r\n,:]/);
    }
  });
});

describe('XML', () => {
  it('escapes markup and drops characters XML cannot hold', () => {
    expect(xmlText('<a b="c">&\u0001\'')).toBe('&lt;a b=&quot;c&quot;&gt;&amp;\uFFFD&apos;');
    expect(xmlAttribute('a\nb\tc')).toBe('a&#10;b&#9;c');
    for (const s of STRINGS) {
      expect(xmlText(s)).not.toMatch(/[<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f]|&(?!(amp|lt|gt|quot|apos);)/);
      expect(xmlAttribute(s)).not.toMatch(/[\n\r\t]/);
    }
  });
});

describe('plain text for notebooks', () => {
  it('keeps tabs and line breaks, drops terminal escapes', () => {
    expect(plainText('a\tb\nc\r\u001b]8;;javascript:x\u0007')).toBe('a\tb\nc\r\uFFFD]8;;javascript:x\uFFFD');
  });
});
