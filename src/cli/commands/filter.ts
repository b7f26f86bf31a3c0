import { constants as bufferConstants } from "node:buffer";
import { check } from "../../checker/check.js";
import { compileChecked } from "../../compiler/compile.js";
import { createLinePrefilter } from "../../stream/prefilter.js";
import { formatDiagnostics } from "../../diagnostics/format.js";
import { parseSize } from "../../values/numbers.js";
import { parseIsoTimestamp } from "../../values/time.js";
import type { ParsedArguments } from "../args.js";
import { colorOptions, datasetOptions, datasetOptionsHelp, helpOption, type Command } from "../command.js";
import { requireDataset } from "../dataset.js";
import { exitCodes, UsageError } from "../errors.js";
import { filterInputs, type FilterTotals } from "../filter-stream.js";
import { shouldColor } from "../output.js";
import { describeArgument } from "../text.js";

/** Default for --max-line-size: far above any single event, and small enough to keep in memory. */
const defaultMaxLineBytes = 64 * 1024 * 1024;

export const filterCommand: Command = {
  name: "filter",
  summary: "Print the NDJSON lines whose object matches a query.",
  options: {
    ...helpOption,
    ...datasetOptions,
    strict: { type: "boolean" },
    fast: { type: "boolean" },
    quiet: { type: "boolean", short: "q" },
    now: { type: "string" },
    "max-line-size": { type: "string" },
    ...colorOptions,
  },
  help: `Usage: gql filter (--dataset NAME | --dataset-file PATH) [OPTIONS] QUERY [FILE...]

Reads NDJSON, one JSON object per line, from each FILE in order, or from standard input when
no FILE is given or FILE is -, and writes each line whose object matches QUERY to standard
output. The input is streamed, so memory use depends on the longest line, not on the size
of the input.

Lines:
  A line ends at "\\n"; the terminator ("\\n" or "\\r\\n") is removed and a matching line is
  written byte for byte as it was read, followed by "\\n". The last line of an input needs no
  terminator. A UTF-8 byte order mark at the start of an input is skipped.
  Lines that are empty or contain only spaces, tabs and "\\r" are skipped and not counted.
  A line that is not valid UTF-8, is not valid JSON, is JSON but not an object, or is longer
  than --max-line-size is malformed: standard error gets FILE:LINE and the reason, the line
  is not written, and reading goes on.
  At the end, standard error gets "read N, matched M, malformed K": N counts the lines that
  are not blank, in all inputs together.

Options:
${datasetOptionsHelp}
  --now TIME            The time that relative times such as now-7d count from, as an ISO
                        8601 date or date-time (2024-03-01T12:00:00Z), for reproducible runs.
                        By default the clock is read for each line.
  --strict              Exit with status 1 if any line was malformed; every line is still
                        read, and every malformed line reported.
  --fast                Do not parse lines that cannot match: a line of ASCII without
                        backslashes that lacks every value the query requires (for
                        flow = CLASSIFICATION, the JSON string "classification" in any
                        letter case, other than as a key) is counted as skipped. The output
                        is the same, but a malformed line among the skipped ones is not
                        reported. Queries that require no such value parse every line.
  -q, --quiet           Do not print the summary line or the warnings about the query.
  --max-line-size SIZE  The longest line accepted, in bytes or with a unit such as 500KB or
                        16MiB (KB, MB, GB: powers of 1000; KiB, MiB, GiB: powers of 1024).
                        Longer lines are malformed. Default: 64MiB.
  --color, --no-color   Colour the diagnostics of an invalid query or not; by default they
                        are coloured when standard error is a terminal and NO_COLOR is not set.
  -h, --help            Show this help.

Exit status:
  0  every input was read (also when standard output is closed early, as by head)
  1  an input could not be read, or --strict was given and a line was malformed
  2  usage error or invalid query; no input is read

Example:
  gql filter --dataset files 'classification >= CONFIDENTIAL AND sharedExternally = true' events.ndjson
`,

  async run({ args, stdout, stderr, openStdin, environment }) {
    const [query, ...files] = args.positionals;
    if (query === undefined) {
      throw new UsageError("the query is missing; give it as the first argument, before the files.", args.command);
    }
    const inputs = files.length === 0 ? ["-"] : files;
    if (inputs.filter((input) => input === "-").length > 1) {
      throw new UsageError("standard input (-) can be given only once.", args.command);
    }
    const maxLineBytes = readMaxLineSize(args);
    const now = readNow(args);
    const dataset = await requireDataset(args);

    const result = check(query, { dataset });
    const color = shouldColor(args, stderr, environment);
    if (!result.ok) {
      await stderr.writeLine(formatDiagnostics(query, result.diagnostics, { color }));
      return exitCodes.usage;
    }
    if (result.diagnostics.length > 0 && args.flag("quiet") !== true) {
      // Only warnings are left, such as a condition that can never be true; the filter still runs.
      await stderr.writeLine(`${formatDiagnostics(query, result.diagnostics, { color })}\n`);
    }
    const { predicate, bound } = compileChecked(query, now === undefined ? { dataset } : { dataset, now: () => now });
    const prefilter = args.flag("fast") === true ? createLinePrefilter(bound) : undefined;

    const totals: FilterTotals = await filterInputs(inputs, { predicate, prefilter, maxLineBytes, openStdin, stdout, stderr });
    if (stdout.closedByReader) return exitCodes.success;
    if (stdout.error !== undefined) {
      await stderr.writeLine(`gql filter: cannot write to standard output: ${stdout.error.message}.`);
      return exitCodes.failure;
    }
    if (args.flag("quiet") !== true) {
      const unreadable = totals.unreadable === 0 ? "" : `; ${totals.unreadable === 1 ? "1 input" : `${totals.unreadable} inputs`} could not be read`;
      const skipped = prefilter === undefined ? "" : `, skipped without parsing ${totals.skipped}`;
      await stderr.writeLine(`read ${totals.read}, matched ${totals.matched}, malformed ${totals.malformed}${skipped}${unreadable}`);
    }
    if (totals.unreadable > 0) return exitCodes.failure;
    if (args.flag("strict") === true && totals.malformed > 0) return exitCodes.failure;
    return exitCodes.success;
  },
};

function readMaxLineSize(args: ParsedArguments): number {
  const text = args.string("max-line-size");
  if (text === undefined) return defaultMaxLineBytes;
  const size = parseSize(text.trim());
  // A longer line could not be decoded into one JavaScript string.
  const limit = bufferConstants.MAX_STRING_LENGTH;
  if (!size.ok || !Number.isInteger(size.value) || size.value < 1 || size.value > limit) {
    throw new UsageError(
      `--max-line-size ${describeArgument(text)} is invalid; give a whole number of bytes from 1 to ${limit}, optionally with a unit (16MiB, 500KB).`,
      args.command,
    );
  }
  return size.value;
}

/** Reads --now as epoch milliseconds; `undefined` when it is not given. Throws `UsageError` for a bad time. */
export function readNow(args: ParsedArguments): number | undefined {
  const text = args.string("now");
  if (text === undefined) return undefined;
  const parsed = parseIsoTimestamp(text.trim());
  if (parsed === undefined || Math.abs(parsed.epochMs) > 8.64e15) {
    throw new UsageError(`--now ${describeArgument(text)} is not a timestamp; write an ISO 8601 date or date-time such as 2024-03-01T12:00:00Z.`, args.command);
  }
  return parsed.epochMs;
}
