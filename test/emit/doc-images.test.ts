// Images in documents are data: which targets become served copies, remote images or text, with
// the problems naming file and line, and what the pages then hold (no image path Astro would import).
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compile } from '@mdx-js/mdx';
import { parseDocument } from '../../src/source/document.ts';
import { segmentKey } from '../../src/source/segments.ts';
import { imageFormat, imageOutcome, imageTarget, pageImage, type FileProbe } from '../../src/emit/doc-images.ts';
import { documentImages, probeFile, writeImageAssets } from '../../src/site/doc-images.ts';
import { siteFiles } from '../../src/emit/site.ts';
import type { CheckedDocument, CheckResult } from '../../src/check/run.ts';

export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC', 'base64');
const PNG_NAME = `${createHash('sha256').update(PNG).digest('hex')}.png`;
const bytes = (...b: number[]) => new Uint8Array(b);
const text = (s: string) => new TextEncoder().encode(s);

describe('what an image file is, by its bytes', () => {
  it('knows PNG, JPEG, GIF, WebP and AVIF, finds SVG, and nothing else', () => {
    const avif = new Uint8Array([0, 0, 0, 0x1c, ...text('ftypmif1'), 0, 0, 0, 0, ...text('mif1avifmiaf')]);
    const heic = new Uint8Array([0, 0, 0, 0x18, ...text('ftypheic'), 0, 0, 0, 0, ...text('mif1heic')]);
    expect([
      imageFormat(PNG), imageFormat(bytes(0xff, 0xd8, 0xff, 0xe0)), imageFormat(text('GIF89a...')), imageFormat(text('GIF87a')),
      imageFormat(text('RIFF\0\0\0\0WEBPVP8 ')), imageFormat(avif), imageFormat(heic),
      imageFormat(text('<?xml version="1.0"?>\n<!-- c -->\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')),
      imageFormat(text('\uFEFF<svg>')),
      imageFormat(text("import { writeFileSync } from 'node:fs';")), imageFormat(text('{"png": true}')), imageFormat(bytes(0x89, 0x50, 0x4e, 0x47)), imageFormat(bytes()),
    ]).toEqual(['png', 'jpg', 'gif', 'gif', 'webp', 'avif', null, 'svg', 'svg', null, null, null, null]);
  });
});

