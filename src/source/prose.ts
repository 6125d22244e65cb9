// What the prose around a block says about it: how long it takes ("this takes about 3 seconds",
// "총 6초가 걸립니다", "执行时间为 3s"), and that it raises or never ends ("fails with an
// ExceptionGroup", "에러가 발생합니다", "永远不会结束"). Only sentences about this run count: a
// time per item, a hypothetical or a comparison with another version says nothing checkable.
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Announcement, TimingClaim } from './model.ts';
import { PHRASEBOOK, allPhrases, alternation, findPhrase, scriptLanguage, type PhraseLanguage } from './phrasebook.ts';

const QUANTITY = /(약\s*|about\s+|around\s+|roughly\s+|approximately\s+|approx\.\s*|~\s*|大约\s*|大概\s*|约\s*|約\s*|およそ\s*)?(\d+(?:\.\d+)?)\s*(초|秒|(?:seconds?|secs?|s)(?![A-Za-z0-9]))/giu;
const FORWARD = /\b(following|below|next|as follows|here is|here's|let's|now)\b|아래|다음과|다음 코드|다음 예제|이제|봅시다|보겠습니다|下面|如下|以下|接下来|次の|下記|では|[:：]\s*$/iu;
const NEGATION: Record<PhraseLanguage, RegExp> = {
  en: /\b(no longer|doesn't|does not|don't|do not|won't|will not|never|cannot|can't|without|no error|isn't|is not|avoid|prevent|instead of)\b/i,
  ko: /(않|없이|없습니다|없어|없고|피할|막을|대신)/u,
  zh: /(不会|没有|不再|避免|防止|而不是|不)/u,
  ja: /(ない|ません|せず|避け|防ぐ)/u,
};
const HYPOTHETICAL: Record<PhraseLanguage, RegExp> = {
  en: /\b(if|would|could|might|when you forget|unless|suppose|otherwise|even if|whether)\b/i,
  ko: /(라면|다면|였다면|만약|수 있|해도|하더라도|더라도|되어도|나도|든지)/u,
  zh: /(如果|假如|的话|可能|若|否则|即使|即便|哪怕)/u,
  ja: /(もし|たら|れば|場合|かもしれ|ても|でも)/u,
};
const RAISE_VERB = /(발생|납니다|나요|난다|던집니다|던져|raised|thrown|raises|throws|occurs|抛出|引发|出现|发生|発生|送出|投げ)/u;
const SAME_KIND = { hang: new RegExp(alternation(allPhrases('hangPhrases')), 'giu'), error: new RegExp(alternation(allPhrases('errorPhrases')), 'giu') };
const DURATION_NEGATED = /\b(does not|doesn't|won't|will not|never|not)\s+(take|takes|finish|complete)|걸리지 않|안 걸|不需要|不用|不会花|かからない|かかりません/iu;
const ENAME = /\b([A-Z]\w*(?:Error|Exception|ExceptionGroup|Interrupt|Exit|Group))\b/;

/**
 * The text of prose as a reader takes its claims. A printed line quoted as code in it (`程序会打印
 * \`任务B完成，耗时3s\``, "it prints `fetched, took 3 s`") is left out: its duration is what the
 * program prints, not what the prose says. Code that is a time and nothing else (`~3s`) stays, and so
 * does code with no time in it (an exception's name, a call).
 */
function proseText(node: RootContent | Root, marked = false): string {
  if (node.type === 'inlineCode') {
    const rest = node.value.replace(QUANTITY, '');
    if (rest !== node.value && /[\p{L}\p{N}]/u.test(rest)) return '…';
    // `marked`: code keeps its backticks, so that a claim of order can tell what the prose quotes.
    return marked ? `\`${node.value.replace(/`/g, '')}\`` : node.value;
  }
  if ('children' in node) return (node.children as RootContent[]).map((c) => proseText(c, marked)).join('');
  if (node.type === 'image') return node.alt ?? '';
  return 'value' in node ? String(node.value) : '';
}

const isOutputFence = (n: RootContent | undefined) => n?.type === 'code' && !/^(python|py|python3)$/i.test(n.lang ?? '');

/** A paragraph of prose about a block; `marked`: the same sentences with inline code in backticks. */
export interface ProseParagraph {
  text: string;
  line: number;
  where: 'before' | 'after';
  marked?: string;
}

