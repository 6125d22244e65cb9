import { main } from '../src/cli/bench.ts';
process.exitCode = await main(process.argv.slice(2));
