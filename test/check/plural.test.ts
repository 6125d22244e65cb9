// Counted words: the forms each language has, chosen by Intl.PluralRules.
import { describe, expect, it } from 'vitest';
import { plural } from '../../src/i18n/plural.ts';
import { strings } from '../../src/i18n/index.ts';

describe('plural forms', () => {
  it('English: one for 1, other for 0, 2 and 21', () => {
    const forms = { one: '{n} cell', other: '{n} cells' };
    expect([0, 1, 2, 21].map((n) => plural('en', n, forms))).toEqual(['0 cells', '1 cell', '2 cells', '21 cells']);
  });

  it('Korean has one form, whatever the number', () => {
    expect([1, 2].map((n) => plural('ko', n, { one: 'never', other: '셀 {n}개' }))).toEqual(['셀 1개', '셀 2개']);
  });

  it('the runner counts cells and lines without "1 cells" or "1 more lines"', () => {
    expect(strings.en.runner.runAllNote(1, 13)).toMatch(/^1 cell · /);
    expect(strings.en.runner.runAllNote(3, null)).toMatch(/^3 cells · /);
    expect(strings.en.runner.truncated(1)).toBe('… (1 more line)');
    expect(strings.en.runner.truncated(4)).toBe('… (4 more lines)');
    expect(strings.ko.runner.runAllNote(1, 13)).toMatch(/^셀 1개 · /);
  });
});
