/** The main help text and the errors about the command name. */
import { closestMatch } from "../diagnostics/suggest.js";
import { listWords } from "../diagnostics/quote.js";
import type { Command } from "./command.js";
import { UsageError } from "./errors.js";
import { describeArgument } from "./text.js";

export function mainHelp(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  const list = commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join("\n");
  return `gql: check, format and run GQL filters over data-security events.

Usage: gql COMMAND [OPTIONS] [ARGUMENTS]

Commands:
${list}

Options:
  -h, --help     Show this help.
  -V, --version  Print the version of gql.

A query is checked against a dataset: a built-in one (--dataset files, activity or
streaming) or one defined in a JSON file (--dataset-file PATH).

Exit status: 0 success, 1 invalid query or failed input, 2 usage error, 3 internal error
(a bug in gql). Each command's help gives the details.

Run gql help COMMAND or gql COMMAND --help for the options of a command.
`;
}

export function unknownCommand(name: string, commands: readonly Command[]): UsageError {
  const names = commands.map((command) => command.name);
  const closest = closestMatch(name, names);
  const hint = closest === undefined ? ` The commands are ${listWords(names, "and")}.` : ` Did you mean ${closest}?`;
  return new UsageError(`unknown command ${describeArgument(name)}.${hint}`, undefined);
}
