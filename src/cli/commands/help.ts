import type { Command } from "../command.js";
import { helpOption } from "../command.js";
import { exitCodes, UsageError } from "../errors.js";
import { mainHelp, unknownCommand } from "../usage.js";

/** Creates `gql help [COMMAND]`, which prints the main help or the help of one command. */
export function createHelpCommand(commands: readonly Command[]): Command {
  const helpCommand: Command = {
    name: "help",
    summary: "Show the help of gql or of one command.",
    options: helpOption,
    help: `Usage: gql help [COMMAND]

Prints the help of COMMAND, or without one, the list of commands. gql COMMAND --help
prints the same text.

Exit status:
  0  the help was printed
  2  unknown command
`,

    async run({ args, stdout }) {
      const all = [...commands, helpCommand];
      const [name, ...rest] = args.positionals;
      if (rest.length > 0) throw new UsageError(`expected at most one command name, got ${args.positionals.length}.`, "help");
      if (name === undefined) {
        await stdout.write(mainHelp(all));
        return exitCodes.success;
      }
      const command = all.find((candidate) => candidate.name === name);
      if (command === undefined) throw unknownCommand(name, all);
      await stdout.write(command.help);
      return exitCodes.success;
    },
  };
  return helpCommand;
}
