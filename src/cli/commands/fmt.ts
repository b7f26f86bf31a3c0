import { formatDiagnostics } from "../../diagnostics/format.js";
import { GqlError } from "../../errors.js";
import { format } from "../../format.js";
import { colorOptions, datasetOptions, datasetOptionsHelp, helpOption, takeQuery, type Command } from "../command.js";
import { readDatasetOption } from "../dataset.js";
import { exitCodes } from "../errors.js";
import { shouldColor } from "../output.js";

export const fmtCommand: Command = {
  name: "fmt",
  summary: "Print the canonical form of a query.",
  options: { ...helpOption, ...datasetOptions, ...colorOptions },
  help: `Usage: gql fmt [--dataset NAME | --dataset-file PATH] QUERY

Prints QUERY in canonical form: keywords in upper case, = != AND OR NOT in place of their
symbol spellings, single spaces, strings in double quotes, and only the parentheses that the
meaning needs. Parsing the output gives the same query.

Without a dataset only the syntax is checked. With one, the query is also checked against
it, and field names and enum labels are printed as the dataset spells them.

Options:
${datasetOptionsHelp}
  --color, --no-color   Colour the diagnostics of an invalid query or not; by default they
                        are coloured when standard error is a terminal and NO_COLOR is not set.
  -h, --help            Show this help.

Exit status:
  0  the canonical form was printed
  1  the query is invalid; its diagnostics go to standard error
  2  usage error, such as an unknown dataset or a missing query

Example:
  gql fmt --dataset files 'Classification>=confidential && !(owner ~ "svc_*")'
`,

  async run({ args, stdout, stderr, environment }) {
    const query = takeQuery(args);
    const dataset = await readDatasetOption(args);
    let canonical: string;
    try {
      canonical = format(query, dataset === undefined ? {} : { dataset });
    } catch (error) {
      if (!(error instanceof GqlError) || error.diagnostics.length === 0) throw error;
      const color = shouldColor(args, stderr, environment);
      await stderr.writeLine(formatDiagnostics(error.source ?? query, error.diagnostics, { color }));
      return exitCodes.failure;
    }
    await stdout.writeLine(canonical);
    return exitCodes.success;
  },
};