describe('what an image URL names', () => {
  it('remote http(s) images, relative files (decoded, without query or fragment), and refusals with their reason', () => {
    expect([
      'https://example.com/a.png', 'HTTP://x/y', '//cdn.example/a.png',
      './a b.png', 'pics/%C3%A9.png', './x.mjs?raw', './pic.png#frag',
      'javascript:alert(1)', 'data:image/png;base64,AAAA', 'C:/x.png', '/x.png', '\\\\host\\share', '#only', '%E0%A4%A', './a%00.png', 'https://example.com/%E0%A4%A.png',
    ].map(imageTarget)).toEqual([
      { kind: 'remote' }, { kind: 'remote' }, { kind: 'remote' },
      { kind: 'file', path: './a b.png' }, { kind: 'file', path: 'pics/é.png' }, { kind: 'file', path: './x.mjs' }, { kind: 'file', path: './pic.png' },
      { kind: 'refused', reason: 'a javascript: URL (only http and https images are shown from elsewhere)' },
      { kind: 'refused', reason: 'a data: URL (only http and https images are shown from elsewhere)' },
      { kind: 'refused', reason: 'a c: URL (only http and https images are shown from elsewhere)' },
      { kind: 'refused', reason: 'a path from the site\'s root (an image is a file beside the document, named by a relative path)' },
      { kind: 'refused', reason: 'a path from the site\'s root (an image is a file beside the document, named by a relative path)' },
      { kind: 'refused', reason: 'no file named' },
      { kind: 'refused', reason: 'a malformed %-escape' },
      { kind: 'refused', reason: 'a NUL byte in the path' },
      // Astro decodes a remote image's URL too: a malformed one would stop the build.
      { kind: 'refused', reason: 'a malformed %-escape' },
    ]);
  });

  it('serves a real image under its hash; refuses the rest, whatever the file system says', () => {
    const answer = (probe: FileProbe) => (url: string) => imageOutcome(url, () => probe);
    expect(answer({ kind: 'file', bytes: PNG })('./pic.png')).toEqual({ kind: 'served', href: `/assets/doc-images/${PNG_NAME}`, name: PNG_NAME, bytes: PNG });
    expect(PNG_NAME).toMatch(/^[0-9a-f]{64}\.png$/);
    expect([
      answer({ kind: 'file', bytes: text('export default 1') })('./x.mjs'),
      answer({ kind: 'file', bytes: text('<svg onload="alert(1)"/>') })('./v.svg'),
      answer({ kind: 'missing' })('./nope.png'),
      answer({ kind: 'outside' })('../up.png'),
      answer({ kind: 'not-a-file' })('./dir'),
      answer({ kind: 'too-large', size: 20_000_000 })('./big.png'),
    ].map((o) => o.kind === 'refused' ? o.reason : o.kind)).toEqual([
      'not an image (its content is none of PNG, JPEG, GIF, WebP, AVIF)',
      'an SVG image, which can hold script: not served (use PNG, JPEG, GIF, WebP or AVIF)',
      'no such file',
      'outside the content tree (after `..` and symbolic links)',
      'not a file',
      '20000000 bytes, more than the 10485760 an image may have',
    ]);
    // A remote image asks the file system nothing.
    expect(imageOutcome('https://example.com/a.png', () => { throw new Error('probed'); })).toEqual({ kind: 'remote' });
  });

  it('turns an image node into the page\'s: remote as is, served by its address, the rest (and an undefined reference) as text', () => {
    const definitions = new Map([['mod', './x.mjs'], ['pic', './pic.png']]);
    const served = (url: string) => (url === './pic.png' ? '/assets/doc-images/abc.png' : null);
    expect([
      pageImage({ type: 'image', url: 'https://example.com/r.png', alt: 'r', title: 't' }, definitions, served),
      pageImage({ type: 'image', url: './pic.png', alt: 'p' }, definitions, served),
      pageImage({ type: 'imageReference', identifier: 'pic', label: 'Pic', referenceType: 'full', alt: 'p' }, definitions, served),
      pageImage({ type: 'image', url: './x.mjs', alt: 'm' }, definitions, served),
      pageImage({ type: 'imageReference', identifier: 'mod', label: 'mod', referenceType: 'full', alt: 'm' }, definitions, served),
      pageImage({ type: 'imageReference', identifier: 'none', label: 'None', referenceType: 'full', alt: 'n' }, definitions, served),
    ]).toEqual([
      { type: 'image', url: 'https://example.com/r.png', alt: 'r', title: 't' },
      { type: 'image', url: '/assets/doc-images/abc.png', alt: 'p', title: null },
      { type: 'image', url: '/assets/doc-images/abc.png', alt: 'p', title: null },
      { type: 'text', value: '![m](./x.mjs)' },
      { type: 'text', value: '![m](./x.mjs)' },
      { type: 'text', value: '![n][None]' },
    ]);
  });
});

