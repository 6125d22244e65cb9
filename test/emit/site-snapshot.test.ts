// The snapshot the site serves: compressed beside Pyodide under the key the page's worker computes
// for itself, with a manifest; stale ones removed; none at all when no snapshot could be made.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { steadyGzip, writeSiteSnapshot } from '../../src/emit/site-snapshot.ts';
import { snapshotKey } from '../../src/kernel/browser/snapshot.ts';
import { pyodideVersion } from '../../src/kernel/node/snapshot.ts';
import { readRuntimeFiles } from '../../src/kernel/node/runtime-files.ts';
import { SITE_SNAPSHOT_MANIFEST } from '../../src/kernel/site-snapshot.ts';

describe("the site's interpreter snapshot", () => {
  let dir: string;
  let snapshot: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'site-snapshot-'));
    snapshot = join(dir, 'made.snapshot');
    writeFileSync(snapshot, Buffer.alloc(200_000, 7));
    writeFileSync(join(dir, 'kernel-snapshot-oldkey.bin.gz'), 'old');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is written under the browser's own key, compressed, with its manifest", async () => {
    const manifest = (await writeSiteSnapshot(snapshot, dir))!;
    expect(manifest.key).toBe(await snapshotKey(pyodideVersion(), readRuntimeFiles()));
    expect(JSON.parse(readFileSync(join(dir, SITE_SNAPSHOT_MANIFEST), 'utf8'))).toEqual(manifest);
    expect(gunzipSync(readFileSync(join(dir, manifest.file)))).toEqual(readFileSync(snapshot));
    expect(manifest.bytes).toBe(200_000);
    expect(manifest.gzipBytes).toBeLessThan(2_000);
    expect(readdirSync(dir).filter((f) => f.endsWith('.bin.gz'))).toEqual([manifest.file]);
  });

  it('is removed, manifest and all, when there is no snapshot', async () => {
    expect(await writeSiteSnapshot(null, dir)).toBeNull();
    expect(existsSync(join(dir, SITE_SNAPSHOT_MANIFEST))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.bin.gz'))).toEqual([]);
  });

  it('is compressed to the same bytes every time: no time in the gzip header, a fixed level', () => {
    const bytes = Buffer.from('the same snapshot '.repeat(1000));
    const a = steadyGzip(bytes);
    expect(steadyGzip(bytes)).toEqual(a);
    expect([...a.subarray(0, 10)]).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
    expect(gunzipSync(a)).toEqual(bytes);
  });
});
