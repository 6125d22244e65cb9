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
