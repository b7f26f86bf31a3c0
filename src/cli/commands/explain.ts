import { compileChecked } from "../../compiler/compile.js";
import { generatePredicate } from "../../compiler/codegen.js";
import { formatDiagnostics } from "../../diagnostics/format.js";
import { GqlError } from "../../errors.js";
import { explain, formatExplanation } from "../../explain/explain.js";
import { colorOptions, datasetOptions, datasetOptionsHelp, helpOption, type Command } from "../command.js";
import { requireDataset } from "../dataset.js";
import { exitCodes, UsageError } from "../errors.js";
import { shouldColor } from "../output.js";
import { readNow } from "./filter.js";

export const explainCommand: Command = {
  name: "explain",
  summary: "Show how a query decides one event, condition by condition.",
  options: { ...helpOption, ...datasetOptions, ...colorOptions, now: { type: "string" }, code: { type: "boolean" }, json: { type: "boolean" } },
  help: `Usage: gql explain (--dataset NAME | --dataset-file PATH) [OPTIONS] QUERY [EVENT_JSON]

Evaluates QUERY for one event and prints the query as an indented tree: each AND, OR and NOT
and each condition with its result (true or false), and for each condition the value the event
holds in its field. Then it names the conditions that decided the result. The event is the
JSON object EVENT_JSON, or is read from standard input when EVENT_JSON is not given.

Options:
${datasetOptionsHelp}
  --now TIME            The time that relative times such as now-7d count from, as an ISO
                        8601 date or date-time. Default: the current time.
  --code                Also print the JavaScript that compile generates for the query.
  --json                Print the explanation as JSON instead of the tree.
  --color, --no-color   Colour the diagnostics of an invalid query or not.
  -h, --help            Show this help.

Exit status:
  0  the event matches the query
  1  the event does not match, or the query is invalid (its diagnostics go to standard error)
  2  usage error, such as an unknown dataset or an event that is not a JSON object

Example:
  gql explain --dataset files 'flow = CLASSIFICATION AND size > 10MB' '{"flow":"CLASSIFICATION","size":2048}'
`,

  async run({ args, stdout, stderr, openStdin, environment }) {
    const [query, eventText, ...rest] = args.positionals;
    if (query === undefined) throw new UsageError("the query is missing; give it as the first argument.", args.command);
    if (rest.length > 0) throw new UsageError("expected a query and at most one event; put each in quotes.", args.command);
    const now = readNow(args);
    const dataset = await requireDataset(args);
    const event = parseEvent(eventText ?? (await readAll(openStdin())), args.command);

    const options = now === undefined ? { dataset } : { dataset, now: () => now };
    let explanation;
    try {
      explanation = explain(query, options, event);
    } catch (error) {
      if (!(error instanceof GqlError) || error.diagnostics.length === 0) throw error;
      await stderr.writeLine(formatDiagnostics(query, error.diagnostics, { color: shouldColor(args, stderr, environment) }));
      return exitCodes.failure;
    }
    if (args.flag("json") === true) {
      await stdout.writeLine(JSON.stringify(explanation, null, 2));
    } else {
      await stdout.writeLine(formatExplanation(explanation));
      await stdout.writeLine(`\n${explanation.result ? "Match" : "No match"}.`);
      for (const reason of explanation.reasons) await stdout.writeLine(reason);
    }
    if (args.flag("code") === true) {
      const { bound } = compileChecked(query, options);
      await stdout.writeLine(`\nGenerated code (literals are passed in as the constants c0, c1, ...):\n${generatePredicate(bound).source}`);
    }
    return explanation.result ? exitCodes.success : exitCodes.failure;
  },
};

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

function parseEvent(text: string, command: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`the event is not valid JSON (${(error as Error).message}); give one JSON object.`, command);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new UsageError("the event must be a JSON object, such as '{\"flow\":\"CLASSIFICATION\"}'.", command);
  }
  return value;
}
