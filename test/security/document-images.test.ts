// A document's images never become modules of the build. Astro's MDX imports an image's relative
// path while the page renders: `![x](./x.mjs)` used to run that module in the build process (with
// its environment and write access), and an image that did not resolve failed the whole build. Here
// the command line builds a source directory holding both, a real PNG, and the other forms an image
// or a link can take: the build succeeds, the module never runs, the PNG is served under its hash,
// the refused images are problems naming file and line, and every page is there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';

const BIN = resolve('bin/execdocs.js');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC', 'base64');
const PNG_URL = `/assets/doc-images/${createHash('sha256').update(PNG).digest('hex')}.png`;

// Under the repository: the generated project resolves Astro's packages from the folder the build runs in.
mkdirSync('.cache', { recursive: true });
const dir = resolve(mkdtempSync(join('.cache', 'doc-images-build-')));
const MARKER = join(dir, 'imported');

const GUIDE = [
  '# Guide', '',
  '## Pictures', '',
  '![module](./x.mjs)', '',
  '![gone](./missing.png)', '',
  '![pic](./pic.png)', '',
  // The same module, reached from where the generated page lies in the cache (.cache/site/src/content/docs/en/guide/).
  '![far](../../../../../../../docs/x.mjs)', '',
  '![by reference][mod]', '',
  '[mod]: ./x.mjs', '',
  '<img src="./x.mjs">', '',
  '[a link](./x.mjs)', '',
  // Astro decodes an image's URL as it compiles the page: this one used to stop the whole build.
  '![bad escape](https://example.com/%E0%A4%A.png)', '',
  '## Other', '',
  'Words on another page.', '',
].join('\n');

// What build and check say of the document's refused images.
// The document is only prose and images: the check says so, as a warning that fails nothing.
const NO_BLOCKS = 'docs/guide.md:1: warning[no-python-blocks]: the document has no python block: nothing in it runs or is checked';
const REFUSED = [
  'docs/guide.md:5: error[image-refused]: image "./x.mjs": not an image (its content is none of PNG, JPEG, GIF, WebP, AVIF); the page shows it as text',
  'docs/guide.md:7: error[image-not-found]: image "./missing.png": no such file; the page shows it as text',
  'docs/guide.md:11: error[image-refused]: image "../../../../../../../docs/x.mjs": outside the content tree (after `..` and symbolic links); the page shows it as text',
  'docs/guide.md:13: error[image-refused]: image "./x.mjs" (by reference): not an image (its content is none of PNG, JPEG, GIF, WebP, AVIF); the page shows it as text',
  'docs/guide.md:21: error[image-refused]: image "https://example.com/%E0%A4%A.png": a malformed %-escape; the page shows it as text',
];

type Ran = { code: number | null; out: string; err: string };
let build: Ran;

function execdocs(args: string[]): Ran {
  const child = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '' }, timeout: 300_000 });
  return { code: child.status, out: child.stdout, err: child.stderr };
}

beforeAll(() => {
  mkdirSync(join(dir, 'docs'));
  writeFileSync(join(dir, 'docs', 'guide.md'), GUIDE);
  writeFileSync(join(dir, 'docs', 'pic.png'), PNG);
  // Were it imported, it would leave a marker and pass as an image, so the page would still render.
  writeFileSync(join(dir, 'docs', 'x.mjs'), [
    "import { writeFileSync } from 'node:fs';",
    `writeFileSync(${JSON.stringify(MARKER)}, 'the build ran a document\\'s module');`,
    "export default { src: '/x.png', width: 1, height: 1, format: 'png' };", '',
  ].join('\n'));
  build = execdocs(['build', 'docs', '--out', 'out']);
}, 320_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const page = (path: string) => readFileSync(join(dir, 'out', path, 'index.html'), 'utf8');

describe('execdocs build of a document whose images name a module, a missing file and a PNG', () => {
  it('succeeds without running the module', () => {
    expect(build.code, build.err).toBe(0);
    expect(existsSync(MARKER)).toBe(false);
  });

  it('serves the PNG under its hash, and the page shows it there', () => {
    expect(readFileSync(join(dir, 'out', PNG_URL)).equals(PNG)).toBe(true);
    expect(build.out).toContain('images: 1 file(s) from the documents in public/assets/doc-images/, under their hash\n');
    const html = page('en/guide/pictures');
    expect(html).toContain(`<img src="${PNG_URL}" alt="pic"`);
    expect(html.match(/<img [^>]*>/g)).toEqual([expect.stringContaining(`src="${PNG_URL}"`)]);
  });

  // The HTML <img> is text too (its quotes curled by the site's typography).
  it('shows every other image, the HTML one too, as its text, and leaves the link a link', () => {
    const html = page('en/guide/pictures');
    for (const shown of ['![module](./x.mjs)', '![gone](./missing.png)', '![far](../../../../../../../docs/x.mjs)', '![by reference](./x.mjs)', '<p>&lt;img src=“./x.mjs”&gt;</p>']) {
      expect(html).toContain(shown);
    }
    expect(html).toContain('<a href="./x.mjs">a link</a>');
    expect(existsSync(join(dir, 'out', 'en', 'guide', 'pictures', 'x.mjs'))).toBe(false);
  });

  it('prints each refused image with its file and line', () => {
    const problems = build.err.split('\n').filter((l) => l.startsWith('docs/guide.md:'));
    expect(problems).toEqual([NO_BLOCKS, ...REFUSED]);
  });

  it('builds the other pages', () => {
    expect(page('en/guide/other')).toContain('Words on another page.');
    expect(existsSync(join(dir, 'out', 'en', 'errata', 'index.html'))).toBe(true);
  });
});

describe('execdocs check of the same document', () => {
  it('fails on the images the build would refuse, each at its line', () => {
    const check = execdocs(['check', 'docs']);
    expect(check.code, check.err).toBe(1);
    expect(check.out.split('\n').filter((l) => l.startsWith('docs/guide.md:'))).toEqual([NO_BLOCKS, ...REFUSED]);
    expect(check.out).toContain(`check FAILED: ${REFUSED.length} problem(s)`);
    expect(existsSync(MARKER)).toBe(false);
  });
});
