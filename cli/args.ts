/// Command-line arguments: positional words and `--name value` / `--flag`
/// options, with the flags a command accepts named up front so a typo is an
/// error, not a silently ignored option.
export interface ParsedArgs {
  positional: string[];
  options: Map<string, string | true>;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

export function parseArgs(argv: readonly string[], valued: readonly string[], flags: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (!word.startsWith('--')) {
      positional.push(word);
      continue;
    }
    const name = word.slice(2);
    if (flags.includes(name)) options.set(name, true);
    else if (valued.includes(name)) {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value.`);
      options.set(name, value);
    } else throw new UsageError(`Unknown option --${name}.`);
  }
  return { positional, options };
}
