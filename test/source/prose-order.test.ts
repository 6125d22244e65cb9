import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/source/document.ts';
import { numberValue, proseOrder } from '../../src/source/prose-order.ts';

// The claims of order and period the prose makes, as [kind, found, steps or seconds].
const read = (text: string) =>
  proseOrder([{ text: text.replace(/`/g, ''), marked: text, line: 1 }]).map((c) =>
    c.kind === 'sequence' ? [c.found, c.steps!.map((s) => (s.gap === null ? s.marker : `${s.marker}@${s.gap}`))] : [c.found, c.seconds, c.marker ?? null]);

describe('proseOrder: an order with waits, in four languages', () => {
  it('reads 先打印 start，两秒后打印 end', () => {
    expect(read('先打印 start，两秒后打印 end。')).toEqual([['order:prose:zh', ['start', 'end@2']]]);
  });
  it('reads 먼저 start가 출력되고 2초 뒤 end가 출력됩니다', () => {
    expect(read('먼저 start가 출력되고 2초 뒤 end가 출력됩니다.')).toEqual([['order:prose:ko', ['start', 'end@2']]]);
  });
  it('reads a Korean wait written after its line (end는 2초 뒤에 출력됩니다)', () => {
    expect(read('먼저 `start`가 출력되고, `end`는 1.5초 뒤에 출력됩니다.')).toEqual([['order:prose:ko', ['start', 'end@1.5']]]);
  });
  it('reads まず start が出力され、2秒後に end が出力されます', () => {
    expect(read('まず start が出力され、2秒後に end が出力されます。')).toEqual([['order:prose:ja', ['start', 'end@2']]]);
  });
  it('reads English with quoted code: prints `start` first, then `end` two seconds later', () => {
    expect(read('It prints `start` first, then `end` two seconds later.')).toEqual([['order:prose:en', ['start', 'end@2']]]);
    expect(read('It prints "start", and after 3 seconds "end".')).toEqual([['order:prose:en', ['start', 'end@3']]]);
  });
  it('takes a print call quoted as code by the string it prints', () => {
    expect(read('先执行 `print("hello")`，一秒后打印 `world`。')).toEqual([['order:prose:zh', ['hello', 'world@1']]]);
  });
  it('reads an order with no wait when the sentence says one comes first', () => {
    expect(read('程序先打印 Task A，然后打印 Task B。')).toEqual([['order:prose:zh', ['Task A', 'Task B']]]);
  });
});

describe('proseOrder: arrow chains', () => {
  it('reads A → B → C, -> and ⇒, quoted or not', () => {
    expect(read('执行顺序：start → working → end')).toEqual([['order:arrow:zh', ['start', 'working', 'end']]]);
    expect(read('The output order is `fetch` -> `parse` -> `save`.')).toEqual([['order:arrow:en', ['fetch', 'parse', 'save']]]);
    expect(read('실행 순서는 task1 ⇒ task2 입니다.')).toEqual([['order:arrow:ko', ['task1', 'task2']]]);
  });
  it('takes two steps for an order only with a word of order (else a mapping, `sync → async`)', () => {
    expect(read('From `sync` → `async`: the same program, rewritten.')).toEqual([]);
    expect(read('The execution order is `sync` → `async`.')).toEqual([['order:arrow:en', ['sync', 'async']]]);
  });
  it('does not split at an arrow inside code (a return annotation)', () => {
    expect(read('The function `def f() -> int` prints a number.')).toEqual([]);
  });
});

describe('proseOrder: a line every N seconds', () => {
  it('reads 每秒输出一行, 1초마다 한 줄씩 출력, 2秒ごとに出力, every second', () => {
    expect(read('程序每秒输出一行。')).toEqual([['interval:prose:zh', 1, null]]);
    expect(read('1초마다 한 줄씩 출력됩니다.')).toEqual([['interval:prose:ko', 1, null]]);
    expect(read('2秒ごとに1行ずつ出力されます。')).toEqual([['interval:prose:ja', 2, null]]);
    expect(read('It prints `tick` every 2 seconds.')).toEqual([['interval:prose:en', 2, 'tick']]);
    expect(read('每隔两秒打印一次 tick。')).toEqual([['interval:prose:zh', 2, 'tick']]);
  });
  it('needs a verb of printing: a rate of work is no period of output', () => {
    expect(read('服务器每秒处理 100 个请求。')).toEqual([]);
  });
  it('takes another number for a rate, not one line a period; numbers in quoted lines are theirs', () => {
    expect(read('限流器保证每秒最多输出 5 行。')).toEqual([]);
    expect(read('It prints 3 lines every second.')).toEqual([]);
    expect(read('결과는 tick 0, tick 1, tick 2가 0.2초 간격으로 찍힙니다.')).toEqual([['interval:prose:ko', 0.2, null]]);
  });
});

describe('proseOrder: attribution, as every prose claim', () => {
  it('makes no claim in a hypothetical, a negation, a per-item or another block', () => {
    expect(read('如果顺序执行的话，会先打印 start，两秒后打印 end。')).toEqual([]);
    expect(read('It does not print `start` first, then `end` two seconds later.')).toEqual([]);
    expect(read('每个任务先打印 start，然后打印 end。')).toEqual([]);
    expect(read('The first example prints `start`, then `end` two seconds later.')).toEqual([]);
    expect(read('이전 예제는 먼저 start가 출력되고 2초 뒤 end가 출력됩니다.')).toEqual([]);
  });
  it('makes no claim of one name, nor of two named in the clause that gives the wait', () => {
    expect(read('两秒后打印 end。')).toEqual([]);
    expect(read('先打印 start，两秒后打印 A 和 B。')).toEqual([]);
  });
  it('makes no claim of an order without a verb of printing or a word of order', () => {
    expect(read('start 和 end 都是字符串。')).toEqual([]);
  });
});

describe('numberValue', () => {
  it('reads digits, Chinese numerals and English number words', () => {
    expect(['2', '1.5', '两', '十', '十二', '二十', 'two', 'an', 'half a'].map(numberValue)).toEqual([2, 1.5, 2, 10, 12, 20, 2, 1, 0.5]);
  });
});

describe('parseDocument: the claims reach the cell, from the prose before or after it', () => {
  it('takes the sentence after the block and the code quoted in it', () => {
    const md = '# t\n\n```python\nimport asyncio\n```\n\n运行后先打印 `start`，两秒后打印 `end`。\n';
    const cell = parseDocument(md, 'doc.md').cells[0]!;
    expect(cell.claims.map((c) => [c.kind, c.steps, c.sourceLine])).toEqual([['sequence', [{ marker: 'start', gap: null }, { marker: 'end', gap: 2 }], 7]]);
  });
});
