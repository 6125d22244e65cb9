// Translation segments: each top-level block of a source document, keyed by a hash of its exact
// source text. A translation is stored against that key, so any edit to the Korean block changes
// the key and the old translation is reported stale instead of being shown silently.
import { createHash } from 'node:crypto';
import type { RootContent } from 'mdast';
import { sharedTree } from './markdown.ts';

export interface Segment {
  key: string;
  kind: RootContent['type'];
  /** 1-based line of the segment's first line in the source document. */
  line: number;
  /** The segment's exact source text. */
  source: string;
}

export function segmentKey(source: string): string {
  return createHash('sha256').update(source, 'utf8').digest('hex').slice(0, 16);
}

export function splitSegments(markdown: string): Segment[] {
  const tree = sharedTree(markdown);
  const segments: Segment[] = [];
  for (const node of tree.children) {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) continue;
    // Thematic breaks and HTML comments carry no prose to translate.
    if (node.type === 'thematicBreak') continue;
    const source = markdown.slice(start, end);
    segments.push({ key: segmentKey(source), kind: node.type, line: node.position!.start.line, source });
  }
  return segments;
}
