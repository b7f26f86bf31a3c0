/** Dispatches a command line to its command and turns user errors into messages and exit statuses. */
import { readFile } from "node:fs/promises";
import { parseCommandArguments, requestsHelp } from "./args.js";
import type { Command } from "./command.js";
import { checkCommand } from "./commands/check.js";
import { fieldsCommand } from "./commands/fields.js";
import { filterCommand } from "./commands/filter.js";
import { explainCommand } from "./commands/explain.js";
import { fmtCommand } from "./commands/fmt.js";
import { createHelpCommand } from "./commands/help.js";
import { CliError, exitCodes, UsageError } from "./errors.js";
import type { OutputStream } from "./output.js";
import { describeSystemError } from "./text.js";
import { mainHelp, unknownCommand } from "./usage.js";

export interface CliStreams {
  stdout: OutputStream;
  stderr: OutputStream;
  /** Returns standard input, so that only the commands that read it create the stream. */
  openStdin: () => NodeJS.ReadableStream;
  environment: NodeJS.ProcessEnv;
}

const baseCommands: readonly Command[] = [checkCommand, filterCommand, explainCommand, fieldsCommand, fmtCommand];
const commands: readonly Command[] = [...baseCommands, createHelpCommand(baseCommands)];

/** Runs one command line (without the node and script arguments) and returns the exit status. */
export async function runCli(argv: readonly string[], streams: CliStreams): Promise<number> {
  try {
    return await dispatch(argv, streams);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    const where = error.command === undefined ? "gql" : `gql ${error.command}`;
    await streams.stderr.writeLine(`${where}: ${error.message}`);
    if (error instanceof UsageError) {
      await streams.stderr.writeLine(error.command === undefined ? "Run gql --help for usage." : `Run gql ${error.command} --help for usage.`);
    }
    return error.exitCode;
  }
}

async function dispatch(argv: readonly string[], streams: CliStreams): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    throw new UsageError(`no command given; the commands are ${commands.map((command) => command.name).join(", ")}.`, undefined);
  }
  if (first === "--help" || first === "-h") {
    await streams.stdout.write(mainHelp(commands));
    return exitCodes.success;
  }
  if (first === "--version" || first === "-V") {
    await streams.stdout.writeLine(await readVersion());
    return exitCodes.success;
  }
  if (first.startsWith("-")) {
    throw new UsageError(`expected a command before the option ${first}; for example gql check --dataset files QUERY.`, undefined);
  }

  const command = commands.find((candidate) => candidate.name === first);
  if (command === undefined) throw unknownCommand(first, commands);
  if (requestsHelp(rest)) {
    await streams.stdout.write(command.help);
    return exitCodes.success;
  }
  const args = parseCommandArguments(command.name, rest, command.options);
  // A help flag inside a group of short options, such as -qh, is only seen after parsing.
  if (args.flag("help") === true) {
    await streams.stdout.write(command.help);
    return exitCodes.success;
  }
  return command.run({ args, ...streams });
}

/** Reads the version from the package.json next to dist/, where the bundled dist/cli.js runs. */
async function readVersion(): Promise<string> {
  const location = new URL("../package.json", import.meta.url);
  try {
    const manifest = JSON.parse(await readFile(location, "utf8")) as { version?: unknown };
    if (typeof manifest.version === "string") return manifest.version;
  } catch (error) {
    throw new CliError(`cannot read the version from ${location.pathname}: ${describeSystemError(error)}.`, exitCodes.failure, undefined);
  }
  throw new CliError(`${location.pathname} has no version string.`, exitCodes.failure, undefined);
}
