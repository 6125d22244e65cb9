import { main } from '../src/cli/lint-python.ts';
process.exitCode = await main();
