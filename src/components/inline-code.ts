// Erratum reasons are written in the settings files with Markdown's `code` spans. Components show
// them as text (never as HTML), so the spans are split out here and rendered as <code> elements.
export interface TextPart {
  text: string;
  code: boolean;
}

export function inlineCodeParts(text: string): TextPart[] {
  const parts: TextPart[] = [];
  const pattern = /`([^`\n]+)`/g;
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index! > last) parts.push({ text: text.slice(last, m.index), code: false });
    parts.push({ text: m[1]!, code: true });
    last = m.index! + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), code: false });
  return parts;
}
