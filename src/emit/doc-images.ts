// Images in documents are data, never modules. Astro's MDX turns an image with a relative path into
// an `import` of that path while the page renders, so a document's `![x](./x.mjs)` would run its
// module in the build. Every image a page shows is therefore either a remote http(s) URL (Astro leaves
// those alone) or a real image file from the content tree, recognised by its bytes and served from
// the public folder under a name made of its hash: an absolute URL that Astro never imports. Anything
// else becomes the text it was written as. This module decides (pure); src/site/doc-images.ts reads
// the files and writes the copies.
//
// SVG is refused: it can hold script, and a copy served from the site's own origin runs that script
// when a reader opens its address directly, whatever the page's <img> does.
import { createHash } from 'node:crypto';
import type { Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import { textNode } from './escape.ts';
import { parseMarkdown, sharedTree } from '../source/markdown.ts';

/** Where copied images are served from (under the public folder, and so under the site's root). */
export const IMAGE_ASSETS_BASE = '/assets/doc-images/';
/** Larger files are not copied: a page's picture, not a data dump. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

export type ImageFormat = 'png' | 'jpg' | 'gif' | 'webp' | 'avif';

const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

/** The format of an image file by its first bytes; 'svg' for an SVG document; null for anything else. */
export function imageFormat(bytes: Uint8Array): ImageFormat | 'svg' | null {
  if (bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b)) return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
  if (bytes.length >= 6 && /^GIF8[79]a$/.test(ascii(bytes, 0, 6))) return 'gif';
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  // ISO base media: a `ftyp` box whose major or compatible brands name AVIF.
  if (bytes.length >= 16 && ascii(bytes, 4, 8) === 'ftyp') {
    const size = Math.min(((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0, bytes.length);
    for (let at = 8; at + 4 <= size; at += at === 8 ? 8 : 4) {
      if (['avif', 'avis'].includes(ascii(bytes, at, at + 4))) return 'avif';
    }
    return null;
  }
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '');
  if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE\s+svg[^>]*>\s*)?<svg[\s>]/i.test(head)) return 'svg';
  return null;
}

/** What an image's URL names: a remote picture, a file beside the document (its decoded path), or nothing a page may show. */
export type ImageTarget = { kind: 'remote' } | { kind: 'file'; path: string } | { kind: 'refused'; reason: string };

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

