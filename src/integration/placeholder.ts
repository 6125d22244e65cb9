// Where a checked cell goes on a `.md` page. A Markdown page cannot hold a component, so the remark
// plugin leaves a placeholder element after the block (`<div data-execdocs-cell="…">`), carrying the
// cell's props as base64url JSON: an attribute value with no character HTML would escape, whatever
// the snippet printed. The page's MarkdownContent (src/integration/MarkdownContent.astro) splits the
// rendered HTML at the placeholders and renders the same <Cell> the MDX pages carry in their place.
// Pure and free of Node: it runs in the remark plugin and in the component.
import type { Locale } from '../emit/mdx.ts';

export interface Placed {
  /** The cell's props as the component takes them (a JSON attribute, src/emit/json-attribute.ts). */
  data: string;
  locale: Locale;
}

export type Piece = { html: string } | { cell: Placed };

const ATTRIBUTE = 'data-execdocs-cell';
const LOCALE_ATTRIBUTE = 'data-execdocs-locale';
const PLACEHOLDER = new RegExp(`<div ${ATTRIBUTE}="([A-Za-z0-9_-]*)" ${LOCALE_ATTRIBUTE}="(ko|en)"></div>`, 'g');

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** The placeholder's HTML, exactly as the Markdown renderer writes it back out. */
export function placeholderHtml(cell: Placed): string {
  return `<div ${ATTRIBUTE}="${toBase64Url(cell.data)}" ${LOCALE_ATTRIBUTE}="${cell.locale}"></div>`;
}

/** A rendered page's HTML cut at its placeholders: the HTML between them, and the cells in their places. */
export function splitAtPlaceholders(html: string): Piece[] {
  const pieces: Piece[] = [];
  let at = 0;
  for (const match of html.matchAll(PLACEHOLDER)) {
    let data: string;
    try {
      data = fromBase64Url(match[1]!);
    } catch {
      continue; // not one of ours: left as the HTML it is
    }
    if (match.index > at) pieces.push({ html: html.slice(at, match.index) });
    pieces.push({ cell: { data, locale: match[2] as Locale } });
    at = match.index + match[0].length;
  }
  if (at < html.length || pieces.length === 0) pieces.push({ html: html.slice(at) });
  return pieces;
}
