import { describe, expect, it } from 'vitest';
import { inlineCodeParts } from '../../src/components/inline-code.ts';

describe('inline code in erratum reasons', () => {
  it('splits code spans from the text around them', () => {
    expect(inlineCodeParts('`asyncio.get_event_loop()`는 새 루프를 만들지 않고 `RuntimeError`를 냅니다.')).toEqual([
      { text: 'asyncio.get_event_loop()', code: true },
      { text: '는 새 루프를 만들지 않고 ', code: false },
      { text: 'RuntimeError', code: true },
      { text: '를 냅니다.', code: false },
    ]);
  });

  it('leaves a lone backtick and markup as text', () => {
    expect(inlineCodeParts('a ` b <script>')).toEqual([{ text: 'a ` b <script>', code: false }]);
  });
});
