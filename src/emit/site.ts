// The generated part of the site: chapter pages in both locales, index and errata pages, sidebar.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml, stringify } from 'yaml';
import type { CheckResult } from '../check/run.ts';
import { chapterPage, chapterTitle, type Locale } from './mdx.ts';

export const DOCS_DIR = 'src/content/docs';
const LOCALES: Locale[] = ['ko', 'en'];

export function loadTranslations(slug: string, dir = 'content/en'): Map<string, string> {
  const file = join(dir, `${slug}.yaml`);
  const map = new Map<string, string>();
  if (!existsSync(file)) return map;
  const data = parseYaml(readFileSync(file, 'utf8')) as { segments?: { key: string; en: string }[] };
  for (const s of data.segments ?? []) map.set(s.key, s.en);
  return map;
}

function page(frontmatter: Record<string, unknown>, body: string): string {
  return `---\n${stringify(frontmatter).trimEnd()}\n---\n\n${body}`;
}

const TEXT = {
  ko: { home: '실행되는 asyncio 가이드', intro: '이 사이트의 모든 Python 코드는 CPython 3.14(Pyodide)에서 가상 시계로 실제 실행되었고, 문서가 말하는 출력과 시간이 실행 결과와 대조되었습니다.', errata: '정오표와 검증 현황', documents: '문서', verdict: '판정' },
  en: { home: 'The executable asyncio guide', intro: 'Every Python snippet on this site was really run in CPython 3.14 (Pyodide) on a virtual clock, and what the documents say it prints, and when, was checked against the run.', errata: 'Errata and status', documents: 'Documents', verdict: 'Verdict' },
};

export function writeSite(result: CheckResult): { pages: number } {
  rmSync(DOCS_DIR, { recursive: true, force: true });
  let pages = 0;
  const sidebar: unknown[] = [];
  for (const locale of LOCALES) mkdirSync(join(DOCS_DIR, locale), { recursive: true });
  const erratumRows: Record<Locale, string[]> = { ko: [], en: [] };
  for (const { document, cells } of result.documents) {
    const translations = loadTranslations(document.slug);
    const translate = (key: string) => translations.get(key) ?? null;
    const titles: Record<Locale, string> = { ko: document.title, en: document.title };
    for (const locale of LOCALES) {
      for (const chapter of document.chapters) {
        const chapterCells = cells.filter((c) => c.cell.chapter === chapter.slug);
        const built = chapterPage(document.markdown, chapter, chapterCells, locale, translate);
        const title = chapterTitle(document.markdown, chapter, locale, translate);
        if (chapter.index === 0) titles[locale] = title;
        const dir = join(DOCS_DIR, locale, document.slug);
        mkdirSync(dir, { recursive: true });
        const fm: Record<string, unknown> = { title, sidebar: { order: chapter.index } };
        writeFileSync(join(dir, `${chapter.slug}.mdx`), page(fm, built.body));
        pages++;
      }
      for (const { cell, verdict } of cells) {
        const link = `/${locale}/${document.slug}/${cell.chapter}/#cell-${cell.key}`;
        const reason = (verdict.acknowledged?.[locale] ?? verdict.reason).replace(/\|/g, '\\|').replace(/\n/g, ' ');
        erratumRows[locale].push(`| [${document.slug} #${cell.index}](${link}) | ${cell.file}:${cell.line} | \`${verdict.verdict}\`${verdict.acknowledged ? ' ✎' : ''} | ${reason.replace(/[{}<>]/g, (c) => `\\${c}`)} |`);
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
    writeFileSync(join(DOCS_DIR, locale, 'index.mdx'), page({ title: t.home }, `${t.intro}\n\n## ${t.documents}\n\n${list}\n\n[${t.errata}](/${locale}/errata/)\n`));
    const table = [`| cell | source | ${t.verdict} | |`, '|---|---|---|---|', ...erratumRows[locale]].join('\n');
    writeFileSync(join(DOCS_DIR, locale, 'errata.mdx'), page({ title: t.errata }, `${table}\n`));
    pages += 2;
  }
  sidebar.push({ label: TEXT.ko.errata, translations: { en: TEXT.en.errata }, items: [{ slug: 'errata' }] });
  writeFileSync(join(DOCS_DIR, 'sidebar.json'), JSON.stringify(sidebar, null, 2));
  return { pages };
}
