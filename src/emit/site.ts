// The generated part of the site: chapter pages in both locales, index and errata pages, sidebar.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml, stringify } from 'yaml';
import type { CheckResult } from '../check/run.ts';
import { reasonText } from '../check/reasons.ts';
import { labels } from '../components/labels.ts';
import { chapterPage, chapterTitle, type Locale } from './mdx.ts';
import { chapterNotebook } from './notebook.ts';
import { pagePrelude } from './runner.ts';
import { syncTree } from './write.ts';

export const DOCS_DIR = 'src/content/docs';
export const NOTEBOOKS_DIR = 'public/notebooks';
const LOCALES: Locale[] = ['ko', 'en'];

export function loadTranslations(slug: string, dir = 'content/en'): Map<string, string> {
  const file = join(dir, `${slug}.yaml`);
  const map = new Map<string, string>();
  if (!existsSync(file)) return map;
  const data = parseYaml(readFileSync(file, 'utf8')) as { segments?: { key: string; en: string }[] };
  // An empty translation is no translation: the page falls back to Korean with a notice.
  for (const s of data.segments ?? []) if (s.en?.trim()) map.set(s.key, s.en);
  return map;
}

function page(frontmatter: Record<string, unknown>, body: string): string {
  return `---\n${stringify(frontmatter).trimEnd()}\n---\n\n${body}`;
}

const TEXT = {
  ko: { home: '실행되는 asyncio 가이드', intro: '이 사이트의 모든 Python 코드는 CPython 3.14(Pyodide)에서 가상 시계로 실제 실행되었고, 문서가 말하는 출력과 시간이 실행 결과와 대조되었습니다.', errata: '정오표와 검증 현황', documents: '문서', verdict: '판정', cell: '셀', source: '원문 위치', reason: '이유' },
  en: { home: 'The executable asyncio guide', intro: 'Every Python snippet on this site was really run in CPython 3.14 (Pyodide) on a virtual clock, and what the documents say it prints, and when, was checked against the run.', errata: 'Errata and status', documents: 'Documents', verdict: 'Verdict', cell: 'Cell', source: 'Source', reason: 'Why' },
};

/** Writes the generated pages and notebooks; only files whose content changed are touched. */
export function writeSite(result: CheckResult): { pages: number; notebooks: number; changed: string[] } {
  const files = new Map<string, string>();
  const notebooks = new Map<string, string>();
  let pages = 0;
  const sidebar: unknown[] = [];
  const erratumRows: Record<Locale, string[]> = { ko: [], en: [] };
  for (const { document, cells } of result.documents) {
    const translations = loadTranslations(document.slug);
    const translate = (key: string) => translations.get(key) ?? null;
    const titles: Record<Locale, string> = { ko: document.title, en: document.title };
    for (const locale of LOCALES) {
      for (const chapter of document.chapters) {
        const chapterCells = cells.filter((c) => c.cell.chapter === chapter.slug);
        const notebookPath = `${locale}/${document.slug}/${chapter.slug}.ipynb`;
        const built = chapterPage(document.markdown, chapter, chapterCells, locale, translate, encodeURI(`/notebooks/${notebookPath}`), pagePrelude(cells, chapter.slug));
        const title = chapterTitle(document.markdown, chapter, locale, translate);
        if (chapter.index === 0) titles[locale] = title;
        const fm: Record<string, unknown> = { title, sidebar: { order: chapter.index } };
        files.set(join(locale, document.slug, `${chapter.slug}.mdx`), page(fm, built.body));
        notebooks.set(notebookPath, JSON.stringify(chapterNotebook(document.markdown, chapter, title, chapterCells, locale, translate), null, 1) + '\n');
        pages++;
      }
      for (const { cell, verdict } of cells) {
        const link = `/${locale}/${document.slug}/${cell.chapter}/#cell-${cell.key}`;
        const reason = (verdict.acknowledged?.[locale] ?? reasonText(verdict.why, locale)).replace(/\|/g, '\\|').replace(/\n/g, ' ');
        erratumRows[locale].push(`| [${document.slug} #${cell.index}](${link}) | ${cell.file}:${cell.line} | ${verdictLabel(verdict.verdict, locale)}${verdict.acknowledged ? ' ✎' : ''} | ${reason.replace(/[{}<>]/g, (c) => `\\${c}`)} |`);
      }
    }
    sidebar.push({
      label: titles.ko, translations: { en: titles.en }, collapsed: false,
      items: document.chapters.map((c) => ({ slug: `${document.slug}/${c.slug}` })),
    });
  }
  for (const locale of LOCALES) {
    const t = TEXT[locale];
    const list = result.documents.map(({ document }) => `- [${document.title.replace(/[[\]]/g, '')}](/${locale}/${document.slug}/${document.chapters[0]!.slug}/)`).join('\n');
    files.set(join(locale, 'index.mdx'), page({ title: t.home }, `${t.intro}\n\n## ${t.documents}\n\n${list}\n\n[${t.errata}](/${locale}/errata/)\n`));
    const table = [`| ${t.cell} | ${t.source} | ${t.verdict} | ${t.reason} |`, '|---|---|---|---|', ...erratumRows[locale]].join('\n');
    files.set(join(locale, 'errata.mdx'), page({ title: t.errata }, `${table}\n`));
    pages += 2;
  }
  sidebar.push({ label: TEXT.ko.errata, translations: { en: TEXT.en.errata }, items: [{ slug: 'errata' }] });
  files.set('sidebar.json', JSON.stringify(sidebar, null, 2));
  const changed = [...syncTree(DOCS_DIR, files), ...syncTree(NOTEBOOKS_DIR, notebooks)];
  return { pages, notebooks: notebooks.size, changed };
}

/** A verdict as the errata table shows it: the reader's word for it, and the fixed name where they differ. */
function verdictLabel(verdict: string, locale: Locale): string {
  const word = labels[locale].verdicts[verdict] ?? verdict;
  return word === verdict ? `\`${verdict}\`` : `${word} \`${verdict}\``;
}
