import { main } from '../src/cli/dev.ts';
process.exitCode = await main(process.argv.slice(2));
