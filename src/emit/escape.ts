// Escaping for every place a document-derived string lands: MDX text and JSX props, HTML, Mermaid,
// the console, GitHub workflow commands, XML. Documents, their snippets and everything those print
// are hostile (CI runs pull requests' documents): whatever goes through here comes out as the same
// text on the other side, never as markup, code, a link or a line of the check's own.
import type { Root, RootContent, PhrasingContent } from 'mdast';
import { toMarkdown, type Options as ToMarkdownOptions, type Unsafe } from 'mdast-util-to-markdown';
import { mdxToMarkdown } from 'mdast-util-mdx';
import { gfmToMarkdown } from 'mdast-util-gfm';

// ---------------------------------------------------------------------------------------------
// MDX

/**
 * What the serialiser does not know is special in the pages the site's MDX engine reads:
 * - MDX reads a line that starts with `import`/`export` as JavaScript, even inside a paragraph;
 *   marking the first letter unsafe there writes it as a character reference.
 * - Starlight turns on directives (`:::note` asides, `:name[label]{attrs}`): a colon before a
 *   word, or a colon at the start of a line, is escaped (as mdast-util-directive does, without
 *   the directive nodes themselves, which our trees never hold).
 */
const unsafe: Unsafe[] = [
  { atBreak: true, character: 'i', after: 'mport\\b' },
  { atBreak: true, character: 'e', after: 'xport\\b' },
  { character: ':', after: '[^\\s\\p{P}\\p{S}]', inConstruct: ['phrasing'], unicode: true } as Unsafe,
  { atBreak: true, character: ':' },
];

// Attributes in single quotes: JSON (jsonAttribute) has no single quote of its own.
export const MDX_OPTIONS: ToMarkdownOptions = { extensions: [gfmToMarkdown(), mdxToMarkdown({ quote: "'" }), { unsafe }] };

/** A tree as MDX source: every text node comes out as that text. */
export function mdxSource(root: Root): string {
  return toMarkdown(root, MDX_OPTIONS);
}

/** Markdown forbids NUL (readers see U+FFFD); say so here rather than leave it to the parser. */
function withoutNul(text: string): string {
  return text.replace(/\u0000/g, '\uFFFD');
}

/** A text node. Use it (and mdast nodes in general) rather than splicing strings into Markdown. */
export function textNode(value: string): PhrasingContent {
  return { type: 'text', value: withoutNul(value) };
}

/** Inline MDX source that reads back as exactly `text` (a paragraph's content, no trailing newline). */
export function mdxText(text: string): string {
  return mdxSource({ type: 'root', children: [{ type: 'paragraph', children: [textNode(text)] }] }).replace(/\n$/, '');
}

export { fromJsonAttribute, jsonAttribute, type JsonOf } from './json-attribute.ts';

/** An element for the page, its attributes given as plain strings (serialised by the MDX writer). */
export function jsxElement(name: string, attributes: Record<string, string>, children: RootContent[] = []): RootContent {
  return {
    type: 'mdxJsxFlowElement',
    name,
    attributes: Object.entries(attributes).map(([k, v]) => ({ type: 'mdxJsxAttribute', name: k, value: attributeText(v) })),
    children,
  } as unknown as RootContent;
}

/**
 * The MDX writer escapes only the quote in attributes: `&` would be read back as a reference, and
 * satteri drops the indentation after a line break in an attribute. Both become references.
 */
