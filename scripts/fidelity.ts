import { main } from '../src/cli/fidelity.ts';
process.exitCode = await main(process.argv.slice(2));
