// The interpreter snapshot a site serves beside Pyodide (written by src/emit/site-snapshot.ts, read
// by src/kernel/browser/worker.ts). Browser-safe: names and types only.

export const SITE_SNAPSHOT_MANIFEST = 'kernel-snapshot.json';

export interface SiteSnapshotManifest {
  /** The snapshot key (browser/snapshot.ts `snapshotKey`) of the interpreter it holds. */
  key: string;
  /** The gzip-compressed snapshot, beside the manifest. */
  file: string;
  /** Its size uncompressed and compressed. */
  bytes: number;
  gzipBytes: number;
}

export function siteSnapshotFile(key: string): string {
  return `kernel-snapshot-${key}.bin.gz`;
}
