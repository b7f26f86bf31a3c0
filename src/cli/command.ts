/** The shape shared by every command, and the options that several commands take. */
import type { OptionDefinitions, ParsedArguments } from "./args.js";
import { UsageError } from "./errors.js";
import type { OutputStream } from "./output.js";

/** The parsed arguments and the process streams that a command runs with. */
export interface CommandContext {
  args: ParsedArguments;
  stdout: OutputStream;
  stderr: OutputStream;
  /** Returns standard input, so that only the commands that read it create the stream. */
  openStdin: () => NodeJS.ReadableStream;
  environment: NodeJS.ProcessEnv;
}

export interface Command {
  name: string;
  /** One line for the command list of `gql --help`. */
  summary: string;
  /** The full text of `gql COMMAND --help`. */
  help: string;
  options: OptionDefinitions;
  /** Runs the command and returns its exit status; throws `CliError` for errors of the user. */
  run(context: CommandContext): Promise<number>;
}

export const helpOption: OptionDefinitions = { help: { type: "boolean", short: "h" } };

export const datasetOptions: OptionDefinitions = {
  dataset: { type: "string" },
  "dataset-file": { type: "string" },
};

export const colorOptions: OptionDefinitions = {
  color: { type: "boolean" },
  "no-color": { type: "boolean" },
};

/** Help lines for the dataset options, shared by the commands that take them. */
export const datasetOptionsHelp = `  --dataset NAME        The built-in dataset: files, activity or streaming.
  --dataset-file PATH   A JSON file with a dataset definition instead: the object that
                        defineDataset takes, such as the output of gql fields --json.`;

/** Returns the single query argument of a command, or throws `UsageError` for none or several. */
export function takeQuery(args: ParsedArguments): string {
  const positionals = args.positionals;
  const [query, ...rest] = positionals;
  if (query === undefined) {
    throw new UsageError("the query is missing; give it as one argument, for example 'classification >= CONFIDENTIAL'.", args.command);
  }
  if (rest.length > 0) {
    throw new UsageError(
      `expected one query argument, got ${positionals.length}; put the whole query in quotes, for example 'size > 10MB AND sensitive = true'.`,
      args.command,
    );
  }
  return query;
}
