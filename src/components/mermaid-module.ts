// Where the page loads Mermaid from: its own prebuilt ES module build, copied as it is into the
// site (src/emit/mermaid-assets.ts) rather than bundled again with the page's script on every
// build. Under its version, so a browser never mixes the files of two releases. The page learns
// the version from the build (`__MERMAID_VERSION__`, astro.config.mjs), the build from the
// installed package.

export const MERMAID_BASE = '/mermaid';
/** The entry module; its chunks sit in chunks/mermaid.esm.min/ beside it. */
export const MERMAID_ENTRY = 'mermaid.esm.min.mjs';

export function mermaidModuleUrl(version: string): string {
  return `${MERMAID_BASE}/${encodeURIComponent(version)}/${MERMAID_ENTRY}`;
}
