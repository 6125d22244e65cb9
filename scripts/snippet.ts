import { main } from '../src/cli/snippet.ts';
process.exitCode = await main(process.argv.slice(2));
