// Every language's vocabulary for what tutorials say about their code, in one table per language.
// The parsers (labels, comment blocks, timing claims, announced errors and hangs) build their
// patterns from these tables only: adding a language is adding a table, not hunting for regexes.
// Phrases are matched case-insensitively; Latin-script words only at word boundaries.

export type PhraseLanguage = 'ko' | 'en' | 'zh' | 'ja';

export interface Phrases {
  /** Nouns and short phrases that label a stated output: a heading `### 출력 결과`, `Output:`. */
  outputLabels: string[];
  /** Labels that state an order of lines rather than all of them. */
  orderLabels: string[];
  /** Phrases that end a sentence introducing the output below (`... 다음과 같이 출력됩니다:`). */
  outputSentences: string[];
  /** "The order may vary". */
  unordered: string[];
  /** Words that make a time the whole program's (`총`, `in total`, `总共`). */
  totalWords: string[];
  /** Verbs and phrases of a program taking time (`걸립니다`, `takes`, `需要`, `かかります`). */
  durationWords: string[];
  /** A time that is when a line appears (`3초 뒤 출력`, `after 2 s`). */
  appearWords: string[];
  /** Words that make a time somebody else's (per item, hypothetical, the sequential version). */
  notThisRun: string[];
  /** The text says the code raises. */
  errorPhrases: string[];
  /** The text says the code never ends. */
  hangPhrases: string[];
  /** The unit words for seconds. */
  seconds: string[];
  /** The block is an excerpt of someone else's code (a library's source), shown, not run. */
  excerptWords: string[];
  /** The block is pseudo-code or an API signature: shown, not a program (a block that does not compile is then skipped). */
  pseudoWords: string[];
  /**
   * Words that tie a sentence to running the block at hand (`실행하면`, `this code`, `运行`, `実行すると`):
   * in a long explanation, a sentence without one speaks of the concept, not of this run.
   */
  runReferences: string[];
  /**
   * Words that point at another block than the nearest one, or at two at once (`the first example`,
   * `both versions`, `이전 예제`, `上一个例子`): the reader cannot tell the sentence is about this block.
   */
  otherBlock: string[];
  /** Verbs of a line being printed or appearing (`打印`, `출력`, `prints`): a claim of order is about output. */
  printVerbs: string[];
  /** Words that put what follows after what came before (`先`, `然后`, `먼저`, `then`, `まず`). */
  sequenceWords: string[];
  /** Words after a time that make it a wait since the line before (`两秒后`, `2초 뒤`, `2秒後`, `two seconds later`). */
  laterWords: string[];
  /** Words before a time that make it a period (`每秒`, `每隔 2 秒`, `every second`, `매초`, `毎秒`). */
  everyBefore: string[];
  /** Words after a time that make it a period (`1초마다`, `1秒ごとに`, `1秒おきに`). */
  everyAfter: string[];
  /** "One line" said with a period (`한 줄씩`, `一行`, `1行ずつ`): part of the period, not a per-item time. */
  oneLine: string[];
}