/** The sentences of a prose node, plain and with code marked (the same split: backticks end no sentence). */
function proseSentences(node: RootContent): { plain: string[]; marked: string[] } {
  const plain = sentences(proseText(node));
  const marked = sentences(proseText(node, true));
  return { plain, marked: marked.length === plain.length ? marked : plain };
}

/** The prose paragraphs that speak about the block at `index`: the one before, if it introduces the
 * block, and the first one after, unless it introduces the next block. */
export function surroundingProse(siblings: RootContent[], index: number): ProseParagraph[] {
  const out: ProseParagraph[] = [];
  const isProse = (n: RootContent | undefined) => n?.type === 'paragraph' || n?.type === 'blockquote' || n?.type === 'list';
  const before = siblings[index - 1];
  if (isProse(before)) {
    // Between two blocks, a paragraph's sentences speak of the block above until one turns to
    // what follows ("이제 gather를 써 봅시다", "Here is the fixed version:").
    const { plain: all, marked } = proseSentences(before!);
    const previousIsCode = siblings[index - 2]?.type === 'code';
    const turn = all.findIndex((x) => FORWARD.test(x));
    const from = !previousIsCode ? 0 : turn >= 0 ? turn : all.length;
    const mine = all.slice(from);
    if (mine.length) out.push({ text: mine.join(' '), line: before!.position?.start.line ?? 0, where: 'before', marked: marked.slice(from).join('\n') });
  }
  // After the block: skip an output fence (and its label) that belongs to it.
  let k = index + 1;
  for (let skipped = 0; skipped < 2 && k < siblings.length; skipped++) {
    const node = siblings[k]!;
    if (node.type === 'code' && !/^(python|py|python3|pycon)$/i.test(node.lang ?? '')) { k++; continue; }
    if (node.type === 'paragraph' && isOutputFence(siblings[k + 1]) && toString(node).length < 120) { k += 2; continue; }
    break;
  }
  const after = siblings[k];
  if (after && isProse(after)) {
    const { plain: all, marked } = proseSentences(after);
    const nextIsCode = siblings[k + 1]?.type === 'code';
    const turn = nextIsCode ? all.findIndex((x) => FORWARD.test(x)) : -1;
    const to = turn >= 0 ? turn : all.length;
    const mine = all.slice(0, to);
    if (mine.length) out.push({ text: mine.join(' '), line: after.position?.start.line ?? 0, where: 'after', marked: marked.slice(0, to).join('\n') });
  }
  return out;
}

export function sentences(text: string): string[] {
  // A full stop ends a sentence before a space (not inside `3.11` or `2.5`); CJK stops end it anyway.
  return text.split(/(?<=[.!?])\s+|(?<=[。！？])\s*|\n+/u).map((s) => s.trim()).filter(Boolean);
}

function languageOf(sentence: string): PhraseLanguage {
  return scriptLanguage(sentence);
}

/**
 * The sentence is not about this run of this block: a time per item, a hypothetical run, another
 * version ("each task takes 1 s", "순차 실행이라면"), or another block or two at once ("the first
 * example takes 3 s", "both versions"). Every claim the prose makes about a block passes this first.
 */
export function aboutAnotherRun(sentence: string, language: PhraseLanguage): boolean {
  return findPhrase(sentence, 'notThisRun', [language, 'en']) !== null || findPhrase(sentence, 'otherBlock', [language, 'en']) !== null;
}

/** The sentence denies or supposes what it says ("does not print", "如果…的话", "출력되지 않"). */
export function hedged(sentence: string, language: PhraseLanguage): boolean {
  return NEGATION[language].test(sentence) || HYPOTHETICAL[language].test(sentence);
}

const DURATION = new RegExp(alternation(allPhrases('durationWords')), 'iu');

/** "This takes about 3 seconds": the whole block's run time, said in the prose. */
export function proseTiming(paragraphs: { text: string; line: number }[]): TimingClaim[] {
  const claims: TimingClaim[] = [];
  for (const { text, line } of paragraphs) {
    for (const sentence of sentences(text)) {
      const quantities = [...sentence.matchAll(QUANTITY)];
      if (quantities.length !== 1) continue; // a comparison, or no time at all
      const language = languageOf(sentence);
      if (!DURATION.test(sentence) || DURATION_NEGATED.test(sentence)) continue;
      if (aboutAnotherRun(sentence, language)) continue;
      if (findPhrase(sentence, 'appearWords', [language]) && language !== 'en') {
        // "3초 후에 출력됩니다" says when a line appears, not how long the program takes.
        if (!findPhrase(sentence, 'totalWords', [language])) continue;
      }
      const m = quantities[0]!;
      claims.push({
        kind: 'program', seconds: Number(m[2]), approximate: true, text: sentence, codeLine: 0, sourceLine: line,
        scope: 'before', found: `timing:prose:${language}`,
      });
    }
  }
  return claims;
}

