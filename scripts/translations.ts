// Kept for callers that run the file itself (the bench); npm run translations goes through bin/execdocs.js.
import { main } from '../src/cli/main.ts';
process.exitCode = await main(['translations', ...process.argv.slice(2)]);
