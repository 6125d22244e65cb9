// Every command's arguments go through here: Node's own parser in strict mode, so a typo
// (`--reprot`) or a flag without its value stops the command with one line and exit 2 instead of
// being ignored, and `--help` answers the same way everywhere.
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

export interface CommandSpec<O extends ParseArgsOptionsConfig> {
  /** How the command is called, for messages: `execdocs check`. */
  name: string;
  /** The synopsis: `[DIR...] [--report FILE.json]`. */
  usage: string;
  /** What `--help` prints after the synopsis: one line per option. */
  help: string;
  options: O;
  positionals?: boolean;
}

export type Parsed<O extends ParseArgsOptionsConfig> = ReturnType<typeof parseArgs<{ options: O; strict: true; allowPositionals: boolean }>>;

/** Bad usage: the one line the command prints before exiting with 2. */
export class UsageError extends Error {}

/** What a spec answers instead of running: the help text (exit 0) or a usage error (exit 2). */
export type Outcome<O extends ParseArgsOptionsConfig> = { ok: true; values: Parsed<O>['values']; positionals: string[] } | { ok: false; exit: 0 | 2; text: string };

/** parseArgs' messages, each cut to one line that names the option. */
function oneLine(error: Error & { code?: string }): string {
  const option = /'(-[^' ]+)/.exec(error.message)?.[1];
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${option ?? error.message}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /takes no argument|does not take an argument/.test(error.message) ? `${option} takes no value` : `${option} needs a value`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument ${/'([^']*)'/.exec(error.message)?.[1] ?? ''}: this command takes no directory or file`;
    default:
      return error.message.split('\n')[0]!;
  }
}

export function parseCommand<O extends ParseArgsOptionsConfig>(argv: string[], spec: CommandSpec<O>): Outcome<O> {
  const options = { ...spec.options, help: { type: 'boolean', short: 'h' } } as O;
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, strict: true, allowPositionals: spec.positionals ?? false });
  } catch (error) {
    return { ok: false, exit: 2, text: `${spec.name}: ${oneLine(error as Error)} (see ${spec.name} --help)` };
  }
  if ((parsed.values as { help?: boolean }).help) {
    return { ok: false, exit: 0, text: `usage: ${spec.name} ${spec.usage}\n${spec.help.replace(/\n+$/, '')}` };
  }
  // A string option given as `--name=` (or `--name ''`) says nothing: as bad as leaving it out.
  for (const [name, value] of Object.entries(parsed.values)) {
    const values = Array.isArray(value) ? value : [value];
    if (values.some((v) => v === '')) return { ok: false, exit: 2, text: `${spec.name}: --${name} needs a value (see ${spec.name} --help)` };
  }
  return { ok: true, values: parsed.values as Parsed<O>['values'], positionals: parsed.positionals };
}

/** The outcome told: help on stdout, a usage error on stderr; the exit code. */
export function answer(outcome: { exit: 0 | 2; text: string }): number {
  (outcome.exit === 0 ? process.stdout : process.stderr).write(`${outcome.text}\n`);
  return outcome.exit;
}

/** The configuration's flags, shared by the commands that read it. */
export const CONFIG_OPTIONS = {
  config: { type: 'string' },
} as const satisfies ParseArgsOptionsConfig;

export const CONFIG_HELP = '  --config FILE       the configuration (default: execdocs.config.json in the working directory)';
