// Parsed documents kept on disk, so a re-check with nothing changed does not read every document
// again: most of its cost is the first parse in a fresh process (regular expressions compiled, code
// not yet optimised). An entry is keyed by the document's text, its path and the fingerprint of the
// reader itself (every file of src/source and the installed Markdown packages): any change to one
// of them is a miss. A missing, torn or foreign entry is a miss too, never a wrong document.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from './document.ts';
import type { SourceDocument } from './model.ts';

const SOURCE_DIR = fileURLToPath(new URL('.', import.meta.url));
const PROJECT_DIR = join(SOURCE_DIR, '..', '..');

// The reader's modules are .ts in a checkout and .js in the installed package (lib/).
const MODULE_EXTENSION = extname(fileURLToPath(import.meta.url));

let fingerprint: string | null = null;

/** The reader's own version: its files and the installed packages it parses with. */
export function readerFingerprint(): string {
  if (fingerprint) return fingerprint;
  const hash = createHash('sha256');
  for (const name of readdirSync(SOURCE_DIR).filter((f) => f.endsWith(MODULE_EXTENSION)).sort()) {
    hash.update(name).update('\0').update(readFileSync(join(SOURCE_DIR, name))).update('\0');
  }
  // The installed tree's lock says which versions of the Markdown packages are in use.
  for (const lock of [join(PROJECT_DIR, 'node_modules', '.package-lock.json'), join(PROJECT_DIR, 'package-lock.json')]) {
    if (existsSync(lock)) {
      hash.update(readFileSync(lock));
      break;
    }
  }
  return (fingerprint = hash.digest('hex').slice(0, 24));
}

interface Entry {
  key: string;
  document: SourceDocument;
}

export class ParseCache {
  readonly dir: string;
  hits = 0;
  misses = 0;

  constructor(dir: string) {
    this.dir = dir;
  }

  static keyOf(markdown: string, file: string): string {
    return createHash('sha256').update(readerFingerprint()).update('\0').update(file).update('\0').update(markdown).digest('hex').slice(0, 32);
  }

  /** The document as parseDocument reads it, from the cache when this exact text was read before. */
  parse(markdown: string, file: string): SourceDocument {
    const key = ParseCache.keyOf(markdown, file);
    const path = join(this.dir, `${key}.json`);
    const cached = this.read(path, key);
    if (cached) {
      this.hits++;
      return cached;
    }
    this.misses++;
    const document = parseDocument(markdown, file);
    this.write(path, { key, document });
    return document;
  }

  private read(path: string, key: string): SourceDocument | null {
    if (!existsSync(path)) return null;
    try {
      const entry = JSON.parse(readFileSync(path, 'utf8')) as Partial<Entry>;
      const document = entry.document;
      // The key inside the entry guards against a file copied or renamed by hand.
      if (entry.key !== key || !document || typeof document.slug !== 'string' || !Array.isArray(document.cells) || !Array.isArray(document.chapters)) return null;
      return document;
    } catch {
      return null;
    }
  }

  private write(path: string, entry: Entry): void {
    try {
      mkdirSync(this.dir, { recursive: true });
      // Written whole, then renamed into place: a reader never sees half an entry.
      const partial = `${path}.${process.pid}.partial`;
      writeFileSync(partial, JSON.stringify(entry));
      renameSync(partial, path);
    } catch {
      // A cache that cannot be written only costs time.
    }
  }
}
