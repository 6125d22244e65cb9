// Where the guide's sources live online: one setting (package.json's `repository`), read here and
// nowhere else. It drives Starlight's "edit this page" (astro.config.mjs) and the errata page's links
// to source lines. Without it the site links to no repository at all, rather than to a guess.
import { readFileSync } from 'node:fs';

/** The branch links point at. */
export const BRANCH = 'main';

/**
 * The repository's web address from a package.json's `repository` field (a string or
 * `{ type, url }`), as `https://host/owner/name` without `git+`, `.git` or a trailing slash. Only
 * an https address is a link a reader can follow; anything else counts as no repository.
 */
export function repositoryUrl(pkg: unknown): string | null {
  const field = (pkg as { repository?: unknown } | null)?.repository;
  const raw = typeof field === 'string' ? field : typeof (field as { url?: unknown } | undefined)?.url === 'string' ? (field as { url: string }).url : null;
  if (!raw) return null;
  const url = raw.trim().replace(/^git\+/, '').replace(/\.git$/, '').replace(/\/+$/, '');
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' || parsed.search || parsed.hash || parsed.pathname === '/' || !parsed.pathname) return null;
    return parsed.href.replace(/\/+$/, '');
  } catch {
    return null;
  }
}

/** The repository named in the project's package.json, or null. */
export function readRepository(file: string | URL = new URL('../../package.json', import.meta.url)): string | null {
  try {
    return repositoryUrl(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return null;
  }
}

/** A file path inside the repository as URL path segments; null for a path outside it. */
function repoPath(file: string): string | null {
  const parts = file.replace(/\\/g, '/').split('/');
  if (!file || file.startsWith('/') || /^[a-z]:/i.test(file) || parts.some((p) => p === '..' || p === '')) return null;
  return parts.map((p) => encodeURIComponent(p)).join('/');
}

/** Starlight's `editLink.baseUrl`: edit links are this plus a path from the project's root. */
export function editBaseUrl(repository: string | null): string | null {
  return repository ? `${repository}/edit/${BRANCH}/` : null;
}

/** The edit page of one file of the repository. */
export function editFileUrl(repository: string | null, file: string): string | null {
  const path = repoPath(file);
  return repository && path ? `${editBaseUrl(repository)}${path}` : null;
}

/** A line of a file as the repository shows it. */
export function sourceLineUrl(repository: string | null, file: string, line: number): string | null {
  const base = sourceLineBase(repository, file);
  return base && Number.isInteger(line) && line > 0 ? `${base}${line}` : null;
}

/** The address of a file's lines in the repository, to which a line number is added; null: none. */
export function sourceLineBase(repository: string | null, file: string): string | null {
  const path = repoPath(file);
  return repository && path ? `${repository}/blob/${BRANCH}/${path}#L` : null;
}
