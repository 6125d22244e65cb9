// The documents' images on the file system: each local image a document (or its English
// translation) shows is looked up inside the content tree, and the real image files among them are
// copied into the site's public folder under their hash (src/emit/doc-images.ts decides what is
// what). Whatever is refused is a problem naming the file and line that wrote it; its page shows
// the image as text and the rest of the site builds.
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { CheckedDocument, Problem } from '../check/run.ts';
import type { LoadedDocument } from '../check/load.ts';
import { diagnostic } from '../check/diagnostics.ts';
import { sourceBase, type Config } from '../config/load.ts';
import { parseMarkdown, sharedTree } from '../source/markdown.ts';
import { documentDefinitions, imageOutcome, imageUses, mayShowImage, MAX_IMAGE_BYTES, type FileProbe, type ImageOutcome, type ImageUse } from '../emit/doc-images.ts';

export interface DocumentImages {
  /** Per document (its `file`), the public address of each image URL that names a served copy. */
  served: Map<string, Map<string, string>>;
  /** The copies, by file name (`<sha256>.<ext>`). */
  assets: Map<string, Uint8Array>;
  problems: Problem[];
}

/** The content tree: the source directories (a glob's fixed part), the only places images are read from. */
export function contentRoots(config: Pick<Config, 'sources'>): string[] {
  return config.sources.map(sourceBase);
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

function realOrNull(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}

/**
 * What a path beside `documentFile` is, inside `roots` (the source directories): checked once as
 * written (`..` resolved) and again after symbolic links, so neither leads out of the tree.
 */
export function probeFile(documentFile: string, path: string, roots: readonly string[]): FileProbe {
  const lexical = resolve(dirname(documentFile), path);
  const absoluteRoots = roots.map((r) => resolve(r));
  if (!absoluteRoots.some((r) => inside(r, lexical))) return { kind: 'outside' };
  try {
    lstatSync(lexical);
  } catch {
    return { kind: 'missing' };
  }
  const real = realOrNull(lexical);
  if (real === null) return { kind: 'missing' };
  const realRoots = absoluteRoots.map(realOrNull).filter((r): r is string => r !== null);
  if (!realRoots.some((r) => inside(r, real))) return { kind: 'outside' };
  const stat = statSync(real);
  if (!stat.isFile()) return { kind: 'not-a-file' };
  if (stat.size > MAX_IMAGE_BYTES) return { kind: 'too-large', size: stat.size };
  return { kind: 'file', bytes: readFileSync(real) };
}

interface Placed extends ImageUse {
  /** The file that wrote it: the document, or its translation file. */
  file: string;
}

/** Where each image of a document is written: its own lines, and its translation's entries (at the entry's line). */
function placedUses(checked: ImageSource): Placed[] {
  const { document, translation } = checked;
  const own = imageUses(sharedTree(document.markdown), documentDefinitions(document.markdown, null))
    .map((use) => ({ ...use, file: document.file }));
  const entries = (translation?.segments ?? []).filter((s) => s.en !== null);
  const definitions = documentDefinitions(document.markdown, entries.map((s) => s.en!));
  const translated = entries.filter((entry) => mayShowImage(entry.en!)).flatMap((entry) => imageUses(parseMarkdown(entry.en!), definitions)
    .map((use) => ({ ...use, line: entry.line, file: translation!.path })));
  return [...own, ...translated];
}

/** What the images are read from: a document and its translation (no runs: the check looks them up while the cells run). */
export type ImageSource = Pick<CheckedDocument, 'document' | 'translation'>;

/** Loaded documents as the check's result orders them (by file), with their translations: what the
 * check looks the images up in while the cells run. */
export function imageSources(loaded: readonly Pick<LoadedDocument, 'document' | 'translation'>[]): ImageSource[] {
  return loaded.map((d) => ({ document: d.document, translation: d.translation?.translation ?? null }))
    .sort((a, b) => a.document.file.localeCompare(b.document.file));
}

/** The images of the documents, each looked up in `roots` (a pure function of the documents and the files there). */
export function documentImages(documents: readonly ImageSource[], roots: readonly string[]): DocumentImages {
  const served = new Map<string, Map<string, string>>();
  const assets = new Map<string, Uint8Array>();
  const problems: Problem[] = [];
  for (const checked of documents) {
    const outcomes = new Map<string, ImageOutcome>();
    const mine = new Map<string, string>();
    for (const use of placedUses(checked)) {
      let outcome = outcomes.get(use.url);
      if (!outcome) {
        outcome = imageOutcome(use.url, (path) => probeFile(checked.document.file, path, roots));
        outcomes.set(use.url, outcome);
      }
      if (outcome.kind === 'served') {
        mine.set(use.url, outcome.href);
        assets.set(outcome.name, outcome.bytes);
      } else if (outcome.kind === 'refused') {
        problems.push(outcome.missing
          ? diagnostic('image-not-found', { file: use.file, line: use.line }, use.url, use.reference)
          : diagnostic('image-refused', { file: use.file, line: use.line }, use.url, use.reference, outcome.reason));
      }
    }
    if (mine.size > 0) served.set(checked.document.file, mine);
  }
  return { served, assets, problems };
}

/** Makes `dir` hold exactly the copies (touching only what changed); no folder is made for none. Returns the names written or removed. */
export function writeImageAssets(dir: string, assets: ReadonlyMap<string, Uint8Array>): string[] {
  if (assets.size === 0 && !existsSync(dir)) return [];
  mkdirSync(dir, { recursive: true });
  const changed: string[] = [];
  for (const [name, bytes] of assets) {
    const file = join(dir, name);
    if (existsSync(file) && readFileSync(file).equals(bytes)) continue;
    writeFileSync(file, bytes);
    changed.push(name);
  }
  for (const name of readdirSync(dir)) {
    if (assets.has(name)) continue;
    rmSync(join(dir, name), { recursive: true, force: true });
    changed.push(name);
  }
  return changed;
}