function attributeText(value: string): string {
  return withoutNul(value).replace(/[&\n\r\t]/g, (c) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`);
}

// ---------------------------------------------------------------------------------------------
// Markdown (notebooks): CommonMark and GFM, and `$`, which Jupyter reads as the start of maths.

const MARKDOWN_OPTIONS: ToMarkdownOptions = { extensions: [gfmToMarkdown(), { unsafe: [{ character: '$' }, unsafe[2]!, unsafe[3]!] }] };

/** A tree as Markdown for a Jupyter Markdown cell. */
export function markdownSource(root: Root): string {
  return toMarkdown(root, MARKDOWN_OPTIONS);
}

// ---------------------------------------------------------------------------------------------
// Plain text for renderers that read terminal escapes (Jupyter reads ANSI colours and OSC 8 links)

/** Text without control characters other than tab, line feed and carriage return. */
export function plainText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '\uFFFD');
}

// ---------------------------------------------------------------------------------------------
// HTML

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for an HTML element's content or a quoted attribute value. */
export function htmlText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML[c]!);
}

// ---------------------------------------------------------------------------------------------
// Mermaid

/**
 * A label in Mermaid source (a gantt section or task name). A label is the rest of its line, so
 * line breaks go; `:` `;` `#` end a name or start an entity or a comment; `%%` starts a comment or
 * a directive (`%%{init: …}%%` anywhere in the text is read as configuration); braces, brackets and
 * quotes belong to directives and other diagram syntax; `<`, `>` and `&` are HTML to Mermaid's
 * label renderer. All of them become spaces; a label that says `click` or `href` could still read
 * as an interaction line only at its start, and it is never at a line's start here.
 */
export function mermaidLabel(text: string, max = 60): string {
  const cleaned = text
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, ' ')
    .replace(/[:;#%{}[\]<>&"`\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return [...cleaned].slice(0, max).join('').trim();
}

/**
 * A gantt section title: Mermaid reads it as the whole rest of its line and nothing in it as
 * syntax, so beyond what `mermaidLabel` removes, `:` and brackets may stay (`GET https://…`,
 * `crawl([…])`). Everything else that `mermaidLabel` removes is still removed.
 */
export function mermaidSectionLabel(text: string, max = 60): string {
  const cleaned = text
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, ' ')
    .replace(/[;#%{}<>&"`\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return [...cleaned].slice(0, max).join('').trim();
}

// ---------------------------------------------------------------------------------------------
// Console

/**
 * One line of untrusted text for a terminal or a CI log: line breaks, carriage returns, escape
 * sequences and other control or bidirectional-formatting characters are written as visible
 * escapes (`\n`, `\r`, `\x1b`, `\u202e`), and a backslash is doubled so an escape is never faked.
 */
export function consoleText(text: string): string {
  return text.replace(/[\\\p{Cc}\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu, (c) => {
    if (c === '\\') return '\\\\';
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/**
 * A message of several lines for the console: the first line as it is (escaped), every further line
 * behind `prefix`, so no line of untrusted text starts a line of the output (GitHub reads a line
 * starting with `::`, after leading spaces, as a workflow command: the prefix is not blank).
 */
export function consoleLines(text: string, prefix = '    | '): string {
  return text.split('\n').map((line, i) => (i === 0 ? '' : prefix) + consoleText(line)).join('\n');
}

// ---------------------------------------------------------------------------------------------
// GitHub workflow commands (`::error file=…,line=…::message`)

/**
 * The message part: GitHub decodes `%25`, `%0D`, `%0A`, so the message keeps its lines. Any other
 * control or direction character is written out as consoleText writes it: GitHub's log shows ANSI
 * colours, and a quoted snippet's output must not colour or reorder what the annotation says.
 */
export function githubMessage(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
    .replace(/[\p{Cc}\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu, (c) => consoleText(c));
}

/** A property value (`file=…`): as the message, and `:` and `,`, which end a property. */
export function githubProperty(text: string): string {
  return githubMessage(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

// ---------------------------------------------------------------------------------------------
// XML

/**
 * Text or a quoted attribute value in XML 1.0. Characters XML cannot hold at all (most C0
 * controls, lone surrogates, U+FFFE/U+FFFF) become U+FFFD; in attributes, line breaks and tabs are
 * written as references so a reader's attribute normalisation does not turn them into spaces.
 */
export function xmlText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\uFFFD')
    .replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

export function xmlAttribute(text: string): string {
  return xmlText(text).replace(/[\n\r\t]/g, (c) => `&#${c.charCodeAt(0)};`);
}
