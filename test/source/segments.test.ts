import { describe, expect, it } from 'vitest';
import { segmentKey, splitSegments } from '../../src/source/segments.ts';

const doc = `# 제목

첫 문단입니다.

---

- 항목 1
- 항목 2

\`\`\`python
print("안녕")
\`\`\`
`;

describe('translation segments', () => {
  it('splits a document into its top-level blocks, skipping thematic breaks', () => {
    const segments = splitSegments(doc);
    expect(segments.map((s) => s.kind)).toEqual(['heading', 'paragraph', 'list', 'code']);
    expect(segments.map((s) => s.line)).toEqual([1, 3, 7, 10]);
    expect(segments[2]!.source).toBe('- 항목 1\n- 항목 2');
  });

  it('keys a segment by its exact source, so any edit changes the key', () => {
    const [heading] = splitSegments(doc);
    expect(heading!.key).toBe(segmentKey('# 제목'));
    expect(segmentKey('# 제목')).not.toBe(segmentKey('# 제목 '));
    expect(heading!.key).toMatch(/^[0-9a-f]{16}$/);
  });
});
