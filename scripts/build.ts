import { main } from '../src/cli/build.ts';
process.exitCode = await main();
