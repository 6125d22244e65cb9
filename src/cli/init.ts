// `execdocs init [DIR...]`: a starter configuration (execdocs.config.json) for the repository in the
// working directory, and a GitHub workflow that checks the documents on every push and pull request
// through this package's action (action.yml). Files that exist are left as they are.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { repositoryUrl } from '../emit/repository.ts';
import { consoleText } from '../emit/escape.ts';
import { detectLanguage } from '../config/language.ts';
import { sourceFiles } from '../config/load.ts';
import { CONFIG_FILE } from '../config/schema.ts';
import { answer, parseCommand } from './args.ts';

const SPEC = {
  name: 'execdocs init',
  usage: '[DIR...] [--title TEXT]',
  help: ['Writes execdocs.config.json (the documents in DIR..., default docs/) and .github/workflows/execdocs.yml.',
    'Existing files are kept.', '  --title TEXT        the site\'s title (default: the repository\'s folder name)'].join('\n'),
  positionals: true,
  options: { title: { type: 'string' } },
} as const;

export const WORKFLOW_FILE = join('.github', 'workflows', 'execdocs.yml');

/** The action's repository (`owner/name` on GitHub), from this package's own package.json. */
export function actionRepository(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as unknown;
  const url = repositoryUrl(pkg);
  const match = url ? /^https:\/\/github\.com\/([^/]+\/[^/]+)$/.exec(url) : null;
  return match?.[1] ?? 'asyncio-executable-guide/asyncio-executable-guide';
}

/** The repository's address on the web from its `origin` remote, when that is an https or GitHub ssh address. */
function originUrl(cwd: string): string | null {
  const git = spawnSync('git', ['remote', 'get-url', 'origin'], { cwd, encoding: 'utf8' });
  if (git.status !== 0) return null;
  const remote = git.stdout.trim().replace(/^git@github\.com:/, 'https://github.com/');
  return repositoryUrl({ repository: remote });
}

export function starterConfig(sources: string[], options: { title: string; language: string | null; repository: string | null }): object {
  return {
    title: options.title,
    sources,
    ...(options.language ? { language: options.language } : {}),
    ...(options.repository ? { repository: options.repository } : {}),
  };
}

/**
 * The workflow; `install` (the repository has a package.json, so execdocs is one of its
 * devDependencies) installs it first, so the action runs the version the team runs rather than its own.
 */
export function starterWorkflow(sources: string[], action = actionRepository(), options: { install?: boolean } = {}): string {
  const install = options.install ? '      - run: npm ci --no-audit --no-fund\n' : '';
  return `# Checks the documents' python blocks on every push and pull request: a block whose output
# drifted from what the document says fails the run, with an annotation on its line.
name: execdocs
on:
  push:
  pull_request:
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
${install}      - uses: ${action}@main
        with:
          sources: ${sources.join(' ')}
`;
}

export async function main(argv: string[]): Promise<number> {
  const parsed = parseCommand(argv, SPEC);
  if (!parsed.ok) return answer(parsed);
  const cwd = process.cwd();
  const sources = parsed.positionals.length ? parsed.positionals : ['docs'];
  const listed = sourceFiles({ sources });
  if (listed.problems.length > 0) {
    process.stderr.write(`execdocs init: ${listed.problems.map(consoleText).join('; ')} (name the folders of your Markdown documents: execdocs init DIR...)\n`);
    return 2;
  }
  const written: string[] = [];
  const kept: string[] = [];
  if (existsSync(CONFIG_FILE)) kept.push(CONFIG_FILE);
  else {
    const config = starterConfig(sources, { title: parsed.values.title ?? basename(cwd), language: detectLanguage(listed.files), repository: originUrl(cwd) });
    writeFileSync(CONFIG_FILE, JSON.stringify(config, null, 2) + '\n');
    written.push(CONFIG_FILE);
  }
  if (existsSync(WORKFLOW_FILE)) kept.push(WORKFLOW_FILE);
  else {
    mkdirSync(dirname(WORKFLOW_FILE), { recursive: true });
    writeFileSync(WORKFLOW_FILE, starterWorkflow(sources, actionRepository(), { install: existsSync('package.json') }));
    written.push(WORKFLOW_FILE);
  }
  for (const file of written) process.stdout.write(`wrote ${file}\n`);
  for (const file of kept) process.stdout.write(`kept ${file} (it exists)\n`);
  process.stdout.write(`${listed.files.length} document(s) in ${sources.join(', ')}. Next: execdocs check, then execdocs build. Results and the generated site are kept in .cache/ (add it to .gitignore).\n`);
  return 0;
}
