// The generated part of the site: chapter pages in both locales, index and errata pages, sidebar.
import { join } from 'node:path';
import type { PhrasingContent, Root, RootContent } from 'mdast';
import { stringify } from 'yaml';
import type { CheckResult } from '../check/run.ts';
import type { TranslationFile } from '../translate/load.ts';
import { strings } from '../i18n/index.ts';
import { jsonAttribute, jsxElement, mdxSource, textNode } from './escape.ts';
import { erratumParts } from './reason.ts';
import { linkSourceLines } from './source-links.ts';
import { filterPageName, filters, type ErrataData, type ErrataRow } from './errata.ts';
import { errataRow } from './errata-rows.ts';
import { capText } from './limits.ts';
import { editFileUrl, readRepository, sourceLineBase, sourceLineUrl } from './repository.ts';
import { chapterPage, chapterTitle, quoted, type Locale } from './mdx.ts';
import { documentDefinitions } from './doc-images.ts';
import { chapterNotebook } from './notebook.ts';
import { pagePrelude } from './runner.ts';
import { syncTree } from './write.ts';
import { translatedSlugs } from '../source/slug.ts';
import type { Chapter } from '../source/model.ts';

export const DOCS_DIR = 'src/content/docs';
export const NOTEBOOKS_DIR = 'public/notebooks';
/** Starlight's i18n collection: its UI words, from the tables in src/i18n/. */
export const I18N_DIR = 'src/content/i18n';
/** The guide's languages: its Korean documents, then their English translation. */
const GUIDE_LOCALES: Locale[] = ['ko', 'en'];
/** From the docs folder (src/content/docs) to the components (src/components), in the guide's layout. */
const GUIDE_COMPONENTS = '../../components';

/** A translation's English texts by segment key; an empty translation is none (the page falls back to Korean with a notice). */
export function translationTexts(translation: TranslationFile | null): Map<string, string> {
  const map = new Map<string, string>();
  for (const s of translation?.segments ?? []) if (s.en !== null) map.set(s.key, s.en);
  return map;
}

/**
 * A chapter's slugs in a locale: the source's own, or for a translation ASCII slugs of its
 * translated headings (src/source/slug.ts), so an English address reads as English when copied.
 */
export function chapterSlugs(markdown: string, chapters: Chapter[], locale: Locale, translate: (key: string) => string | null, sourceLocale: Locale): string[] {
  const own = chapters.map((c) => c.slug);
  if (locale === sourceLocale) return own;
  const titles = chapters.map((c) => chapterTitle(markdown, c, locale, translate, sourceLocale));
  return translatedSlugs(titles, own, chapters.map((c) => c.index === 0 && c.slug === 'introduction'));
}

/**
 * A page that sends its reader on to `target` (keeping the #cell- anchor), for addresses that
 * moved: a static host has no redirects of its own. Out of the sidebar and the search.
 */
function redirectPage(title: string, target: string): string {
  const href = encodeURI(target);
  return page({
    title, pagefind: false, sidebar: { hidden: true }, editUrl: false,
    head: [
      { tag: 'meta', attrs: { 'http-equiv': 'refresh', content: `0; url=${href}` } },
      { tag: 'meta', attrs: { name: 'robots', content: 'noindex' } },
      { tag: 'link', attrs: { rel: 'canonical', href } },
      { tag: 'script', content: `location.replace(${JSON.stringify(href)} + location.hash);` },
    ],
  }, mdxSource(root(paragraph(link(href, text(title))))));
}

function page(frontmatter: Record<string, unknown>, body: string): string {
  return `---\n${stringify(frontmatter).trimEnd()}\n---\n\n${body}`;
}

// Index and errata pages are built as trees; what comes from the documents (titles, file names,
// reasons) goes to components as JSON, which render it as text (see src/components/Errata.astro).
const text = (value: string): PhrasingContent => textNode(value);
const paragraph = (...children: PhrasingContent[]): RootContent => ({ type: 'paragraph', children });
const link = (url: string, ...children: PhrasingContent[]): PhrasingContent => ({ type: 'link', url, children });
const esm = (value: string): RootContent => ({ type: 'mdxjsEsm', value, data: { estree: null } }) as unknown as RootContent;
const root = (...children: RootContent[]): Root => ({ type: 'root', children });

export type { ErrataData, ErrataRow };

/** A document on the home page: its first chapter and its title in the page's language. */
export interface DocumentLink {
  href: string;
  title: string;
}


export interface SiteFiles {
  /** Pages and the sidebar, by path under DOCS_DIR. */
  docs: Map<string, string>;
  /** Notebooks, by path under NOTEBOOKS_DIR. */
  notebooks: Map<string, string>;
  pages: number;
}

/** Writes the generated pages and notebooks; only files whose content changed are touched. */
/** Where the generated files go: an Astro project's folders (default: the guide's, relative to the working directory). */
export interface SiteDirs {
  docs: string;
  notebooks: string;
  i18n: string;
}

export function siteDirs(root = '.'): SiteDirs {
  return { docs: join(root, DOCS_DIR), notebooks: join(root, NOTEBOOKS_DIR), i18n: join(root, I18N_DIR) };
}

