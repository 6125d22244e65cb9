// Kept for callers that run the file itself (the bench); npm run dev goes through bin/execdocs.js.
import { main } from '../src/cli/main.ts';
process.exitCode = await main(['dev', ...process.argv.slice(2)]);
