import { main } from '../src/cli/translations.ts';
process.exitCode = await main(process.argv.slice(2));
