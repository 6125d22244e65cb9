// The site's generated part from one check: the pages and notebooks, and in the project's public
// folder Pyodide, the fixtures, the interpreter snapshot and Mermaid. `build` and `dev` both run it.
import { join } from 'node:path';
import type { KernelPool } from '../kernel/node/pool.ts';
import { ResultCache } from '../check/cache.ts';
import { checkDocuments, type CheckResult } from '../check/run.ts';
import { readLock } from '../check/lock.ts';
import { ParseCache } from '../source/parse-cache.ts';
import { asRecorded } from '../emit/recorded.ts';
import { writeSite } from '../emit/site.ts';
import { writeRunAssets, type RunAssets } from './run-assets.ts';
import { cacheDirs, type Config } from '../config/load.ts';
import { contentRoots, documentImages, writeImageAssets } from './doc-images.ts';
import { IMAGE_ASSETS_BASE } from '../emit/doc-images.ts';
import { loadOptionsOf } from '../config/project.ts';
import type { SitePlan } from './project.ts';
import { NO_SUPPRESSION, unsuppressed } from '../check/diagnostics.ts';

export interface WrittenSite {
  result: CheckResult;
  pages: number;
  notebooks: number;
  changed: string[];
  assets: RunAssets['assets'];
  mermaid: RunAssets['mermaid'];
  /** The documents' images copied into the public folder. */
  images: number;
  snapshot: RunAssets['snapshot'];
}

export async function writeSitePages(config: Config, files: string[], plan: SitePlan, pool: KernelPool, options: { noCache?: boolean } = {}): Promise<WrittenSite> {
  const project = loadOptionsOf(config);
  const dirs = cacheDirs(config);
  const result = await checkDocuments({
    sourceDir: project.sourceDir, files, load: project.load, pool,
    cache: options.noCache ? null : new ResultCache(dirs.results),
    parseCache: options.noCache ? null : new ParseCache(dirs.parsed),
  });
  // The interpreter snapshot the check boots from, served to readers' browsers (made now if the check needed no interpreter).
  const snapshotFile = await pool.snapshotFile();
  const images = documentImages(result.documents, contentRoots(config));
  const imagesDir = join(plan.publicDir, ...IMAGE_ASSETS_BASE.split('/').filter(Boolean));
  const imagesChanged = writeImageAssets(imagesDir, images.assets);
  const { pages, notebooks, changed } = writeSite(asRecorded(result, readLock(config.paths.lock)), { ...plan.pages, images: images.served }, plan.dirs);
  const { assets, snapshot, mermaid } = await writeRunAssets(plan.publicDir, result.documents, snapshotFile);
  return {
    result: { ...result, problems: [...result.problems, ...unsuppressed(images.problems, result.suppression ?? NO_SUPPRESSION)] },
    pages, notebooks, changed: [...changed, ...imagesChanged.map((name) => `${IMAGE_ASSETS_BASE}${name}`)], assets, mermaid, images: images.assets.size, snapshot,
  };
}
