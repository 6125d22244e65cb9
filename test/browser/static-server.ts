// The static server for dist/: shared with the bench, so it lives in src/cli/browser.
export { serveDirectory } from '../../src/cli/browser/static-server.ts';