export const PHRASEBOOK: Record<PhraseLanguage, Phrases> = {
  ko: {
    outputLabels: ['출력 결과', '실행 결과', '예상 출력', '출력 예시', '결과 출력', '출력', '결과'],
    orderLabels: ['실행 순서', '출력 순서'],
    outputSentences: ['출력됩니다', '출력된다', '출력합니다', '결과는 다음과 같', '결과가 나옵니다', '다음과 같이 나옵니다', '다음과 같은 결과', '실행하면'],
    unordered: ['순서 무관', '순서는 달라질', '순서가 달라질', '순서는 다를', '순서가 다를', '순서는 매번', '순서가 바뀔'],
    totalWords: ['총', '전체', '모두', '합계', '통틀어'],
    durationWords: ['걸립니다', '걸린다', '걸려요', '걸렸', '걸리', '소요', '만에 끝', '안에 끝', '만에 완료'],
    appearWords: ['뒤 출력', '후 출력', '뒤에 출력', '후에 출력', '뒤', '후에', '후'],
    notThisRun: ['각', '마다', '씩', '했다면', '라면', '였다면', '순차', '동기 방식', '대신', '만약', '이었다면'],
    errorPhrases: ['에러가 발생', '오류가 발생', '예외가 발생', '에러가 납니다', '에러가 난다', '오류가 납니다', '에러 발생', '오류 발생', '예외 발생', '에러가 나요'],
    hangPhrases: ['끝나지 않', '종료되지 않', '영원히', '무한히 기다', '교착', '데드락'],
    seconds: ['초'],
    excerptWords: ['발췌', '소스 코드 일부', '구현 일부', '내부 구현'],
    pseudoWords: ['의사 코드', '의사코드', '슈도 코드', '슈도코드', '시그니처'],
    otherBlock: ['첫 번째 코드', '두 번째 코드', '세 번째 코드', '첫 번째 예제', '두 번째 예제', '세 번째 예제', '이전 예제', '앞의 예제', '앞 예제', '이전 코드', '앞의 코드', '앞 코드', '처음 코드', '처음 예제', '두 코드', '두 예제', '두 버전', '이전 버전', '원래 코드', '기존 코드', '비교하면', '비교해 보면'],
    runReferences: ['실행하면', '실행 결과', '실행해 보면', '실행시키면', '돌리면', '이 코드', '위 코드', '아래 코드', '다음 코드', '위의 코드', '아래의 코드', '이 예제', '위 예제', '아래 예제', '다음 예제', '예제를', '이 프로그램', '이 스크립트'],
    printVerbs: ['출력', '찍', '표시', '나타나', '나옵니다', '나온다'],
    sequenceWords: ['먼저', '처음에', '다음에', '그 다음', '그다음', '이어서', '그 뒤', '그 후', '이후', '마지막으로', '순서로', '순서대로'],
    laterWords: ['뒤에', '뒤', '후에', '후', '지나서', '지난 뒤', '지난 후', '있다가'],
    everyBefore: ['매'],
    everyAfter: ['마다', '간격으로'],
    oneLine: ['한 줄씩', '한 줄', '1줄씩', '한 번씩', '한 번'],
  },
  en: {
    outputLabels: ['expected output', 'sample output', 'example output', 'program output', 'console output', 'output', 'result', 'results', 'prints'],
    orderLabels: ['execution order', 'order of execution'],
    outputSentences: ['following output', 'output is', 'output will be', 'prints the following', 'you will see', "you'll see", 'you should see', 'you get', 'produces', 'outputs', 'looks like this', 'the result is'],
    unordered: ['order may vary', 'in any order', 'order can vary', 'order might vary', 'order is not guaranteed', 'order varies'],
    totalWords: ['total', 'in total', 'overall', 'altogether', 'whole program', 'entire program', 'all of them', 'the program', 'the script', 'this program', 'this script', 'this code', 'the code', 'it'],
    durationWords: ['takes', 'took', 'take', 'finishes in', 'finished in', 'completes in', 'completed in', 'runs in', 'ran in', 'done in', 'in about', 'after about'],
    appearWords: ['after', 'appears after', 'printed after', 'at'],
    notThisRun: ['each', 'per', 'every', 'would', 'instead', 'sequential', 'sequentially', 'synchronous', 'synchronously', 'one after another', 'if you', 'without'],
    errorPhrases: ['raises', 'raise an', 'throws', 'fails with', 'will fail', 'errors out', 'an error is raised', 'you get an error', 'results in an error', 'blows up', 'crashes with'],
    hangPhrases: ['hangs forever', 'hangs', 'never finishes', 'never ends', 'never completes', 'never returns', 'runs forever', 'deadlock', 'deadlocks', 'blocks forever', 'waits forever', 'will hang', 'never terminates'],
    seconds: ['s', 'sec', 'secs', 'second', 'seconds'],
    excerptWords: ['excerpt', 'abridged', 'simplified version of the source', 'source of', 'looks like inside', 'implementation of'],
    pseudoWords: ['pseudo-code', 'pseudocode', 'pseudo code', 'signature', 'signatures', 'not runnable', 'not meant to be run', 'not meant to run'],
    otherBlock: ['first example', 'second example', 'third example', 'first snippet', 'second snippet', 'first version', 'second version', 'first listing', 'second listing', 'previous example', 'previous snippet', 'previous version', 'previous code', 'earlier example', 'earlier version', 'original version', 'original code', 'old version', 'both versions', 'both examples', 'both snippets', 'compared to', 'compared with', 'versus'],
    runReferences: ['this code', 'the code above', 'the code below', 'the following code', 'this example', 'the example', 'the following example', 'this program', 'this script', 'this snippet', 'the snippet', 'run it', 'running it', 'running this', 'when you run', 'if you run', 'once you run', 'when run', 'here', 'above', 'below', 'this version', 'the output'],
    printVerbs: ['print', 'prints', 'printed', 'output', 'outputs', 'appear', 'appears', 'shown', 'shows', 'logs', 'logged', 'displays', 'displayed'],
    sequenceWords: ['first', 'then', 'next', 'finally', 'followed by', 'afterwards', 'before', 'after that', 'in order', 'in this order', 'last'],
    laterWords: ['later', 'afterwards', 'after that'],
    everyBefore: ['every', 'each', 'once a', 'once per', 'once every'],
    everyAfter: ['apart'],
    oneLine: ['one line', 'a line', 'a new line', 'once'],
  },
  zh: {
    outputLabels: ['输出结果', '运行结果', '执行结果', '预期输出', '输出', '结果', '輸出結果', '執行結果', '輸出'],
    orderLabels: ['执行顺序', '输出顺序'],
    outputSentences: ['输出如下', '结果如下', '输出为', '会输出', '打印如下', '得到如下', '输出：', '结果：'],
    unordered: ['顺序可能不同', '顺序不固定', '顺序可能会变', '顺序不一定', '顺序随机'],
    totalWords: ['总共', '一共', '总耗时', '总', '全部', '整个', '总计'],
    durationWords: ['需要', '耗时', '用时', '花费', '花了', '执行时间为', '运行时间为', '执行时间', '运行时间', '完成'],
    appearWords: ['后输出', '之后输出', '后打印', '后'],
    notThisRun: ['每个', '每次', '各', '如果', '顺序执行', '同步', '串行', '而不是', '假如'],
    errorPhrases: ['报错', '抛出', '会出错', '引发', '出现错误', '抛出异常', '产生异常', '出现异常'],
    hangPhrases: ['永远不会结束', '不会结束', '一直等待', '卡住', '死锁', '挂起', '永远阻塞'],
    seconds: ['秒', 's'],
    excerptWords: ['摘录', '节选', '源码片段', '源码如下', '内部实现'],
    pseudoWords: ['伪代码', '签名', '示意代码'],
    otherBlock: ['第一个例子', '第二个例子', '第一段代码', '第二段代码', '第一个版本', '第二个版本', '上一个例子', '上一个版本', '前面的例子', '之前的例子', '之前的代码', '原来的代码', '两个版本', '两段代码', '相比', '对比'],
    runReferences: ['运行', '执行', '这段代码', '上面的代码', '下面的代码', '以下代码', '这个例子', '示例', '本例', '上例', '该程序', '这个程序'],
    printVerbs: ['打印', '输出', '显示', '打出', '印出', '列印', '輸出'],
    sequenceWords: ['先', '首先', '然后', '接着', '再', '随后', '最后', '之后', '依次', '按顺序', '然後'],
    laterWords: ['之后', '以后', '后', '過後', '後'],
    everyBefore: ['每隔', '每'],
    everyAfter: ['一次'],
    oneLine: ['一行', '一次', '一条'],
  },
  ja: {
    outputLabels: ['実行結果', '出力結果', '出力例', '出力', '結果'],
    orderLabels: ['実行順序'],
    outputSentences: ['出力されます', '表示されます', '次のようになります', '結果は次の'],
    unordered: ['順序は変わる', '順番は変わる', '順序は不定', '順番は不定'],
    totalWords: ['合計', '全体', '全部で', '全体で', '総'],
    durationWords: ['かかります', 'かかる', 'かかり', '要します', '終わります', '完了します'],
    appearWords: ['後に出力', '後に表示', '後'],
    notThisRun: ['それぞれ', 'ごと', '各', 'もし', '逐次', '同期的', '順番に実行'],
    errorPhrases: ['エラーになります', 'エラーが発生', '例外が発生', 'エラーになる', '例外を送出', 'エラーが出'],
    hangPhrases: ['終わりません', '終了しません', '永遠に', 'デッドロック', '止まったまま', '固まります'],
    seconds: ['秒'],
    excerptWords: ['抜粋', 'ソースコードの一部', '内部実装'],
    pseudoWords: ['疑似コード', '擬似コード', 'シグネチャ'],
    otherBlock: ['最初の例', '2つ目の例', '二つ目の例', '最初のコード', '2つ目のコード', '前の例', '前のコード', '先ほどの例', '先ほどのコード', '元のコード', '両方のバージョン', '2つのバージョン', '比べると', '比較すると'],
    runReferences: ['実行すると', '実行結果', '実行してみ', '実行したら', 'このコード', '上のコード', '下のコード', '次のコード', '以下のコード', 'この例', '上の例', '次の例', 'このプログラム', 'このスクリプト'],
    printVerbs: ['出力', '表示', '印字', 'プリント'],
    sequenceWords: ['まず', '最初に', '次に', 'その後', 'それから', '続いて', '最後に', '順に', '順番に'],
    laterWords: ['後に', '後', 'あとに', 'あと', '経って', '経つと'],
    everyBefore: ['毎'],
    everyAfter: ['ごとに', 'ごと', 'おきに', 'おき', '間隔で'],
    oneLine: ['1行ずつ', '一行ずつ', '1行', '一行', '1回', '一回'],
  },
};