/** "raises", "에러가 발생합니다", "hangs forever", "永远不会结束", in the prose or the code's own words. */
/** From this many sentences on, a paragraph is an explanation rather than a note on the block. */
const EXPLANATION_SENTENCES = 3;
const POINTS_AT_BLOCK = /^(?:this|it|that|here|then|now)\b/i;

/** Does the sentence speak of running the block at hand (`실행하면`, "this code", `运行`, "It raises")? */
function aboutThisRun(sentence: string): boolean {
  return POINTS_AT_BLOCK.test(sentence.trim()) || findPhrase(sentence, 'runReferences') !== null;
}

export function announcements(paragraphs: { text: string; line: number }[], where: 'prose' | 'comment' | 'docstring'): Announcement[] {
  const found: Announcement[] = [];
  for (const { text, line } of paragraphs) {
    const all = sentences(text);
    for (const sentence of all) {
      // A long explanation (three sentences or more) that names an exception or a hang speaks of
      // the concept; only its sentences that tie themselves to running this block announce anything.
      if (where === 'prose' && all.length >= EXPLANATION_SENTENCES && !aboutThisRun(sentence)) continue;
      const language = languageOf(sentence);
      const languages: PhraseLanguage[] = language === 'en' ? ['en'] : [language, 'en'];
      for (const kind of ['hang', 'error'] as const) {
        let hit = findPhrase(sentence, kind === 'hang' ? 'hangPhrases' : 'errorPhrases', languages);
        // "`TimeoutError`가 발생합니다", "a ValueError is raised", "抛出 KeyError": an exception named with a verb of raising.
        if (!hit && kind === 'error') {
          const named = ENAME.exec(sentence);
          const verb = named ? RAISE_VERB.exec(sentence) : null;
          if (named && verb) hit = { language, phrase: verb[0], index: verb.index };
        }
        if (!hit) continue;
        // Negation sits right after the verb in Korean and Japanese (발생하지 않습니다, 出ません),
        // right before it in English and Chinese (doesn't raise, 不会报错).
        const after = sentence.slice(hit.index + hit.phrase.length, hit.index + hit.phrase.length + 10);
        const before = sentence.slice(Math.max(0, hit.index - 16), hit.index);
        // Another phrase of the same kind is no negation (`영원히 끝나지 않습니다`).
        const near = (hit.language === 'ko' || hit.language === 'ja' ? after : before).replace(SAME_KIND[kind], ' ');
        if (NEGATION[hit.language].test(near) || (hit.language === 'en' && NEGATION.en.test(before))) continue;
        const ename = ENAME.exec(sentence)?.[1] ?? null;
        if (kind === 'error' && /\w+Warning\b/.test(sentence)) continue; // warnings are printed, not raised
        const hypothetical = HYPOTHETICAL[hit.language].test(sentence) || findPhrase(sentence, 'notThisRun', [hit.language]) !== null;
        found.push({ kind, ename: kind === 'error' ? ename : null, text: sentence, sourceLine: line, found: where === 'prose' ? `prose:${hit.language}` : where, firm: !hypothetical });
        break;
      }
    }
  }
  return found;
}

/** Comments and docstrings of the code, as paragraphs for `announcements`. */
export function codeWords(code: string, codeStartLine: number): { comments: { text: string; line: number }[]; docstrings: { text: string; line: number }[] } {
  const comments: { text: string; line: number }[] = [];
  const docstrings: { text: string; line: number }[] = [];
  const lines = code.split('\n');
  lines.forEach((l, i) => {
    const hash = l.indexOf('#');
    if (hash >= 0 && !/["']/.test(l.slice(0, hash))) comments.push({ text: l.slice(hash + 1).trim(), line: codeStartLine + i });
  });
  for (const m of code.matchAll(/("""|''')([\s\S]*?)\1/g)) {
    const line = codeStartLine + code.slice(0, m.index).split('\n').length - 1;
    docstrings.push({ text: m[2]!.trim(), line });
  }
  return { comments, docstrings };
}

export { PHRASEBOOK };
