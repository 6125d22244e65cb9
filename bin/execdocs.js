#!/usr/bin/env node
// The installed command. Plain JavaScript that any Node runs, because it may be started by an old
// one (Node 20 is many systems' own): the checker needs a Node with WebAssembly stack switching
// (JSPI, Node 24 and later) and Astro needs >= 22.12. An older Node hands over to the `node`
// package's binary when one is installed beside this package, or says in one line what to do.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const NEEDED = 'Node.js 24 or newer';

function capable() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  const astro = major > 22 || (major === 22 && minor >= 12);
  return astro && typeof WebAssembly.Suspending === 'function';
}

/** The binary of the `node` package (https://www.npmjs.com/package/node), if it is installed where this package can see it. */
function packagedNode() {
  try {
    const binary = join(dirname(createRequire(import.meta.url).resolve('node/package.json')), 'bin', 'node');
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

if (!capable()) {
  const node = process.env.EXECDOCS_REEXEC ? null : packagedNode();
  if (!node) {
    process.stderr.write(`execdocs needs ${NEEDED} (this is ${process.version}): run \`npm install --save-dev node@26\` beside it, or install one from https://nodejs.org\n`);
    process.exit(2);
  }
  const child = spawnSync(node, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, EXECDOCS_REEXEC: '1' } });
  process.exit(child.status ?? 1);
}

// From a checkout, the TypeScript sources run as they are; an installed package (inside
// node_modules, where Node strips no types) runs the JavaScript its prepack step compiled.
const here = dirname(fileURLToPath(import.meta.url));
const source = join(here, '..', 'src', 'cli', 'main.ts');
const entry = !here.split(sep).includes('node_modules') && existsSync(source) ? source : join(here, '..', 'lib', 'cli', 'main.js');
const { main } = await import(pathToFileURL(entry).href);
process.exitCode = await main(process.argv.slice(2));
