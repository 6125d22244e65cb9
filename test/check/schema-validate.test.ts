// The shared reader of input files: YAML and JSON text against a schema, each issue at its line.
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { parseJson, parseYaml, validateText } from '../../src/schema/validate.ts';

const schema = z.strictObject({
  name: z.string(),
  size: z.number().int().max(10),
  tags: z.array(z.enum(['a', 'b'])).optional(),
  nested: z.strictObject({ deep: z.boolean() }).optional(),
});
const problems = (text: string, format: 'yaml' | 'json' = 'yaml') => validateText(text, 'f', schema, format).problems.map((p) => `${p.line}: ${p.message}`);

describe('validating a file against its schema', () => {
  it('returns the typed value of a valid file', () => {
    const result = validateText('name: x\nsize: 3\ntags: [a]\n', 'f', schema);
    expect(result).toMatchObject({ ok: true, value: { name: 'x', size: 3, tags: ['a'] }, problems: [] });
  });

  it('puts each issue at the line of its node, in the order of the file', () => {
    expect(problems([
      'nested:',
      '  deep: maybe',
      'size: 11',
      'tags:',
      '  - a',
      '  - c',
      'extra: 1',
      'other: 2',
    ].join('\n'))).toEqual([
      '1: name: is required',
      '2: nested.deep: must be true or false (got "maybe")',
      '3: size: must be at most 10 (got 11)',
      '6: tags.1: must be one of "a", "b" (got "c")',
      '7: extra: unknown field (known: name, size, tags, nested)',
      '8: other: unknown field (known: name, size, tags, nested)',
    ]);
  });

  it('reads JSON with the same lines, and reports its syntax errors at theirs', () => {
    expect(problems('{\n  "name": "x",\n  "size": 2.5\n}', 'json')).toEqual(['3: size: must be an integer (got 2.5)']);
    expect(problems('{\n  "name": "x",\n  "size": \n}', 'json')).toEqual([expect.stringMatching(/^4: invalid JSON: /)]);
  });

  it('knows where a path is even when it is missing: the nearest part that exists', () => {
    const parsed = parseYaml('a:\n  b:\n    - x\n    - y: 1\n', 'f');
    expect([parsed.lineOf(['a']), parsed.lineOf(['a', 'b', 1, 'y']), parsed.lineOf(['a', 'b', 1, 'z']), parsed.lineOf(['q'])]).toEqual([1, 4, 4, 1]);
    expect(parseJson('{"a":\n {"b": 1}}', 'f').lineOf(['a', 'b'])).toBe(2);
  });
});
