// prepack's pure parts: `.ts` specifiers pointed at the compiled `.js`, and the check that lib/
// imports no package missing from package.json's dependencies.
import { describe, expect, it } from 'vitest';
import { bareImports, pointAtJs, undeclaredImports } from '../../scripts/prepack.ts';

describe('pointAtJs', () => {
  it('rewrites relative .ts specifiers of static and dynamic imports and of new URL, in any quote', () => {
    expect(pointAtJs(`import { a } from "./a.ts";\nconst b = () => import('../cli/b.ts');\nnew URL(\`./worker.ts\`, import.meta.url);`))
      .toBe(`import { a } from "./a.js";\nconst b = () => import('../cli/b.js');\nnew URL(\`./worker.js\`, import.meta.url);`);
  });

  it('leaves packages, declarations of other files and non-relative names alone', () => {
    const text = `import x from 'pkg/file.ts';\nconst config = 'astro.config.ts';\nconst name = "./notes.tsx";`;
    expect(pointAtJs(text)).toBe(text);
  });
});

describe('bareImports and undeclaredImports', () => {
  const module = [
    `import { a } from "astro/config";`, `import * as fs from "node:fs";`, `import "@codemirror/view/style.css";`,
    `export { b } from "./local.js";`, `const c = await import("playwright-core");`, `const p = require.resolve("pyodide/package.json");`,
    `import { x } from "astro:content";`, `import path from "path";`,
  ].join('\n');

  it('names the packages a module imports or resolves, not builtins, relative files or virtual modules', () => {
    expect(bareImports(module).sort()).toEqual(['@codemirror/view', 'astro', 'playwright-core', 'pyodide']);
  });

  it('names the module and each package missing from dependencies', () => {
    expect(undeclaredImports({ 'cli/x.js': module, 'ok.js': 'import "astro";' }, ['astro', '@codemirror/view', 'pyodide'], 'execdocs'))
      .toEqual(['lib/cli/x.js: imports playwright-core, not in package.json\'s dependencies']);
  });
});
