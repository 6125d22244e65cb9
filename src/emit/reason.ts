// Reasons as readers see them. A reason written in a settings file (an acknowledged erratum, a
// skip or an expected error) may use a little Markdown: code spans, emphasis and strong emphasis,
// through an allow-list. Anything else it writes (links, images, HTML, headings, lists) is shown as
// the text it was written as. A reason that quotes the run (an exception message, a traceback, a
// hang diagnosis, the comparison's problems) is text, never Markdown.
import type { PhrasingContent, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { CellVerdict } from '../check/verdict.ts';
import { reasonText, type Why } from '../check/reasons.ts';
import { textNode } from './escape.ts';

export type { TextPart } from './source-links.ts';
import type { TextPart } from './source-links.ts';

type Marks = Omit<TextPart, 'text'>;

function push(parts: TextPart[], text: string, marks: Marks) {
  if (!text) return;
  const last = parts.at(-1);
  if (last && !last.code && !marks.code && !!last.em === !!marks.em && !!last.strong === !!marks.strong) last.text += text;
  else parts.push({ text, ...marks });
}

/** The allow-listed Markdown of a settings reason, as parts of text. */
export function reasonParts(markdown: string): TextPart[] {
  // CommonMark only (no GFM, so no bare-URL links): nothing is parsed that is not shown as text.
  const tree = fromMarkdown(markdown);
  const parts: TextPart[] = [];
  const source = (node: RootContent) => markdown.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
  const phrasing = (node: PhrasingContent, marks: Marks) => {
    if (node.type === 'text') push(parts, node.value, marks);
    else if (node.type === 'inlineCode') push(parts, node.value, { ...marks, code: true });
    else if (node.type === 'emphasis') for (const child of node.children) phrasing(child, { ...marks, em: true });
    else if (node.type === 'strong') for (const child of node.children) phrasing(child, { ...marks, strong: true });
    else if (node.type === 'break') push(parts, '\n', marks);
    else push(parts, source(node), marks); // link, image, html, references: the text as written
  };
  let cursor = 0;
  for (const block of tree.children) {
    const start = block.position?.start.offset ?? cursor;
    push(parts, markdown.slice(cursor, start), {});
    if (block.type === 'paragraph') {
      let inner = start;
      for (const child of block.children) {
        // What lies between parsed nodes is markup the parser consumed; text nodes carry the text.
        inner = child.position?.end.offset ?? inner;
        phrasing(child, {});
      }
      cursor = block.position?.end.offset ?? inner;
    } else {
      push(parts, source(block), {});
      cursor = block.position?.end.offset ?? start;
    }
  }
  push(parts, markdown.slice(cursor), {});
  return parts.map((p) => ({ ...p, text: p.text.replace(/\u0000/g, '\uFFFD') }));
}

/** Text that is only text. */
export function plainParts(text: string): TextPart[] {
  return text ? [{ text }] : [];
}

/** The parts as mdast phrasing nodes (for MDX pages: the serialiser escapes the text). */
export function phrasingOf(parts: TextPart[]): PhrasingContent[] {
  return parts.map((part) => {
    let node: PhrasingContent = part.code ? { type: 'inlineCode', value: part.text } : textNode(part.text);
    if (part.em) node = { type: 'emphasis', children: [node] };
    if (part.strong) node = { type: 'strong', children: [node] };
    return node;
  });
}

/** Whether the detail of a reason was written in a settings file (and so may use the allow-list). */
function fromSettings(why: Why): boolean {
  return why.code === 'skip' || (why.code === 'expected-error' && why.by === 'setting');
}

/**
 * A verdict's reason in the reader's locale. The sentences around a detail are ours (they hold no
 * Markdown), so a settings reason's sentence goes through the allow-list whole.
 */
export function verdictReasonParts(verdict: CellVerdict, locale: 'ko' | 'en'): TextPart[] {
  const text = reasonText(verdict.why, locale);
  return fromSettings(verdict.why) ? reasonParts(text) : plainParts(text);
}

/** What the errata list shows: the acknowledged erratum when there is one, else the verdict's reason. */
export function erratumParts(verdict: CellVerdict, locale: 'ko' | 'en'): TextPart[] {
  return verdict.acknowledged ? reasonParts(verdict.acknowledged[locale]) : verdictReasonParts(verdict, locale);
}
