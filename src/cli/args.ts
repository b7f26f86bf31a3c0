/**
 * Command-line parsing on top of `util.parseArgs`, with messages that name the command and suggest
 * the closest option. Options may appear before, between or after the positional arguments, and
 * `--` ends the options.
 */
import { parseArgs } from "node:util";
import { closestMatch } from "../diagnostics/suggest.js";
import { UsageError } from "./errors.js";
import { describeArgument } from "./text.js";

export interface OptionDefinition {
  type: "string" | "boolean";
  short?: string;
}

export type OptionDefinitions = Readonly<Record<string, OptionDefinition>>;

/** The options and positional arguments of one command. */
export class ParsedArguments {
  constructor(
    readonly command: string,
    private readonly strings: ReadonlyMap<string, string>,
    private readonly flags: ReadonlyMap<string, boolean>,
    readonly positionals: readonly string[],
  ) {}

  /** Returns the value of a string option; when the option is repeated, the last value counts. */
  string(name: string): string | undefined {
    return this.strings.get(name);
  }

  /**
   * Returns a boolean option: `true` for `--name`, `false` for `--no-name` (when the command defines
   * it), and `undefined` when neither was given. The last of the two wins.
   */
  flag(name: string): boolean | undefined {
    return this.flags.get(name);
  }
}

/**
 * Parses the arguments after the command name. Throws `UsageError` for an unknown option, a string
 * option without a value, or a value given to a boolean option.
 */
export function parseCommandArguments(command: string, argv: readonly string[], definitions: OptionDefinitions): ParsedArguments {
  const { tokens } = parseArgs({ args: [...argv], options: { ...definitions }, strict: false, allowPositionals: true, tokens: true });
  const strings = new Map<string, string>();
  const flags = new Map<string, boolean>();
  const positionals: string[] = [];

  for (const token of tokens) {
    if (token.kind === "positional") {
      positionals.push(token.value);
      continue;
    }
    if (token.kind !== "option") continue;

    const definition = Object.hasOwn(definitions, token.name) ? definitions[token.name] : undefined;
    if (definition === undefined) throw unknownOption(command, token.rawName, definitions);

    if (definition.type === "boolean") {
      if (token.value !== undefined) {
        throw new UsageError(`the option ${token.rawName} takes no value, but was given ${describeArgument(token.value)}.`, command);
      }
      if (token.name.startsWith("no-") && Object.hasOwn(definitions, token.name.slice(3))) flags.set(token.name.slice(3), false);
      else flags.set(token.name, true);
      continue;
    }

    // parseArgs takes the next argument as the value even when it looks like an option, so
    // `--dataset --json` would set the dataset to "--json". A value that starts with "-" must
    // therefore be written inline, as in --dataset-file=-x.json.
    if (token.value === undefined || (!token.inlineValue && token.value.startsWith("-") && token.value !== "-")) {
      const example = token.rawName.startsWith("--") ? `${token.rawName}=VALUE` : `${token.rawName} VALUE`;
      throw new UsageError(`the option ${token.rawName} needs a value (${example}).`, command);
    }
    strings.set(token.name, token.value);
  }
  return new ParsedArguments(command, strings, flags, positionals);
}

/**
 * Tells whether the arguments ask for help, before any other check, so that `gql filter --help`
 * works even when the rest of the command line is incomplete or wrong.
 */
export function requestsHelp(argv: readonly string[]): boolean {
  for (const argument of argv) {
    if (argument === "--") return false;
    if (argument === "--help" || argument === "-h") return true;
  }
  return false;
}

function unknownOption(command: string, rawName: string, definitions: OptionDefinitions): UsageError {
  const spellings = Object.entries(definitions).flatMap(([name, definition]) =>
    definition.short === undefined ? [`--${name}`] : [`--${name}`, `-${definition.short}`],
  );
  const closest = rawName.startsWith("--") ? closestMatch(rawName, spellings) : undefined;
  const hint = closest === undefined ? "" : ` Did you mean ${closest}?`;
  return new UsageError(`unknown option ${describeArgument(rawName)}.${hint}`, command);
}
