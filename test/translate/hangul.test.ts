// No Korean left in the English edition, except where it quotes what the programs print.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { hangulLeftovers, lexCode } from '../../src/translate/hangul.ts';
import { loadTranslationFile } from '../../src/translate/load.ts';
import { splitSegments } from '../../src/source/segments.ts';

const DOCUMENTS = ['async-io-performance', 'async-programming', 'asyncio-basics', 'asyncio-complete-guide', 'asyncio-coroutines-event-loop'];
const fence = (lang: string, code: string) => `\`\`\`${lang}\n${code}\n\`\`\``;
const where = (markdown: string) => hangulLeftovers(markdown).map((l) => `${l.line} ${l.where}`);

describe('the Hangul check itself', () => {
  it('finds a Korean sentence pasted into English prose, headings, lists, quotes and front matter', () => {
    expect(where('An English sentence. 한국어 문장입니다.')).toEqual(['1 prose']);
    expect(where('## Coroutines 코루틴')).toEqual(['1 prose']);
    expect(where('- one\n- 두 번째 항목\n\n> 인용문')).toEqual(['2 prose', '4 prose']);
    expect(where('**Bold 굵게** and _emphasis_')).toEqual(['1 prose']);
    expect(where('---\ntitle: "[Python] asyncio 기초"\n---')).toEqual(['2 front matter']);
    expect(where('Prose that quotes "작업 완료" is still prose.')).toEqual(['1 prose']);
    expect(where('[a link](#비동기-프로그래밍)')).toEqual(['1 link']);
  });

  it('finds Korean in English code comments and code outside strings', () => {
    expect(where(fence('python', 'import asyncio\n# 데이터를 가져옵니다\nx = 1'))).toEqual(['3 comment']);
    expect(where(fence('python', 'await asyncio.sleep(1)  # I/O 대기 시뮬레이션'))).toEqual(['2 comment']);
    expect(where(fence('python', 'print("시작")\n# 시작한 뒤 기다린다'))).toEqual(['3 comment']);
    expect(where(fence('python', 'def f():\n    """한국어 독스트링"""\n    return 1'))).toEqual(['3 docstring']);
    expect(where(fence('python', 'def f():\n    """\n    여러 줄 독스트링\n    """'))).toEqual(['4 docstring']);
    expect(where(fence('python', '결과 = 1'))).toEqual(['2 code']);
    expect(where(fence('sh', 'pip install aiohttp  # 설치'))).toEqual(['2 comment']);
    expect(where(fence('javascript', 'const x = 1; // 주석\n/* 블록\n주석 */'))).toEqual(['2 comment', '3 comment', '4 comment']);
    // A Korean header of an output block is not part of the output it introduces.
    expect(where(fence('python', 'print("완료")\n# 출력:\n# 완료'))).toEqual(['3 comment']);
  });

  it('allows what the programs print: string literals, stated output, output fences, quoted cells, inline code', () => {
    expect(where(fence('python', 'print(f"{name} 완료!")\nraise ValueError(\'오류!\')\nx = """여러 줄\n문자열"""'))).toEqual([]);
    expect(where(fence('python', 'asyncio.run(main())\n\n# Output:\n# 작업 1 완료! (after 2 s)\n# ... 기다리는 중 ...\n\n# Execution order:\n# 국 완성'))).toEqual([]);
    expect(where(fence('python', 'print(f"{name} 시작")\nresult = greet("홍길동")  # "홍길동 시작"\n// System.out.println("Task" + id + " 시작");'))).toEqual([]);
    expect(where(fence('python', 'download("파일A", 2)\n# 0.0 | 파일A starts → sleep(2)'))).toEqual([]);
    expect(where(fence('', '작업 1 완료! (after 2 s)'))).toEqual([]);
    expect(where(fence('text', '응답 1: ...'))).toEqual([]);
    expect(where('Call `print("작업 완료")` or `작업`.')).toEqual([]);
    expect(where('| Call | Prints |\n|---|---|\n| `f()` | "작업 완료" |\n| `g()` | `결과` |')).toEqual([]);
    expect(where('| Call | Prints |\n|---|---|\n| `f()` | 작업 완료 |')).toEqual(['3 table cell']);
  });

  it('lexes strings, comments and docstrings', () => {
    expect(lexCode('x = "a # b"  # c \'d\'', 'python')).toEqual([{ code: 'x =   ', strings: ['a # b'], docstrings: [], comment: " c 'd'" }]);
    expect(lexCode('s = "say \\"hi\\""', 'python')[0]!.strings).toEqual(['say \\"hi\\"']);
    expect(lexCode('"""doc\nmore"""\ny = 1', 'python').map((l) => [l.docstrings, l.code])).toEqual([[['doc'], ''], [['more'], ''], [[], 'y = 1']]);
  });

  it('catches a Korean sentence pasted into a real translation', () => {
    const translation = loadTranslationFile('content/en/asyncio-basics.yaml', 'asyncio-basics');
    const prose = translation.segments.find((s) => s.en!.startsWith("Python's asyncio"))!;
    expect(hangulLeftovers(prose.en!)).toEqual([]);
    expect(where(`${prose.en} 이벤트 루프가 중요합니다.`)).toEqual(['1 prose']);
    const code = translation.segments.find((s) => s.en!.includes('# simulate waiting for I/O'))!;
    expect(hangulLeftovers(code.en!)).toEqual([]);
    expect(hangulLeftovers(code.en!.replace('# simulate waiting for I/O', '# I/O 대기 시뮬레이션'))).toMatchObject([{ where: 'comment' }]);
  });
});

describe('the English edition', () => {
  for (const slug of DOCUMENTS) {
    it(`${slug}: no Korean outside quoted program strings and output`, () => {
      const translation = loadTranslationFile(`content/en/${slug}.yaml`, slug);
      const current = new Set(splitSegments(readFileSync(`content/ko/${slug}.md`, 'utf8')).map((s) => s.key));
      const leftovers = translation.segments
        .filter((s) => current.has(s.key) && s.en !== null)
        .flatMap((s) => hangulLeftovers(s.en!).map((l) => `content/en/${slug}.yaml:${s.line} (segment ${s.key}, line ${l.line} of en, ${l.where}): ${l.text}`));
      expect(leftovers).toEqual([]);
    });
  }
});
