/**
 * Entry point of the gql command (built to dist/cli.js). User errors end with a message and exit
 * status 1 or 2; any other error is a bug in gql and is printed with its stack trace, exit status 3.
 */
import { exitCodes } from "./errors.js";
import { OutputStream } from "./output.js";
import { runCli } from "./run.js";

function reportBug(error: unknown): void {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`gql: internal error, which is a bug in gql; please report it with the command line that caused it.\n${detail}\n`);
  process.exitCode = exitCodes.internal;
}

// The process state is unknown after an uncaught error, so it ends at once.
for (const event of ["uncaughtException", "unhandledRejection"] as const) {
  process.on(event, (error: unknown) => {
    reportBug(error);
    process.exit(exitCodes.internal);
  });
}

const streams = {
  stdout: new OutputStream(process.stdout),
  stderr: new OutputStream(process.stderr),
  openStdin: () => process.stdin,
  environment: process.env,
};

runCli(process.argv.slice(2), streams).then((status) => {
  process.exitCode = status;
}, reportBug);
