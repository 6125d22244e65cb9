// One setting for where the sources live: package.json's `repository`. With it, edit links and
// source-line links; without it (or with something that is no https address), none at all.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { editBaseUrl, editFileUrl, readRepository, repositoryUrl, sourceLineUrl } from '../../src/emit/repository.ts';

const REPO = 'https://github.com/asyncio-executable-guide/asyncio-executable-guide';

describe('the repository setting', () => {
  it('reads the project\'s package.json', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(readRepository()).toBe(repositoryUrl(pkg));
    expect(readRepository()).toBe(REPO);
  });

  it('accepts the object and string forms, without git+ and .git', () => {
    expect(repositoryUrl({ repository: { type: 'git', url: REPO } })).toBe(REPO);
    expect(repositoryUrl({ repository: `git+${REPO}.git` })).toBe(REPO);
    expect(repositoryUrl({ repository: `${REPO}/` })).toBe(REPO);
  });

  it('is no repository when absent or not an https address', () => {
    for (const pkg of [{}, null, { repository: '' }, { repository: { type: 'git' } }, { repository: 'github:owner/name' },
      { repository: 'javascript:alert(1)' }, { repository: 'http://example.com/x' }, { repository: 'https://example.com/' }, { repository: 42 }]) {
      expect(repositoryUrl(pkg), JSON.stringify(pkg)).toBeNull();
    }
  });

  it('reads no repository from a package.json without one, or from no file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'repo-'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'x' }));
    expect(readRepository(join(dir, 'package.json'))).toBeNull();
    expect(readRepository(join(dir, 'missing.json'))).toBeNull();
  });

  it('links source lines and edit pages under the repository', () => {
    expect(sourceLineUrl(REPO, 'content/ko/asyncio-basics.md', 42)).toBe(`${REPO}/blob/main/content/ko/asyncio-basics.md#L42`);
    expect(editBaseUrl(REPO)).toBe(`${REPO}/edit/main/`);
    expect(editFileUrl(REPO, 'content/en/asyncio-basics.yaml')).toBe(`${REPO}/edit/main/content/en/asyncio-basics.yaml`);
    expect(sourceLineUrl(REPO, 'content/ko/a b#c?.md', 1)).toBe(`${REPO}/blob/main/content/ko/a%20b%23c%3F.md#L1`);
  });

  it('links nothing without a repository, or for a file outside it', () => {
    expect(sourceLineUrl(null, 'content/ko/asyncio-basics.md', 42)).toBeNull();
    expect(editBaseUrl(null)).toBeNull();
    expect(editFileUrl(null, 'content/ko/asyncio-basics.md')).toBeNull();
    for (const file of ['/tmp/x.md', '../elsewhere/x.md', 'content//x.md', 'C:/x.md', '']) expect(sourceLineUrl(REPO, file, 1), file).toBeNull();
    expect(sourceLineUrl(REPO, 'content/ko/x.md', 0)).toBeNull();
  });
});