// A content tree on disk: the document, a real PNG, a module, an SVG, a folder; outside it another
// PNG, reached by `..` and by a symbolic link.
const base = mkdtempSync(join(tmpdir(), 'doc-images-'));
const docs = join(base, 'docs');
mkdirSync(join(docs, 'sub'), { recursive: true });
writeFileSync(join(docs, 'pic.png'), PNG);
writeFileSync(join(docs, 'x.mjs'), "import { writeFileSync } from 'node:fs'; writeFileSync('marker', 'ran');\n");
writeFileSync(join(docs, 'v.svg'), '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
writeFileSync(join(base, 'outside.png'), PNG);
symlinkSync(join(base, 'outside.png'), join(docs, 'escape.png'));
symlinkSync(join(docs, 'pic.png'), join(docs, 'alias.png'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const DOC = [
  '# Doc', '', '## One', '',
  '![png](./pic.png) ![again](pic.png) ![alias](./alias.png)', '',
  '![module](./x.mjs)', '',
  '![missing](./nope.png)', '',
  '![ref][mod]', '',
  '[mod]: ./x.mjs', '',
  '<img src="./x.mjs">', '',
  '[a link](./x.mjs) ![remote](https://example.com/r.png)', '',
  '![up](../outside.png) ![sym](./escape.png) ![dir](./sub) ![svg](./v.svg) ![site](/x.png) ![js](javascript:alert(1))', '',
].join('\n');
const FILE = join(docs, 'doc.md');
writeFileSync(FILE, DOC);
const TRANSLATION = join(base, 'en', 'doc.yaml');

function checked(): CheckedDocument {
  const document = parseDocument(DOC, FILE);
  const paragraph = '![png](./pic.png) ![again](pic.png) ![alias](./alias.png)';
  return {
    document, cells: [], fixtures: [],
    translation: { path: TRANSLATION, document: document.slug, segments: [
      { key: segmentKey('## One'), ko: '## One', en: '## One', line: 2 },
      { key: segmentKey(paragraph), ko: paragraph, en: '![translated](./x.mjs) ![ok](./pic.png)', line: 5 },
    ] },
  };
}

describe('the documents\' images on disk', () => {
  const images = documentImages([checked()], [docs]);

  it('serves the real image once, by every URL that names it (a link inside the tree too)', () => {
    const href = `/assets/doc-images/${PNG_NAME}`;
    expect(Object.fromEntries(images.served.get(FILE)!)).toEqual({ './pic.png': href, 'pic.png': href, './alias.png': href });
    expect([...images.assets.keys()]).toEqual([PNG_NAME]);
    expect(Buffer.from(images.assets.get(PNG_NAME)!).equals(PNG)).toBe(true);
  });

  it('reports every other local image with the file and line that wrote it', () => {
    expect(images.problems).toEqual([
      { code: 'image-refused', severity: 'error', file: FILE, line: 7, message: 'image "./x.mjs": not an image (its content is none of PNG, JPEG, GIF, WebP, AVIF); the page shows it as text' },
      { code: 'image-not-found', severity: 'error', file: FILE, line: 9, message: 'image "./nope.png": no such file; the page shows it as text' },
      { code: 'image-refused', severity: 'error', file: FILE, line: 11, message: 'image "./x.mjs" (by reference): not an image (its content is none of PNG, JPEG, GIF, WebP, AVIF); the page shows it as text' },
      { code: 'image-refused', severity: 'error', file: FILE, line: 19, message: 'image "../outside.png": outside the content tree (after `..` and symbolic links); the page shows it as text' },
      { code: 'image-refused', severity: 'error', file: FILE, line: 19, message: 'image "./escape.png": outside the content tree (after `..` and symbolic links); the page shows it as text' },
      { code: 'image-refused', severity: 'error', file: FILE, line: 19, message: 'image "./sub": not a file; the page shows it as text' },
      { code: 'image-refused', severity: 'error', file: FILE, line: 19, message: 'image "./v.svg": an SVG image, which can hold script: not served (use PNG, JPEG, GIF, WebP or AVIF); the page shows it as text' },
      { code: 'image-refused', severity: 'error', file: FILE, line: 19, message: 'image "/x.png": a path from the site\'s root (an image is a file beside the document, named by a relative path); the page shows it as text' },
      { code: 'image-refused', severity: 'error', file: FILE, line: 19, message: 'image "javascript:alert(1)": a javascript: URL (only http and https images are shown from elsewhere); the page shows it as text' },
      { code: 'image-refused', severity: 'error', file: TRANSLATION, line: 5, message: 'image "./x.mjs": not an image (its content is none of PNG, JPEG, GIF, WebP, AVIF); the page shows it as text' },
    ]);
  });

  it('probes nothing outside the roots, even where the file exists', () => {
    expect(probeFile(FILE, '../outside.png', [docs])).toEqual({ kind: 'outside' });
    expect(probeFile(FILE, '../outside.png', [base])).toMatchObject({ kind: 'file' });
    expect(probeFile(FILE, './escape.png', [docs])).toEqual({ kind: 'outside' });
    expect(probeFile(FILE, 'sub/../../docs/pic.png', [docs])).toMatchObject({ kind: 'file' });
  });

  it('writes exactly the copies into the public folder, and no folder for none', () => {
    const out = join(base, 'public', 'assets', 'doc-images');
    expect(writeImageAssets(join(base, 'none'), new Map())).toEqual([]);
    expect(readdirSync(base)).not.toContain('none');
    expect(writeImageAssets(out, images.assets)).toEqual([PNG_NAME]);
    expect(writeImageAssets(out, images.assets)).toEqual([]);
    writeFileSync(join(out, 'stale.png'), PNG);
    expect(writeImageAssets(out, images.assets)).toEqual(['stale.png']);
    expect(readdirSync(out)).toEqual([PNG_NAME]);
    expect(readFileSync(join(out, PNG_NAME)).equals(PNG)).toBe(true);
  });
});

interface Node { type: string; url?: string; value?: string; children?: Node[] }
const walk = (n: Node, out: Node[] = []): Node[] => { out.push(n); n.children?.forEach((c) => walk(c, out)); return out; };

async function pageTree(page: string): Promise<Node[]> {
  const body = page.replace(/^---\n[\s\S]*?\n---\n\n/, '');
  let tree: Node | undefined;
  await compile(body, { remarkPlugins: [() => (t: unknown) => { tree = t as Node; }] });
  return walk(tree!);
}

describe('the pages', () => {
  const result: CheckResult = { runtime: { pyodide: '', kernel: '', python: '' }, documents: [checked()], problems: [], reused: 0, ran: 0 };
  const images = documentImages(result.documents, [docs]);
  const { docs: pages } = siteFiles(result, { images: images.served });
  const href = `/assets/doc-images/${PNG_NAME}`;

  it('show the served copy and remote images; every other image, the HTML <img> included, as its text', async () => {
    const nodes = await pageTree(pages.get('ko/doc/one.mdx')!);
    expect(nodes.filter((n) => n.type === 'image').map((n) => n.url)).toEqual([href, href, href, 'https://example.com/r.png']);
    expect(nodes.filter((n) => n.type === 'html' || n.type === 'imageReference' || n.type.startsWith('mdxJsx') && n.type !== 'mdxJsxFlowElement')).toEqual([]);
    const texts = nodes.filter((n) => n.type === 'text').map((n) => n.value).join('\n');
    for (const shown of ['![module](./x.mjs)', '![missing](./nope.png)', '![ref](./x.mjs)', '<img src="./x.mjs">', '![up](../outside.png)', '![sym](./escape.png)', '![svg](./v.svg)', '![site](/x.png)', '![js](javascript:alert(1))']) {
      expect(texts).toContain(shown);
    }
    // A link is not imported: it stays a link.
    expect(nodes.filter((n) => n.type === 'link').map((n) => n.url)).toEqual(['./x.mjs']);
  });

  it('do the same with the translation\'s images', async () => {
    const nodes = await pageTree(pages.get('en/doc/one.mdx')!);
    expect(nodes.filter((n) => n.type === 'image').map((n) => n.url)).toEqual([href, 'https://example.com/r.png']);
    expect(nodes.filter((n) => n.type === 'text').map((n) => n.value).join('\n')).toContain('![translated](./x.mjs)');
  });

  it('without served copies, show every local image as text', async () => {
    const nodes = await pageTree(siteFiles(result).docs.get('ko/doc/one.mdx')!);
    expect(nodes.filter((n) => n.type === 'image').map((n) => n.url)).toEqual(['https://example.com/r.png']);
  });
});
