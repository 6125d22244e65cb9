// A hostile document (title, headings, snippet output, exception message, task names, settings
// reasons) through the same emit functions the build uses: every generated page must compile as
// MDX in both engines (micromark's and satteri, which the site's build uses), hold no expression,
// link, image or HTML that came from the document's text, and show that text literally.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { compile, evaluate } from '@mdx-js/mdx';
import { mdxToMdast } from 'satteri';
import { parse as parseYaml } from 'yaml';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { siteFiles, type ErrataData } from '../../src/emit/site.ts';
import { MERMAID_CONFIG } from '../../src/components/mermaid-config.ts';
import { EVALUE, LABELS, PRINTED, PWNED, hostileResult } from './hostile.ts';

interface Node { type: string; value?: string; url?: string; name?: string | null; attributes?: { type: string; name: string; value: unknown }[]; children?: Node[] }

const IMPORTS = [
  "import Cell from '../../../../components/Cell.astro';",
  "import NotebookLink from '../../../../components/NotebookLink.astro';",
  "import Documents from '../../../components/Documents.astro';",
  "import Errata from '../../../components/Errata.astro';",
  // The errata filter pages (errata/<verdict>, errata/document/<slug>).
  "import Errata from '../../../../components/Errata.astro';",
  "import Errata from '../../../../../components/Errata.astro';",
];
const FORBIDDEN = new Set(['mdxFlowExpression', 'mdxTextExpression', 'html', 'image', 'imageReference', 'linkReference', 'definition', 'containerDirective', 'leafDirective', 'textDirective', 'mdxJsxTextElement']);

function nodes(tree: Node): Node[] {
  const out: Node[] = [];
  const walk = (n: Node) => { out.push(n); n.children?.forEach(walk); };
  walk(tree);
  return out;
}

function textOf(tree: Node): string {
  return nodes(tree).filter((n) => n.type === 'text' || n.type === 'inlineCode').map((n) => n.value).join('');
}

function split(page: string): { frontmatter: Record<string, unknown>; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/.exec(page);
  if (!m) throw new Error('no front matter');
  return { frontmatter: parseYaml(m[1]!) as Record<string, unknown>, body: m[2]! };
}

async function micromarkTree(body: string): Promise<Node> {
  let tree: Node | undefined;
  await compile(body, { remarkPlugins: [() => (t: unknown) => { tree = t as Node; }] });
  return tree!;
}

