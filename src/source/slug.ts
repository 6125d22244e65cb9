// Heading text to URL slugs that stay readable (Hangul kept) and unique within a document.

export function slugify(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[`*_~]/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .trim()
    .replace(/\s+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * Slugs for a list of headings: empty ones (emoji or punctuation only) get `section-N`; a repeated
 * one gets the first free `-2`, `-3`, ..., never a slug that another heading has or will have.
 */
export function uniqueSlugs(titles: string[]): string[] {
  const bases = titles.map((title, i) => slugify(title) || `section-${i + 1}`);
  const taken = new Set<string>();
  const own = new Set(bases);
  return bases.map((base) => {
    let slug = base;
    for (let n = 2; taken.has(slug); n++) {
      slug = `${base}-${n}`;
      if (own.has(slug)) slug = base; // another heading's own slug: keep counting
    }
    taken.add(slug);
    return slug;
  });
}

const HANGUL = /[\p{Script=Hangul}]/u;
/** Longest slug kept whole; a longer heading is cut at the last word that fits. */
const MAX_SLUG = 60;

/**
 * An ASCII slug for a translated heading: accents dropped, everything but letters and digits a
 * hyphen, cut at a word under 60 characters. Empty when nothing ASCII is left.
 */
export function asciiSlugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[`*_~'’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  if (slug.length <= MAX_SLUG) return slug;
  const cut = slug.slice(0, MAX_SLUG + 1);
  return cut.slice(0, cut.lastIndexOf('-') > 0 ? cut.lastIndexOf('-') : MAX_SLUG);
}

/**
 * A translation's chapter slugs, from its chapter headings (in chapter order): each is
 * `asciiSlugify` of the heading, so it changes only when the heading does. A heading that is not
 * translated (Hangul left in it) or leaves nothing ASCII gets `chapter-N` (N its chapter index);
 * the introduction keeps `introduction`. A slug is never another chapter's source slug (its page
 * in the source language would be taken for this one's twin, and its old address for a redirect),
 * and repeats get `-2`, `-3`, ... in chapter order.
 */
export function translatedSlugs(titles: string[], sourceSlugs: string[], intro: boolean[] = []): string[] {
  const bases = titles.map((title, i) => {
    if (intro[i]) return 'introduction';
    const slug = HANGUL.test(title) ? '' : asciiSlugify(title);
    return slug || `chapter-${i}`;
  });
  const taken = new Set<string>();
  return bases.map((base, i) => {
    const others = new Set(sourceSlugs.filter((_, j) => j !== i));
    let slug = base;
    for (let n = 2; taken.has(slug) || others.has(slug) || (slug !== base && bases.includes(slug)); n++) slug = `${base}-${n}`;
    taken.add(slug);
    return slug;
  });
}
