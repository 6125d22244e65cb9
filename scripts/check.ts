// Kept for callers that run the file itself (the bench); npm run check goes through bin/execdocs.js.
import { main } from '../src/cli/main.ts';
process.exitCode = await main(['check', ...process.argv.slice(2)]);
