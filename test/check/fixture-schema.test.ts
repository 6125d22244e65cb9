// Fixture files are validated before any interpreter starts: each kind of mistake is a problem at
// its file and line, and every fixture file the project has is valid.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { fixtureFileSchema } from '../../src/schema/fixtures.ts';
import { validateText } from '../../src/schema/validate.ts';
import { loadDocumentFixtures, loadShared } from '../../src/check/fixtures.ts';

const errors = (yaml: string) => validateText(yaml, 'f.fixtures.yaml', fixtureFileSchema).problems.map((p) => `${p.file}:${p.line}: ${p.message}`);

const root = mkdtempSync(join(tmpdir(), 'fixtures-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the fixture schema', () => {
  const projectFiles = [
    'content/fixtures/world.yaml',
    ...['test/world/cases', 'test/differential/programs'].flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.fixtures.yaml')).map((f) => join(dir, f))),
  ];

  it('accepts every fixture file of the project', () => {
    expect(projectFiles.length).toBeGreaterThan(5);
    for (const file of projectFiles) expect([file, errors(readFileSync(file, 'utf8'))]).toEqual([file, []]);
  });

  it('accepts each form the README describes', () => {
    expect(errors([
      'description: every form',
      'http:',
      '  default: {status: 200, body: "hi", latency: 1}',
      '  routes:',
      '    - url: "https://httpbin.org/delay/{seconds}"',
      '      method: [GET, POST]',
      '      status: "{code}"',
      '      headers: [[X-A, 1], [X-B, two]]',
      '      latency: "{seconds}"',
      '      times: 2',
      '      echo: true',
      '    - host: "*.example.com"',
      '      fault: {type: dns, latency: 0.5, address: 10.0.0.1}',
      '    - url: "https://a.example/b"',
      '      fault: {status: 503, body: "down"}',
      '    - url: "https://a.example/c"',
      '      body_base64: "aGk="',
      '      echo: [args, json]',
      'databases:',
      '  - dsn: "postgresql://*"',
      '    latency: 0.1',
      '    schema: "CREATE TABLE t (a INT);"',
      '    rows: {t: [[1], {a: 2}]}',
      '    fault: auth',
      'files:',
      '  a.txt: "text"',
      '  b.log: {content: "x\\n", repeat: 3}',
      'file_io: {latency: 0.01}',
    ].join('\n'))).toEqual([]);
  });

  it('names the line and the field of each kind of mistake', () => {
    expect(errors([
      'http:',                                  // 1
      '  routes:',                              // 2
      '    - url: "example.com/x"',             // 3
      '      latency: -1',                      // 4
      '    - method: GET',                      // 5
      '      status: 700',                      // 6
      '    - url: "https://a/b"',               // 7
      '      fault: explode',                   // 8
      '      echo: [nope]',                     // 9
      '      lattency: 1',                      // 10
      '  default: {url: "https://x/"}',         // 11
      'databases:',                             // 12
      '  - latency: 1',                         // 13
      '  - dsn: "postgresql://*"',              // 14
      '    fault: down',                        // 15
      '    rows: {t: [1]}',                     // 16
      'files:',                                 // 17
      '  a.txt: {content: 1}',                  // 18
      'file_io: {latency: slow}',               // 19
      'routes: []',                             // 20
    ].join('\n'))).toEqual([
      'f.fixtures.yaml:3: http.routes.0.url: a route url needs a scheme (https://…)',
      'f.fixtures.yaml:4: http.routes.0.latency: must be at least 0 (got -1)',
      'f.fixtures.yaml:5: http.routes.1: a route needs `url:` or `host:`',
      'f.fixtures.yaml:6: http.routes.1.status: must be at most 599 (got 700)',
      'f.fixtures.yaml:8: http.routes.2.fault: must be one of timeout, refused, dns, reset or a mapping such as {status: 500}',
      'f.fixtures.yaml:9: http.routes.2.echo: must be true or a list of args, data, files, form, headers, json, method, origin, url',
      expect.stringMatching(/^f\.fixtures\.yaml:10: http\.routes\.2\.lattency: unknown field \(known: url, host, method, /),
      expect.stringMatching(/^f\.fixtures\.yaml:11: http\.default\.url: unknown field/),
      'f.fixtures.yaml:13: databases.0.dsn: is required',
      'f.fixtures.yaml:15: databases.1.fault: must be one of "refused", "auth" (got "down")',
      'f.fixtures.yaml:16: databases.1.rows.t.0: a row must be a list of values in column order or a mapping of columns to values',
      'f.fixtures.yaml:18: files.a.txt: must be the text, or a mapping with content (or base64) and repeat',
      'f.fixtures.yaml:19: file_io.latency: must be a number (got "slow")',
      'f.fixtures.yaml:20: routes: unknown field (known: description, http, databases, files, file_io)',
    ]);
  });
});

describe('loading fixture files', () => {
  it('passes a valid file on exactly as written, with its name', () => {
    const [world] = loadShared().fixtures;
    expect(world).toEqual({ ...parse(readFileSync('content/fixtures/world.yaml', 'utf8')), name: 'content/fixtures/world.yaml' });
    // Key order too: the fixtures are part of every cell's cache key.
    expect(JSON.stringify(world)).toBe(JSON.stringify({ ...parse(readFileSync('content/fixtures/world.yaml', 'utf8')), name: 'content/fixtures/world.yaml' }));
  });

  it('leaves out an invalid file with a problem at its own line, and keeps the others', () => {
    const docs = join(root, 'content', 'ko');
    mkdirSync(docs, { recursive: true });
    writeFileSync(join(docs, 'a.fixtures.yaml'), 'http:\n  routes:\n    - url: "https://ok.example/"\n      latency: soon\n');
    writeFileSync(join(docs, 'extra.yaml'), 'files:\n  x.txt: "x"\n');
    const { fixtures, problems } = loadDocumentFixtures(join(docs, 'a.md'), [{ name: 'extra.yaml', settingsFile: join(docs, 'a.snippets.yaml'), line: 3 }], join(root, 'content'));
    expect(problems).toEqual([{ file: expect.stringMatching(/a\.fixtures\.yaml$/), line: 4, message: 'http.routes.0.latency: must be a number, or a string with a URL capture such as "{seconds}" (got "soon")' }]);
    expect(fixtures).toEqual([{ files: { 'x.txt': 'x' }, name: expect.stringMatching(/extra\.yaml$/) }]);
  });

  it('reads an empty file as declaring nothing', () => {
    const dir = join(root, 'empty');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'e.fixtures.yaml'), '# nothing yet\n');
    expect(loadDocumentFixtures(join(dir, 'e.md'), [], root)).toEqual({ fixtures: [{ name: expect.stringMatching(/e\.fixtures\.yaml$/) }], problems: [] });
  });
});