export function imageTarget(url: string): ImageTarget {
  const trimmed = url.trim();
  if (/^https?:\/\//i.test(trimmed) || trimmed.startsWith('//')) {
    // Astro decodes every image's URL while it compiles the page: a malformed escape would stop the whole build.
    try {
      decodeURI(trimmed);
    } catch {
      return { kind: 'refused', reason: 'a malformed %-escape' };
    }
    return { kind: 'remote' };
  }
  if (SCHEME.test(trimmed)) return { kind: 'refused', reason: `a ${trimmed.slice(0, trimmed.indexOf(':')).toLowerCase()}: URL (only http and https images are shown from elsewhere)` };
  if (trimmed.startsWith('/') || trimmed.startsWith('\\')) return { kind: 'refused', reason: 'a path from the site\'s root (an image is a file beside the document, named by a relative path)' };
  // A query or fragment names no other file (Vite would read `?raw`, `?url` as instructions: dropped).
  const path = trimmed.replace(/[?#].*$/s, '');
  if (path === '') return { kind: 'refused', reason: 'no file named' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return { kind: 'refused', reason: 'a malformed %-escape' };
  }
  if (decoded.includes('\0')) return { kind: 'refused', reason: 'a NUL byte in the path' };
  return { kind: 'file', path: decoded };
}

/** What the file system says about a path beside a document (src/site/doc-images.ts reads it). */
export type FileProbe =
  | { kind: 'outside' }
  | { kind: 'missing' }
  | { kind: 'not-a-file' }
  | { kind: 'too-large'; size: number }
  | { kind: 'file'; bytes: Uint8Array };

export type ImageOutcome =
  | { kind: 'remote' }
  | { kind: 'served'; href: string; name: string; bytes: Uint8Array }
  | { kind: 'refused'; reason: string; missing?: true };

/** The name a file is served under: its SHA-256 and its format's extension (the same picture, one copy). */
export function assetName(bytes: Uint8Array, format: ImageFormat): string {
  return `${createHash('sha256').update(bytes).digest('hex')}.${format}`;
}

/** What becomes of an image's URL, given how the file system answers for the path it names. */
export function imageOutcome(url: string, probe: (path: string) => FileProbe): ImageOutcome {
  const target = imageTarget(url);
  if (target.kind !== 'file') return target;
  const found = probe(target.path);
  switch (found.kind) {
    case 'outside': return { kind: 'refused', reason: 'outside the content tree (after `..` and symbolic links)' };
    case 'missing': return { kind: 'refused', reason: 'no such file', missing: true };
    case 'not-a-file': return { kind: 'refused', reason: 'not a file' };
    case 'too-large': return { kind: 'refused', reason: `${found.size} bytes, more than the ${MAX_IMAGE_BYTES} an image may have` };
  }
  const format = imageFormat(found.bytes);
  if (format === 'svg') return { kind: 'refused', reason: 'an SVG image, which can hold script: not served (use PNG, JPEG, GIF, WebP or AVIF)' };
  if (format === null) return { kind: 'refused', reason: 'not an image (its content is none of PNG, JPEG, GIF, WebP, AVIF)' };
  const name = assetName(found.bytes, format);
  return { kind: 'served', href: `${IMAGE_ASSETS_BASE}${name}`, name, bytes: found.bytes };
}

/** Link reference definitions by identifier; the first of a label wins, as in CommonMark. */
export type Definitions = ReadonlyMap<string, string>;

export function definitionsOf(trees: readonly (Readonly<Root> | readonly RootContent[])[]): Definitions {
  const found = new Map<string, string>();
  for (const tree of trees) {
    const roots = Array.isArray(tree) ? tree : [tree];
    for (const root of roots as RootContent[]) {
      visit(root, 'definition', (node) => { if (!found.has(node.identifier)) found.set(node.identifier, node.url); });
    }
  }
  return found;
}

/**
 * Whether some Markdown can hold a link reference definition: `[label]:` has its `]` right before
 * the colon. A translation's hundreds of texts hold a handful of definitions; the others are not
 * parsed for them (a check and a build parsed every text twice, for definitions and for images).
 */
export const mayDefine = (text: string): boolean => text.includes(']:');

/** Whether some Markdown can hold an image: every kind starts with a literal `![` (a character reference makes none). */
export const mayShowImage = (text: string): boolean => text.includes('![');

/** The definitions a page in one language sees: its translation's texts first (when it has one), then the document's. */
export function documentDefinitions(markdown: string, translatedTexts: readonly string[] | null): Definitions {
  return definitionsOf([...(translatedTexts ?? []).filter(mayDefine).map((t) => parseMarkdown(t)), sharedTree(markdown)]);
}

export interface ImageUse {
  url: string;
  alt: string;
  /** 1-based line in the Markdown the node was parsed from. */
  line: number;
  /** Written as `![alt][label]`: the definition's URL. */
  reference: boolean;
}

/** Every image of some Markdown, references resolved; a reference without a definition names nothing. */
export function imageUses(tree: Readonly<Root> | RootContent, definitions: Definitions): ImageUse[] {
  const uses: ImageUse[] = [];
  visit(tree as Root, (node) => {
    const line = node.position?.start.line ?? 0;
    if (node.type === 'image') uses.push({ url: node.url, alt: node.alt ?? '', line, reference: false });
    else if (node.type === 'imageReference') {
      const url = definitions.get(node.identifier);
      if (url !== undefined) uses.push({ url, alt: node.alt ?? '', line, reference: true });
    }
  });
  return uses;
}

/** The served address of each URL a document's images name (absent or null: not served). */
export type ServedImages = (url: string) => string | null;

/** An image as the text it was written as. */
function imageText(alt: string, url: string): RootContent {
  return textNode(`![${alt}](${url})`) as RootContent;
}

/**
 * The page's version of an image node: a remote image as it is, a served file by its public
 * address, anything else (and a reference without a definition) as text. Reference images become
 * plain ones, so Astro never reads a definition's path.
 */
export function pageImage(node: RootContent, definitions: Definitions, served: ServedImages): RootContent {
  if (node.type !== 'image' && node.type !== 'imageReference') return node;
  const alt = node.alt ?? '';
  const url = node.type === 'image' ? node.url : definitions.get(node.identifier);
  if (url === undefined) return textNode(`![${alt}][${(node as { label?: string | null }).label ?? (node as { identifier: string }).identifier}]`) as RootContent;
  const target = imageTarget(url);
  const title = node.type === 'image' ? node.title ?? null : null;
  if (target.kind === 'remote') return { type: 'image', url, alt, title };
  const href = target.kind === 'file' ? served(url) : null;
  return href === null ? imageText(alt, url) : { type: 'image', url: href, alt, title };
}
