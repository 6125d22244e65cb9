// Markdown file -> document model: chapters, cells (every ```python block), stated outputs, claims.
import { createHash } from 'node:crypto';
import type { Code, Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { parse as parseYaml } from 'yaml';
import { parseMarkdown } from './markdown.ts';
import { chapterAt, splitChapters } from './chapters.ts';
import { commentBlocks, fenceAfter, printValues } from './stated.ts';
import { errorCues, timingClaims } from './claims.ts';
import { checkLanguage } from './language.ts';
import { eventTables } from './events.ts';
import type { Cell, SourceDocument } from './model.ts';

export function documentSlug(file: string): string {
  return file.split('/').pop()!.replace(/\.(md|markdown|mdx)$/i, '');
}

function titleOf(tree: Root, fallback: string): string {
  const front = tree.children.find((n) => n.type === 'yaml');
  if (front && 'value' in front) {
    try {
      const data = parseYaml(String(front.value));
      if (data && typeof data.title === 'string') return data.title;
    } catch {
      // malformed front matter: fall back to the first heading
    }
  }
  const h1 = tree.children.find((n): n is Heading => n.type === 'heading' && n.depth === 1);
  return h1 ? toString(h1).trim() : fallback;
}

export function cellKey(code: string): string {
  return createHash('sha256').update(code, 'utf8').digest('hex').slice(0, 8);
}

export function parseDocument(markdown: string, file: string): SourceDocument {
  const tree = parseMarkdown(markdown);
  const slug = documentSlug(file);
  const title = titleOf(tree, slug);
  const chapters = splitChapters(tree, markdown, title);
  const cells: Cell[] = [];
  const seenKeys = new Map<string, number>();

  visit(tree, 'code', (node: Code, index, parent) => {
    if ((node.lang ?? '').toLowerCase() !== 'python' || !node.position) return;
    const line = node.position.start.line;
    const codeStart = line + 1;
    const code = node.value;
    const base = cellKey(code);
    const count = (seenKeys.get(base) ?? 0) + 1;
    seenKeys.set(base, count);
    const key = count === 1 ? base : `${base}-${count}`;
    const language = checkLanguage(code);
    const stated = [...commentBlocks(language.runCode || code, codeStart), ...printValues(language.runCode || code, codeStart)];
    const after = parent && index !== undefined ? fenceAfter(parent.children, index) : null;
    if (after) stated.push(after);
    cells.push({
      id: `${slug}/${key}`,
      key,
      document: slug,
      file,
      line,
      index: cells.length + 1,
      chapter: chapterAt(chapters, line).slug,
      lang: 'python',
      code,
      notPython: language.notPython,
      runCode: language.runCode,
      partial: language.partial,
      stated,
      claims: language.notPython ? [] : timingClaims(language.runCode, codeStart),
      errorCues: errorCues(code),
      eventTables: language.notPython ? [] : eventTables(language.runCode, codeStart),
    });
  });

  return { slug, file, title, markdown, chapters, cells };
}
