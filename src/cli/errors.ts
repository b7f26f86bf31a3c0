/**
 * Errors that end a command with a message for the user and an exit status, never with a stack
 * trace. Any other error that reaches the entry point is a bug in gql.
 */

/** Exit statuses shared by every command. */
export const exitCodes = {
  success: 0,
  /** The command ran, but found an invalid query, a malformed line under --strict, or an unreadable file. */
  failure: 1,
  /** The command line is wrong: unknown command or option, missing argument, unknown or invalid dataset. */
  usage: 2,
  /** An unexpected error, which is a bug in gql. */
  internal: 3,
} as const;

/** An error of the user: the message is printed after "gql COMMAND: " and the process exits with `exitCode`. */
export class CliError extends Error {
  override readonly name: string = "CliError";

  constructor(
    message: string,
    readonly exitCode: number,
    /** The command that failed; `undefined` before a command was chosen. */
    readonly command: string | undefined,
  ) {
    super(message);
  }
}

/** A wrong command line: printed with a pointer to the help of the command, exit status 2. */
export class UsageError extends CliError {
  override readonly name = "UsageError";

  constructor(message: string, command: string | undefined) {
    super(message, exitCodes.usage, command);
  }
}
