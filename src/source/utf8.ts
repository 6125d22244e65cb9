// A document's bytes as text. Markdown files are UTF-8; one that is not (a Latin-1 or CP949 file, a
// truncated write) is still read, as every browser and editor reads it (a U+FFFD for each bad
// sequence), and the first bad byte is told, so the check never silently works on mangled text.

export interface DecodedText {
  text: string;
  /** The first bad byte (1-based line, 1-based byte column in that line) and how many bad sequences there are; null: valid UTF-8. */
  firstBad: { line: number; column: number; count: number } | null;
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
// A byte-order mark stays in the text, as `readFileSync(file, 'utf8')` kept it.
const lenient = new TextDecoder('utf-8', { ignoreBOM: true });

export function decodeText(bytes: Uint8Array): DecodedText {
  try {
    return { text: strict.decode(bytes), firstBad: null };
  } catch {
    const bad = invalidSequences(bytes);
    const first = bad[0] ?? 0;
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < first; i++) if (bytes[i] === 0x0a) { line++; lineStart = i + 1; }
    return { text: lenient.decode(bytes), firstBad: { line, column: first - lineStart + 1, count: Math.max(1, bad.length) } };
  }
}

/** Offsets where an ill-formed sequence starts, one per U+FFFD a decoder writes (the WHATWG "maximal subpart" rule). */
export function invalidSequences(bytes: Uint8Array): number[] {
  const out: number[] = [];
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) { i++; continue; }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) { need = 2; if (b === 0xe0) lo = 0xa0; if (b === 0xed) hi = 0x9f; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; if (b === 0xf0) lo = 0x90; if (b === 0xf4) hi = 0x8f; }
    else { out.push(i); i++; continue; }
    let j = i + 1;
    let got = 0;
    while (got < need && j < bytes.length && bytes[j]! >= lo && bytes[j]! <= hi) { lo = 0x80; hi = 0xbf; j++; got++; }
    if (got < need) out.push(i);
    i = j;
  }
  return out;
}
