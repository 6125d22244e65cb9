// `npm run translations -- --write-skeleton`: add an entry `{key, ko, en: null}` for every Korean
// segment that has no entry yet, where a translator will look for it: right after the stale entry it
// replaces, or else after the entry of the segment before it. Existing entries and comments are kept.
import { Scalar, parseDocument, isMap, isScalar, isSeq, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import { splitSegments, type Segment } from '../source/segments.ts';
import { documentCoverage } from './coverage.ts';
import type { TranslationFile } from './load.ts';

function entryNode(doc: Document, segment: Segment): YAMLMap {
  const node = doc.createNode({ key: segment.key, ko: segment.source, en: null }) as YAMLMap;
  const ko = node.get('ko', true);
  if (isScalar(ko)) ko.type = Scalar.BLOCK_LITERAL;
  return node;
}

export function header(koFile: string): string {
  return `# English edition of ${koFile}. Each segment is keyed by a hash of its Korean source;\n`
    + '# when the Korean changes, the key no longer matches and the translation is reported stale.\n';
}

/**
 * The translation file with entries added for the segments that have none. `text` is the current file
 * (null: create it) and `translation` its validated content. Returns the new text and how many entries were added.
 */
export function withSkeleton(slug: string, koFile: string, markdown: string, text: string | null, translation: TranslationFile | null): { text: string; added: number } {
  const segments = splitSegments(markdown);
  const doc = parseDocument(text ?? `${header(koFile)}document: ${slug}\nsegments: []\n`);
  if (!isMap(doc.contents)) throw new Error(`${koFile}: the translation file is not a mapping`);
  let seq = doc.get('segments', true);
  if (!isSeq(seq)) {
    seq = doc.createNode([]) as YAMLSeq;
    doc.set('segments', seq);
  }
  const items = (seq as YAMLSeq).items;
  // Block style for the list, like the hand-written files, even when it started as `[]`.
  (seq as YAMLSeq).flow = false;
  const keyOf = (item: unknown) => (isMap(item) ? String((item as YAMLMap).get('key')) : null);

  const coverage = documentCoverage(slug, markdown, translation);
  const replaces = new Map<string, string>(); // current segment key -> key of the stale entry it replaces
  for (const s of coverage.stale) if (s.match && !replaces.has(s.match.key)) replaces.set(s.match.key, s.key);

  const used = new Set<unknown>();
  const takeEntry = (key: string) => {
    const item = items.find((i) => !used.has(i) && keyOf(i) === key);
    if (item) used.add(item);
    return item;
  };
  const hasEntry = new Set(items.map(keyOf).filter((k): k is string => k !== null));
  let anchor: unknown = null;
  let added = 0;
  for (const segment of segments) {
    if (hasEntry.has(segment.key)) {
      anchor = takeEntry(segment.key) ?? anchor;
      continue;
    }
    const staleKey = replaces.get(segment.key);
    const after = (staleKey !== undefined ? items.find((i) => keyOf(i) === staleKey) : undefined) ?? anchor;
    const node = entryNode(doc, segment);
    items.splice(after === null ? 0 : items.indexOf(after as never) + 1, 0, node as never);
    used.add(node);
    anchor = node;
    added++;
  }
  return { text: doc.toString(), added };
}