export const LANGUAGES = Object.keys(PHRASEBOOK) as PhraseLanguage[];

export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const LATIN = /^[\x20-\x7e]+$/;

/** An alternation of phrases; Latin-script phrases only as whole words. Longest first. */
export function alternation(phrases: string[]): string {
  return [...new Set(phrases)]
    .sort((a, b) => b.length - a.length)
    .map((p) => {
      const body = escapeRegex(p).replace(/ /g, '\\s+');
      return LATIN.test(p) ? `(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])` : body;
    })
    .join('|');
}

export interface PhraseHit {
  language: PhraseLanguage;
  phrase: string;
  index: number;
}

// Compiled once per language and kind: reading a document asks thousands of times.
const compiled = new Map<string, RegExp>();
function phrasePattern(language: PhraseLanguage, kind: keyof Phrases): RegExp {
  const key = `${language}:${kind}`;
  let pattern = compiled.get(key);
  if (!pattern) compiled.set(key, (pattern = new RegExp(alternation(PHRASEBOOK[language][kind]), 'iu')));
  return pattern;
}

/** The first phrase of the given kind found in a text, with its language (for `found` tags). */
export function findPhrase(text: string, kind: keyof Phrases, languages: PhraseLanguage[] = LANGUAGES): PhraseHit | null {
  let best: PhraseHit | null = null;
  for (const language of languages) {
    const pattern = phrasePattern(language, kind);
    const m = pattern.exec(text);
    if (m && (best === null || m.index < best.index)) best = { language, phrase: m[0], index: m.index };
  }
  return best;
}

/** Every phrase of a kind, across languages. */
export function allPhrases(kind: keyof Phrases): string[] {
  return LANGUAGES.flatMap((l) => PHRASEBOOK[l][kind]);
}

/** Which language a label or sentence is written in, by its script. */
export function scriptLanguage(text: string): PhraseLanguage {
  if (/[\uAC00-\uD7A3]/u.test(text)) return 'ko';
  if (/[\u3040-\u30FF]/u.test(text)) return 'ja';
  if (/[\u4E00-\u9FFF]/u.test(text)) return 'zh';
  return 'en';
}
