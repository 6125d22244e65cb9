// Explanations are not announcements: a long paragraph about a concept that names an exception
// (or a hang) says nothing about what running the next block does, unless a sentence of it ties
// itself to that run; a short note does announce, in every language.
import { describe, expect, it } from 'vitest';
import { announcements } from '../../src/source/prose.ts';

const kinds = (text: string) => announcements([{ text, line: 1 }], 'prose').map((a) => [a.kind, a.ename, a.firm]);

describe('announcements in prose', () => {
  it('takes none from a long explanation whose sentences do not speak of this run', () => {
    const en = 'Generators stop by raising `StopIteration` when they are exhausted. Coroutines were built on generators, so a `StopIteration` inside a coroutine is turned into a `RuntimeError`. Cancellation differs: `CancelledError` is raised at the next await.';
    expect(kinds(en)).toEqual([]);
    const ko = '제너레이터는 끝나면 `StopIteration`을 발생시킵니다. 코루틴은 제너레이터 위에 만들어졌습니다. 그래서 코루틴 안의 `StopIteration`은 `RuntimeError`로 바뀌며 예외가 발생합니다.';
    expect(kinds(ko)).toEqual([]);
  });

  it('keeps the sentence of a long paragraph that speaks of running this block', () => {
    const text = 'Tasks can be cancelled at any await. The event loop delivers the cancellation as an exception. When you run this code, a `CancelledError` is raised in the worker.';
    expect(kinds(text)).toEqual([['error', 'CancelledError', true]]);
  });

  it('keeps a short note, in any language', () => {
    expect(kinds('This raises a `ValueError`.')).toEqual([['error', 'ValueError', true]]);
    expect(kinds('실행하면 `TimeoutError`가 발생합니다.')).toEqual([['error', 'TimeoutError', true]]);
    expect(kinds('运行后会抛出 `KeyError`。')).toEqual([['error', 'KeyError', true]]);
  });
});

describe('timing claims in prose', () => {
  it('are made only about the block the sentence can be about', async () => {
    const { proseTiming } = await import('../../src/source/prose.ts');
    const seconds = (text: string) => proseTiming([{ text, line: 1 }]).map((c) => c.seconds);
    expect(seconds('This takes about 3 seconds.')).toEqual([3]);
    expect(seconds('The first example takes about 3 seconds.')).toEqual([]);
    expect(seconds('Both versions take about 1 second.')).toEqual([]);
    expect(seconds('이전 예제는 약 3초가 걸립니다.')).toEqual([]);
    expect(seconds('上一个例子需要3秒。')).toEqual([]);
    expect(seconds('最初の例は3秒かかります。')).toEqual([]);
    expect(seconds('전체 실행에 약 3초가 걸립니다.')).toEqual([3]);
  });
});
