import { describe, expect, it } from 'vitest';
import { alternation, findPhrase, scriptLanguage } from '../../../src/source/phrasebook.ts';

describe('findPhrase', () => {
  it('finds a Korean duration word and names its language', () => {
    expect(findPhrase('총 3초가 걸립니다', 'durationWords')).toMatchObject({ language: 'ko', phrase: '걸립니다' });
  });

  it('finds an English label case-insensitively', () => {
    expect(findPhrase('Expected Output', 'outputLabels')).toMatchObject({ language: 'en', phrase: 'Expected Output' });
  });

  it('prefers the longest phrase at the same position', () => {
    expect(findPhrase('expected output', 'outputLabels', ['en'])!.phrase).toBe('expected output');
  });

  it('matches a Latin phrase across any run of whitespace', () => {
    expect(findPhrase('it never\n  finishes', 'hangPhrases', ['en'])!.phrase).toBe('never\n  finishes');
  });

  it('returns the earliest hit across languages', () => {
    const hit = findPhrase('这个程序 hangs 然后死锁', 'hangPhrases');
    expect(hit).toMatchObject({ language: 'en', phrase: 'hangs' });
  });

  it('restricts the search to the given languages', () => {
    expect(findPhrase('死锁', 'hangPhrases', ['en', 'ko'])).toBeNull();
    expect(findPhrase('死锁', 'hangPhrases', ['zh'])).toMatchObject({ language: 'zh' });
  });

  it('returns null when no phrase is present', () => {
    expect(findPhrase('nothing to see here', 'errorPhrases')).toBeNull();
  });

  it('does not find the English `s` unit inside a word', () => {
    expect(findPhrase('tasks', 'seconds', ['en'])).toBeNull();
  });

  it('finds the English `s` unit as a word of its own', () => {
    expect(findPhrase('3 s', 'seconds', ['en'])).toMatchObject({ phrase: 's', index: 2 });
  });

  it('does not find `per` inside `upper` or `hangs` inside `changes`', () => {
    expect(findPhrase('upper bound', 'notThisRun', ['en'])).toBeNull();
    expect(findPhrase('it changes state', 'hangPhrases', ['en'])).toBeNull();
  });

  it('does not find `it` inside `with` or `each` inside `reaches`', () => {
    expect(findPhrase('with', 'totalWords', ['en'])).toBeNull();
    expect(findPhrase('reaches', 'notThisRun', ['en'])).toBeNull();
  });

  it('treats digits as part of a word for Latin boundaries', () => {
    expect(findPhrase('output2', 'outputLabels', ['en'])).toBeNull();
    expect(findPhrase('2output', 'outputLabels', ['en'])).toBeNull();
  });

  it('accepts a Latin phrase next to punctuation or CJK characters', () => {
    expect(findPhrase('(output)', 'outputLabels', ['en'])).toMatchObject({ phrase: 'output' });
    expect(findPhrase('出力output', 'outputLabels', ['en'])).toBeNull(); // CJK letters are letters too
  });

  it('matches CJK phrases inside running text (no word boundaries there)', () => {
    expect(findPhrase('3초가걸립니다', 'durationWords', ['ko'])).toMatchObject({ phrase: '걸립니다' });
    expect(findPhrase('程序永远不会结束了', 'hangPhrases', ['zh'])).toMatchObject({ phrase: '永远不会结束' });
  });
});

describe('alternation', () => {
  it('escapes regex characters in phrases', () => {
    const re = new RegExp(alternation(['a.b']), 'iu');
    expect(re.test('a.b')).toBe(true);
    expect(re.test('axb')).toBe(false);
  });

  it('deduplicates phrases', () => {
    expect(alternation(['x', 'x']).split('|')).toHaveLength(1);
  });
});

describe('scriptLanguage', () => {
  it('reads Hangul as Korean', () => expect(scriptLanguage('출력 결과')).toBe('ko'));
  it('reads kana as Japanese even with kanji', () => expect(scriptLanguage('実行結果は次のようになります')).toBe('ja'));
  it('reads kanji without kana as Chinese', () => expect(scriptLanguage('输出结果')).toBe('zh'));
  it('reads Latin text as English', () => expect(scriptLanguage('Output:')).toBe('en'));
  it('reads mixed Korean and Latin as Korean', () => expect(scriptLanguage('Output 출력')).toBe('ko'));
});
