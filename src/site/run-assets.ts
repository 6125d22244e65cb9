// What a site's pages load at run time, written into a public folder: Pyodide and the documents'
// fixtures and the interpreter snapshot under pyodide/, Mermaid's modules under mermaid/<version>/.
// The generated site (src/site/pages.ts) and the Starlight plugin (src/integration/) both write them.
import { join } from 'node:path';
import type { CheckedDocument } from '../check/run.ts';
import { writePyodideAssets } from '../emit/pyodide-assets.ts';
import { writeMermaidAssets } from '../emit/mermaid-assets.ts';
import { writeSiteSnapshot } from '../emit/site-snapshot.ts';
import { MERMAID_BASE } from '../components/mermaid-module.ts';

export interface RunAssets {
  assets: { files: number; bytes: number };
  mermaid: { files: number; bytes: number };
  snapshot: Awaited<ReturnType<typeof writeSiteSnapshot>>;
}

export async function writeRunAssets(publicDir: string, documents: Pick<CheckedDocument, 'document' | 'fixtures'>[], snapshotFile: string | null): Promise<RunAssets> {
  const pyodideDir = join(publicDir, 'pyodide');
  const assets = writePyodideAssets(documents, pyodideDir);
  const snapshot = await writeSiteSnapshot(snapshotFile, pyodideDir);
  const mermaid = writeMermaidAssets(join(publicDir, MERMAID_BASE));
  return { assets, mermaid, snapshot };
}