export function writeSite(result: CheckResult, options: SiteOptions = { repository: readRepository() }, dirs: SiteDirs = siteDirs()): { pages: number; notebooks: number; changed: string[] } {
  const { docs, notebooks, pages } = siteFiles(result, options);
  const changed = [...syncTree(dirs.docs, docs), ...syncTree(dirs.notebooks, notebooks), ...syncTree(dirs.i18n, starlightTranslations(options.languages))];
  return { pages, notebooks: notebooks.size, changed };
}

/** Starlight's UI strings per language (header, search, footer, copy button, Pagefind), as its JSON files. */
export function starlightTranslations(languages: Locale[] = GUIDE_LOCALES): Map<string, string> {
  return new Map(languages.map((locale) => [`${locale}.json`, JSON.stringify(strings[locale].starlight, null, 2) + '\n']));
}

export interface SiteOptions {
  /** The repository's web address (src/emit/repository.ts); null or absent: no links to sources. */
  repository?: string | null;
  /** The site's languages, the documents' own first (default the guide's: Korean, then English). */
  languages?: Locale[];
  /** The components' folder as a relative path from the docs folder (default the guide's layout). */
  components?: string;
  /** Per document (its `file`), the public address of each image URL that names a served copy (src/site/doc-images.ts); absent: none, every local image is text. */
  images?: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/** The generated files of a checked set of documents (a pure function of the result, translations included, and the options). */
export function siteFiles(result: CheckResult, options: SiteOptions = {}): SiteFiles {
  const repository = options.repository ?? null;
  const LOCALES = options.languages ?? GUIDE_LOCALES;
  const source = LOCALES[0]!;
  const others = LOCALES.slice(1);
  // A page `depth` folders below the docs folder reaches a component through this path.
  const components = (options.components ?? GUIDE_COMPONENTS).split('\\').join('/');
  const component = (depth: number, name: string) => `${'../'.repeat(depth)}${components}/${name}.astro`;
  const files = new Map<string, string>();
  const notebooks = new Map<string, string>();
  let pages = 0;
  const sidebar: unknown[] = [];
  const erratumRows = Object.fromEntries(LOCALES.map((l) => [l, []])) as unknown as Record<Locale, ErrataRow[]>;
  const errataDocuments = Object.fromEntries(LOCALES.map((l) => [l, []])) as unknown as Record<Locale, ErrataData['documents']>;
  const firstPages = new Map<string, Record<Locale, string>>();
  for (const { document, cells, translation } of result.documents) {
    const translations = translationTexts(translation);
    // "Edit this page" opens what the page is made from: the document, or the translation file
    // where there is one (the generated MDX is not in the repository).
    const editUrls = Object.fromEntries(LOCALES.map((l) => [l, editFileUrl(repository, l === source ? document.file : translation?.path ?? document.file)])) as Record<Locale, string | null>;
    const translate = (key: string) => translations.get(key) ?? null;
    const titles = Object.fromEntries(LOCALES.map((l) => [l, document.title])) as Record<Locale, string>;
    const served = options.images?.get(document.file);
    const images = Object.fromEntries(LOCALES.map((l) => [l, {
      definitions: documentDefinitions(document.markdown, l === source ? null : [...translations.values()]),
      served: (url: string) => served?.get(url) ?? null,
    }]));
    const slugs = Object.fromEntries(LOCALES.map((l) => [l, chapterSlugs(document.markdown, document.chapters, l, translate, source)])) as Record<Locale, string[]>;
    // A chapter's address in a locale, from its source slug (what cells name their chapter by).
    const chapterPath = (locale: Locale, sourceSlug: string) => {
      const chapter = document.chapters.find((c) => c.slug === sourceSlug) ?? document.chapters[0]!;
      return `/${locale}/${document.slug}/${slugs[locale][chapter.index]}/`;
    };
    for (const locale of LOCALES) {
      for (const chapter of document.chapters) {
        const slug = slugs[locale][chapter.index]!;
        const chapterCells = cells.filter((c) => c.cell.chapter === chapter.slug);
        const notebookPath = `${locale}/${document.slug}/${slug}.ipynb`;
        const built = chapterPage(document.markdown, chapter, chapterCells, locale, translate, {
          notebookHref: encodeURI(`/notebooks/${notebookPath}`),
          prelude: pagePrelude(cells, chapter.slug),
          sourceLines: (file) => sourceLineBase(repository, file),
          sourceLocale: source,
          componentImport: (name) => component(2, name),
          images: images[locale],
        });
        const title = chapterTitle(document.markdown, chapter, locale, translate, source);
        if (chapter.index === 0) titles[locale] = title;
        const fm: Record<string, unknown> = { title, sidebar: { order: chapter.index }, ...(editUrls[locale] ? { editUrl: editUrls[locale] } : {}) };
        files.set(join(locale, document.slug, `${slug}.mdx`), page(fm, built.body));
        if (locale !== source && slug !== chapter.slug) {
          // The page's address before translations had slugs of their own, and the source page's
          // twin under this slug (where Starlight's language menu goes from this page).
          files.set(join(locale, document.slug, `${chapter.slug}.mdx`), redirectPage(title, `/${locale}/${document.slug}/${slug}/`));
          const twin = join(source, document.slug, `${slug}.mdx`);
          if (!files.has(twin)) files.set(twin, redirectPage(chapter.title, `/${source}/${document.slug}/${chapter.slug}/`));
        }
        notebooks.set(notebookPath, JSON.stringify(chapterNotebook(document.markdown, chapter, title, chapterCells, locale, translate, { documentCells: cells, sourceLocale: source }), null, 1) + '\n');
        pages++;
      }
      for (const checked of cells) {
        erratumRows[locale].push(errataRow(checked, locale, { href: `${chapterPath(locale, checked.cell.chapter)}#cell-${checked.cell.key}`, document: document.slug, repository }));
      }
    }
    for (const locale of LOCALES) errataDocuments[locale].push({ slug: document.slug, title: titles[locale] });
    sidebar.push({
      label: titles[source], ...(others.length ? { translations: Object.fromEntries(others.map((l) => [l, titles[l]])) } : {}), collapsed: false,
      // Listed from each locale's own folder: its chapters have their own slugs (redirect pages are hidden).
      items: [{ autogenerate: { directory: document.slug } }],
    });
    firstPages.set(document.slug, Object.fromEntries(LOCALES.map((l) => [l, chapterPath(l, document.chapters[0]!.slug)])) as Record<Locale, string>);
  }
  for (const locale of LOCALES) {
    const t = strings[locale].site;
    // Each document under its title in this locale (the translated first heading, where there is one).
    const list = result.documents.map(({ document }): DocumentLink => ({
      href: firstPages.get(document.slug)![locale],
      title: errataDocuments[locale].find((d) => d.slug === document.slug)?.title ?? document.title,
    }));
    const index = root(
      esm(`import Documents from ${quoted(component(1, 'Documents'))};`),
      paragraph(text(t.intro)),
      { type: 'heading', depth: 2, children: [text(t.documents)] },
      jsxElement('Documents', { data: jsonAttribute(list) }),
      paragraph(link(`/${locale}/errata/`, text(t.errata))),
    );
    files.set(join(locale, 'index.mdx'), page({ title: t.home, ...(repository ? { editUrl: false } : {}) }, mdxSource(index)));
    const errata: ErrataData = { locale, base: `/${locale}/errata/`, documents: errataDocuments[locale], rows: erratumRows[locale], filter: null };
    // The import climbs from the page's folder (<docs>/<locale>/...) to the components.
    const errataPage = (data: ErrataData, name: string) => {
      return mdxSource(root(esm(`import Errata from ${quoted(component(name.split('/').length, 'Errata'))};`), jsxElement('Errata', { data: jsonAttribute(data) })));
    };
    // Generated pages have nothing to edit; the documents they list are linked row by row.
    const generated = repository ? { editUrl: false } : {};
    files.set(join(locale, 'errata.mdx'), page({ title: t.errata, ...generated }, errataPage(errata, 'errata')));
    // One page per filter, so filters work without JavaScript (with it, the page filters in place).
    // They repeat the main page: kept out of search.
    for (const filter of filters(errata)) {
      const name = filter.kind === 'verdict' ? strings[locale].verdicts[filter.value] ?? filter.value : errata.documents.find((d) => d.slug === filter.value)!.title;
      const file = filterPageName(filter);
      files.set(join(locale, `${file}.mdx`), page({ title: `${t.errata}: ${name}`, pagefind: false, ...generated }, errataPage({ ...errata, filter }, file)));
      pages++;
    }
    pages += 2;
  }
  // Not-found pages in each language. Starlight renders one 404 page, in the default locale: each
  // other language's is a page of its own, and the root page sends a reader under /<lang>/ to it.
  for (const locale of LOCALES) {
    const t = strings[locale].site;
    files.set(join(locale, '404.mdx'), page({ title: t.notFound, template: 'splash', pagefind: false, ...(repository ? { editUrl: false } : {}), hero: { tagline: strings[locale].starlight['404.text'] } }, ''));
  }
  const toOwn = others.map((l) => `if (location.pathname.startsWith('/${l}/') && !location.pathname.startsWith('/${l}/404/')) location.replace('/${l}/404/');`).join(' ');
  files.set('404.mdx', page({ title: strings[source].site.notFound, template: 'splash', pagefind: false, ...(repository ? { editUrl: false } : {}), hero: { tagline: strings[source].starlight['404.text'] }, ...(toOwn ? { head: [{ tag: 'script', content: toOwn }] } : {}) }, ''));
  sidebar.push({ label: strings[source].site.errata, ...(others.length ? { translations: Object.fromEntries(others.map((l) => [l, strings[l].site.errata])) } : {}), items: [{ slug: 'errata' }] });
  files.set('sidebar.json', JSON.stringify(sidebar, null, 2));
  return { docs: files, notebooks, pages };
}