function assertInert(tree: Node, page: string) {
  for (const n of nodes(tree)) {
    expect(FORBIDDEN.has(n.type), `${page}: a ${n.type} node: ${JSON.stringify(n).slice(0, 200)}`).toBe(false);
    if (n.type === 'mdxjsEsm') expect(IMPORTS, page).toContain(n.value);
    if (n.type === 'link') expect(n.url, `${page}: a link to ${n.url}`).toMatch(/^\/(ko|en|notebooks)\//);
    if (n.type === 'mdxJsxFlowElement') {
      expect(['Cell', 'Documents', 'Errata', 'NotebookLink', 'a', 'div'], page).toContain(n.name);
      if (n.name === 'NotebookLink') expect(n.attributes?.find((a) => a.name === 'href')?.value, page).toMatch(/^\/notebooks\/(ko|en)\/[\w/-]+\.ipynb$/);
      for (const a of n.attributes ?? []) {
        expect(a.type, page).toBe('mdxJsxAttribute');
        expect(typeof a.value, `${page}: attribute ${a.name}`).toBe('string');
      }
    }
  }
}

type Data = Record<string, unknown> & unknown[];

/** Runs the page with a toy JSX runtime and `require` in reach: an expression from the document would run here. */
async function rendered(body: string): Promise<{ text: string; data: Record<string, Data[]>; elements: string[] }> {
  const elements: string[] = [];
  const data: Record<string, Data[]> = { Cell: [], Documents: [], Errata: [], NotebookLink: [] };
  const texts: string[] = [];
  const Fragment = Symbol('fragment');
  const stubs = Object.fromEntries(Object.keys(data).map((name) => [name, Object.assign(() => null, { stub: name })]));
  const jsx = (type: unknown, props: Record<string, unknown>) => {
    if (typeof type === 'string') elements.push(type);
    const stub = (type as { stub?: string })?.stub;
    // The notebook link takes its address and locale as plain props, no JSON data.
    if (stub) data[stub]!.push(stub === 'NotebookLink' ? ({ href: props.href, locale: props.locale } as unknown as Data) : JSON.parse(String(props.data)));
    const kids = ([] as unknown[]).concat(props.children ?? []);
    for (const k of kids) if (typeof k === 'string') texts.push(k);
    return null;
  };
  const source = IMPORTS.reduce((b, line) => b.replace(line, ''), body);
  const mod = await evaluate(source, { Fragment, jsx, jsxs: jsx, baseUrl: import.meta.url } as never);
  (mod.default as (p: unknown) => unknown)({ components: stubs });
  return { text: texts.join(''), data, elements };
}

describe('generated pages of a hostile document', () => {
  const result = hostileResult();
  const { docs, notebooks } = siteFiles(result);
  const document = result.documents[0]!.document;
  const mdx = [...docs].filter(([path]) => path.endsWith('.mdx'));
  const g = globalThis as { require?: unknown };

  beforeAll(() => {
    expect(existsSync(PWNED), `${PWNED} exists before the test: remove it`).toBe(false);
    g.require = createRequire(import.meta.url);
  });
  afterAll(() => { delete g.require; });

  it('writes chapter, index and errata pages in both locales', () => {
    expect(mdx.map(([p]) => p)).toEqual(expect.arrayContaining(['ko/index.mdx', 'en/errata.mdx', 'ko/hostile/introduction.mdx', 'en/hostile/a-b-and.mdx']));
  });

  it.each(mdx.map(([p]) => p))('%s compiles in both engines, inert', async (path) => {
    const { body } = split(docs.get(path)!);
    assertInert(await micromarkTree(body), path);
    assertInert(mdxToMdast(body, { features: { gfm: true, directive: true }, position: false }) as unknown as Node, path);
  });

  it.each(mdx.map(([p]) => p))('%s runs no code from the document', async (path) => {
    const { body } = split(docs.get(path)!);
    const { elements } = await rendered(body);
    expect(existsSync(PWNED)).toBe(false);
    for (const e of elements) expect(['a', 'p', 'div', 'h2', 'h3', 'h1', 'blockquote', 'ul', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'code', 'em', 'strong', 'pre', 'span']).toContain(e);
  });

  it('keeps titles and headings as text: front matter, index, sidebar', async () => {
    const titles = mdx.filter(([p]) => p.startsWith('ko/hostile/')).map(([p, page]) => [p, split(page).frontmatter.title]);
    expect(Object.fromEntries(titles)).toMatchObject({
      'ko/hostile/introduction.mdx': document.title,
      'ko/hostile/script-alert-heading-script.mdx': '<script>alert("heading")</script>',
      'ko/hostile/a-b-and.mdx': 'a < b { and }',
    });
    expect(document.title).toBe("{(()=>{require('fs').writeFileSync('/tmp/pwned','x')})()}");
    for (const locale of ['ko', 'en']) {
      const { data } = await rendered(split(docs.get(`${locale}/index.mdx`)!).body);
      expect(data.Documents[0]).toEqual([{ href: `/${locale}/hostile/introduction/`, title: document.title }]);
    }
    const intro = await rendered(split(docs.get('ko/hostile/introduction.mdx')!).body);
    expect(intro.text).toContain('Intro prose with a { brace and a < b.');
    expect(JSON.parse(docs.get('sidebar.json')!)[0].label).toBe(document.title);
  });

  it('passes outputs, errors and reasons to the cell as JSON data, exactly', async () => {
    const cells = (await rendered(split(docs.get('ko/hostile/script-alert-heading-script.mdx')!).body)).data.Cell;
    const lines = (cells[0]!.lines as { text: string; stream: string }[]);
    expect(lines.filter((l) => l.stream === 'stdout').map((l) => l.text)).toEqual(PRINTED);
    const [error] = (await rendered(split(docs.get('en/hostile/a-b-and.mdx')!).body)).data.Cell;
    expect(error!.error).toBe(`ValueError: ${EVALUE}`);
    // The reason quotes the exception: text only. The erratum is allow-listed Markdown: a code span
    // and emphasis, everything else as written.
    expect(error!.reasonParts).toEqual([{ text: `raises ValueError at line 1 of the cell: ${EVALUE}` }]);
    expect(error!.acknowledgedParts).toEqual([
      { text: 'ValueError', code: true }, { text: ' is ' }, { text: 'meant', em: true },
      { text: '; [more](javascript:alert(4)) ![x](https://evil.example/en.png) <img src=x onerror=alert(5)> {x} | pipe' },
    ]);
  });

  it('gives the errata table its rows as data: reasons as text, settings reasons through the allow-list', async () => {
    const rows = async (locale: string) => ((await rendered(split(docs.get(`${locale}/errata.mdx`)!).body)).data.Errata[0] as unknown as ErrataData).rows;
    const en = await rows('en');
    expect(en.map((r) => r.reason)).toEqual([
      [{ text: 'ran cleanly; the document states no output' }],
      [{ text: 'ValueError', code: true }, { text: ' is ' }, { text: 'meant', em: true }, { text: '; [more](javascript:alert(4)) ![x](https://evil.example/en.png) <img src=x onerror=alert(5)> {x} | pipe' }],
      [{ text: 'ran cleanly; the document states no output' }],
      [{ text: '[skip link](javascript:alert(6)) <script>alert(7)</script> {y}' }],
      [{ text: expect.stringContaining('does not match what the program printed') }],
    ]);
    expect(en.map((r) => r.href)).toEqual(result.documents[0]!.cells.map((c) => `/en/hostile/${c.cell.chapter}/#cell-${c.cell.key}`));
    expect((await rows('ko'))[1]!.reason.at(-1)!.text).toBe(' 것; [자세히](javascript:alert(4)) ![x](https://evil.example/ko.png) <img src=x onerror=alert(5)> {x}');
  });

  it('draws timelines from hostile task names without Mermaid syntax, under strict security', async () => {
    expect(MERMAID_CONFIG.securityLevel).toBe('strict');
    const cells = (await rendered(split(docs.get('ko/hostile/tasks-with-hostile-names.mdx')!).body)).data.Cell;
    const timeline = String((cells[0]!.timeline as { gantt: string }).gantt);
    // A section title may hold `:` (Mermaid's lexer reads `section\s[^\n]+` whole); a task label may not.
    const grammar = /^(gantt|  dateFormat x|  todayMarker off|  axisFormat [%\-SLsmin. ]+|  tickInterval \w+|  section [^;#%{}<>&\n]+|  [^:;#%{}<>&\n]+ :((active|crit|done|milestone), )*b\d+, \d+, \d+)$/;
    for (const line of timeline.split('\n')) expect(line).toMatch(grammar);
    expect(timeline.match(/^  section /gm)).toHaveLength(LABELS.length);
    expect(timeline).not.toMatch(/%%|^\s*click/m);
  });

  it('writes notebooks whose outputs are plain text and whose Markdown is the document\'s own', () => {
    for (const [path, json] of notebooks) {
      const nb = JSON.parse(json) as { cells: { cell_type: string; source: string[]; outputs?: Record<string, unknown>[]; metadata?: { asyncio_guide?: { erratum?: unknown } } }[] };
      for (const cell of nb.cells) {
        const source = cell.source.join('');
        // An erratum cell quotes the (hostile) settings reason as escaped text: its nodes are checked below.
        const erratum = cell.metadata?.asyncio_guide?.erratum !== undefined;
        if (cell.cell_type === 'markdown') {
          if (!erratum) expect(source, path).not.toContain('check passed');
          if (!erratum) expect(source, path).not.toContain('evil.example');
          for (const n of nodes(fromMarkdown(source) as Node)) expect(['html', 'image', 'link'], `${path}: ${source}`).not.toContain(n.type);
        }
        for (const output of cell.outputs ?? []) {
          expect(['stream', 'execute_result', 'error'], path).toContain(output.output_type);
          if (output.data) expect(Object.keys(output.data as object), path).toEqual(['text/plain']);
          // No escape sequences for a terminal renderer (Jupyter reads ANSI links and colours).
          expect(JSON.stringify(output), path).not.toMatch(/\\u001b|\\u0007/);
        }
      }
    }
    const title = JSON.parse(notebooks.get('ko/hostile/introduction.ipynb')!).cells[0].source.join('');
    const heading = fromMarkdown(title).children[0] as Node;
    expect(heading.type).toBe('heading');
    expect(textOf(heading)).toBe(document.title);
  });
});
