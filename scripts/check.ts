import { main } from '../src/cli/check.ts';
process.exitCode = await main(process.argv.slice(2));
