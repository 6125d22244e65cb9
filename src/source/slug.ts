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

/** Slugs for a list of headings: empty ones (emoji or punctuation only) get `section-N`. */
export function uniqueSlugs(titles: string[]): string[] {
  const used = new Map<string, number>();
  return titles.map((title, i) => {
    const base = slugify(title) || `section-${i + 1}`;
    const count = used.get(base) ?? 0;
    used.set(base, count + 1);
    return count === 0 ? base : `${base}-${count + 1}`;
  });
}
