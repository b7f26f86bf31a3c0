import { check } from "../../checker/check.js";
import { formatDiagnostics } from "../../diagnostics/format.js";
import { colorOptions, datasetOptions, datasetOptionsHelp, helpOption, takeQuery, type Command } from "../command.js";
import { exitCodes } from "../errors.js";
import { requireDataset } from "../dataset.js";
import { shouldColor } from "../output.js";

export const checkCommand: Command = {
  name: "check",
  summary: "Check a query against a dataset and print its diagnostics.",
  options: { ...helpOption, ...datasetOptions, json: { type: "boolean" }, ...colorOptions },
  help: `Usage: gql check (--dataset NAME | --dataset-file PATH) [--json] QUERY

Checks the syntax of QUERY, its field names, operators and values against the dataset, and
prints "valid" or every diagnostic with the line, the column and carets under the problem.

Options:
${datasetOptionsHelp}
  --json                Print {"ok": true|false, "diagnostics": [...]} instead, with the full
                        range of each diagnostic (offsets in UTF-16 code units from 0, lines
                        and columns from 1).
  --color, --no-color   Colour the diagnostics or not; by default they are coloured when
                        standard output is a terminal and NO_COLOR is not set.
  -h, --help            Show this help.

Exit status:
  0  the query is valid (warnings do not count)
  1  the query has errors
  2  usage error, such as an unknown dataset or a missing query

Example:
  gql check --dataset files 'classification >= CONFIDENTIAL AND sharedExternally = true'
`,

  async run({ args, stdout, environment }) {
    const query = takeQuery(args);
    const dataset = await requireDataset(args);
    const result = check(query, { dataset });
    const status = result.ok ? exitCodes.success : exitCodes.failure;

    if (args.flag("json") === true) {
      await stdout.writeLine(JSON.stringify({ ok: result.ok, diagnostics: result.diagnostics }, null, 2));
      return status;
    }
    const color = shouldColor(args, stdout, environment);
    if (result.diagnostics.length > 0) {
      await stdout.writeLine(formatDiagnostics(query, result.diagnostics, { color }));
    }
    if (result.ok) {
      // Warnings, if any, come first and are separated from the verdict by a blank line.
      await stdout.writeLine(result.diagnostics.length > 0 ? "\nvalid" : "valid");
    }
    return status;
  },
};
