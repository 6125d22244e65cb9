import { main } from '../src/cli/reproducible.ts';
process.exitCode = await main(process.argv.slice(2));
