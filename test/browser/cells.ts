// Driving a runnable cell: shared with the bench, so it lives in src/cli/browser.
export { replaceCellCode } from '../../src/cli/browser/cells.ts';
