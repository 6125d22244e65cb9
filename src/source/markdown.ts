// One place that knows how this project reads Markdown: CommonMark + GFM + YAML front matter.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import type { Root } from 'mdast';

export function parseMarkdown(text: string): Root {
  return fromMarkdown(text, {
    extensions: [gfm(), frontmatter(['yaml'])],
    mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml'])],
  });
}

// A document's tree is asked for by every chapter's page, title and notebook in both languages:
// the last few documents' trees are kept. They are shared, so they are read-only (frozen);
// a caller that changes nodes clones them first.
const SHARED_TREES = 8;
const sharedTrees = new Map<string, Readonly<Root>>();

/** The tree of a whole document, parsed once and shared: never modify it (clone what you change). */
export function sharedTree(text: string): Readonly<Root> {
  let tree = sharedTrees.get(text);
  if (tree) {
    sharedTrees.delete(text);
  } else {
    tree = deepFreeze(parseMarkdown(text));
    if (sharedTrees.size >= SHARED_TREES) sharedTrees.delete(sharedTrees.keys().next().value!);
  }
  sharedTrees.set(text, tree);
  return tree;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
