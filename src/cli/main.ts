// `execdocs <command>`: the one entry point of the command line (bin/execdocs.js runs it; so do the
// npm scripts of this repository). Each command parses its own arguments (src/cli/args.ts).
import { readFileSync } from 'node:fs';

type Command = () => Promise<{ main: (argv: string[]) => Promise<number> }>;

const COMMANDS: Record<string, { run: Command; what: string }> = {
  check: { run: () => import('./check.ts'), what: 'run the documents\' python blocks; compare with what they say and with the lock' },
  build: { run: () => import('./build.ts'), what: 'check, then build the site (dist/, or --out DIR)' },
  dev: { run: () => import('./dev.ts'), what: 'serve the site, re-checking a document when it is saved' },
  snippet: { run: () => import('./snippet.ts'), what: 'run Python files on the virtual clock' },
  init: { run: () => import('./init.ts'), what: 'write a starter execdocs.config.json and a GitHub workflow' },
  translations: { run: () => import('./translations.ts'), what: 'the English edition\'s coverage of Korean documents' },
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  return ['usage: execdocs <command> [options]   (execdocs <command> --help for its options)', '',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.what}`)].join('\n');
}

function version(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${usage()}\n`);
    return 0;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  const command = name === undefined ? undefined : COMMANDS[name];
  if (!command) {
    process.stderr.write(`${name === undefined ? 'execdocs: name a command' : `execdocs: unknown command ${JSON.stringify(name)}`} (one of ${Object.keys(COMMANDS).join(', ')}; see execdocs --help)\n`);
    return 2;
  }
  return (await command.run()).main(rest);
}
