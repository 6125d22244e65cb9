// Claims written in code that are not a stated output block: an order of items on a print in a loop,
// timing claims inside function bodies, and tables of timed events.
import { describe, expect, it } from 'vitest';
import { commentBlocks, printValues } from '../../src/source/stated.ts';
import { timingClaims } from '../../src/source/claims.ts';
import { eventTables, eventWords } from '../../src/source/events.ts';

describe('an order of items on a print', () => {
  it('becomes an order of lines that contain the items', () => {
    const [stated, ...rest] = printValues('for coro in done:\n    print(result)  # 완료 순서: url2, url3, url1\n', 10);
    expect(rest).toEqual([]);
    expect(stated!.kind).toBe('order');
    expect(stated!.lines.map((l) => [l.text, l.raw, l.sourceLine])).toEqual([
      ['...url2...', 'url2', 11], ['...url3...', 'url3', 11], ['...url1...', 'url1', 11],
    ]);
  });

  it('works in English, with arrows', () => {
    const [stated] = printValues('print(r)  # order: b -> c -> a\n', 1);
    expect(stated!.lines.map((l) => l.raw)).toEqual(['b', 'c', 'a']);
  });

  it('is not taken from other prose with a colon', () => {
    expect(printValues('print(x)  # 결과: 성공하면 출력됨\n', 1)).toEqual([]);
  });
});

describe('timing claims inside function bodies', () => {
  const code = [
    'async def main():',                                   // 1
    '    # 순차 실행 (느림)',                                // 2
    '    weather = await fetch_weather("Seoul")  # 1초',    // 3
    '    news = await fetch_news("tech")         # 1초',    // 4
    '    # 총 2초',                                         // 5
    '',                                                    // 6
    '    # 동시 실행 - 총 1초',                              // 7
    '    weather, news = await asyncio.gather(',           // 8
    '        fetch_weather("Seoul"),',                     // 9
    '        fetch_news("tech")',                          // 10
    '    )',                                               // 11
    '    return weather, news',                            // 12
    '',                                                    // 13
    'asyncio.run(main())',                                 // 14
  ].join('\n');

  it('measure the statements above them, or the ones they head', () => {
    const claims = timingClaims(code, 100);
    expect(claims.map((c) => [c.text, c.seconds, c.scope, c.segment, c.sourceLine])).toEqual([
      ['총 2초', 2, 'before', { fromLine: 3, toLine: 4 }, 104],
      ['동시 실행 - 총 1초', 1, 'after', { fromLine: 8, toLine: 12 }, 106],
    ]);
  });

  it('are not made of comments that state no total', () => {
    expect(timingClaims('def f():\n    # 결과 대기\n    x = 1\n', 1)).toEqual([]);
  });
});

describe('tables of timed events', () => {
  const code = [
    '# 이벤트 루프 동작 시뮬레이션:',
    '#',
    '# 시간(초) | 이벤트 루프 상태',
    '# ---------|------------------',
    '# 0.0      | 파일A 시작 → sleep(2) → 다른 태스크로',
    '# 1.0      | 파일B 완료! (sleep 1초 끝)',
    '# 3s       | all done: exit',
    '',
    'asyncio.run(main())',
  ].join('\n');

  it('are read row by row, with the words that name each event', () => {
    const [table, ...rest] = eventTables(code, 50);
    expect(rest).toEqual([]);
    expect(table!.rows.map((r) => [r.at, r.words, r.sourceLine])).toEqual([
      [0, ['파일A', '시작'], 54],
      [1, ['파일B', '완료'], 55],
      [3, ['all', 'done'], 56],
    ]);
  });

  it('need two timed rows; a single one is prose', () => {
    expect(eventTables('# 1.0 | 끝\nx = 1\n', 1)).toEqual([]);
  });

  it('take the event\'s words up to the explanation', () => {
    expect(eventWords('모든 태스크 완료 → 종료')).toEqual(['모든', '태스크', '완료']);
    expect(eventWords('Task B done (after sleep)')).toEqual(['Task', 'B', 'done']);
  });
});

describe('timing in a comment block of output', () => {
  const code = ['asyncio.run(main())', '# 출력:', '# 任务B完成，耗时3s', '# 총 3초 소요'].join('\n');
  const stated = commentBlocks(code, 10);

  it('is a line of output; one that reads as a total is a remark', () => {
    expect(stated.map((s) => s.lines.map((l) => [l.text, l.sourceLine, l.remark ?? false]))).toEqual([[['任务B完成，耗时3s', 12, true], ['총 3초 소요', 13, true]]]);
    expect(commentBlocks('f()\n# Output:\n# done', 1)[0]!.lines.map((l) => l.remark ?? false)).toEqual([false]);
  });

  it('claims its time only unless the run prints that line', () => {
    expect(timingClaims(code, 10, stated).map((c) => [c.kind, c.seconds, c.sourceLine, c.unlessPrinted])).toEqual([
      ['total', 3, 12, '任务B完成，耗时3s'],
      ['total', 3, 13, '총 3초 소요'],
    ]);
    // Without the stated outputs (the reader's old call), every such comment is a claim as it was.
    expect(timingClaims(code, 10).map((c) => c.unlessPrinted)).toEqual([undefined, undefined]);
  });
});
