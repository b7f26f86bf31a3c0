import type { Dataset, ResolvedField } from "../../datasets/dataset.js";
import type { FieldSpec } from "../../datasets/define.js";
import { describeType, typeNames } from "../../datasets/types.js";
import { datasetOptions, datasetOptionsHelp, helpOption, type Command } from "../command.js";
import { requireDataset } from "../dataset.js";
import { exitCodes, UsageError } from "../errors.js";
import { describeArgument } from "../text.js";

export const fieldsCommand: Command = {
  name: "fields",
  summary: "List the fields of a dataset with their types and labels.",
  options: { ...helpOption, ...datasetOptions, json: { type: "boolean" } },
  help: `Usage: gql fields (--dataset NAME | --dataset-file PATH) [--json]

Prints a table of the fields a query can use: name, type and description. Under an enum
field, a second line lists its labels; for an ordered enum they appear in order joined
by "<", which is the order that <, >, <= and >= compare by. Under a number field with bounds,
a second line gives its range.

Options:
${datasetOptionsHelp}
  --json                Print the dataset as JSON in the form that --dataset-file reads:
                        {"name", "description", "fields": {NAME: {"type", "description",
                        "labels", "ordered", "minimum", "maximum", "past"}}}, keys present
                        only where they apply. Edit it to describe a service of your own.
  -h, --help            Show this help.

Exit status:
  0  the fields were printed
  2  usage error, such as an unknown dataset

Example:
  gql fields --dataset activity
`,

  async run({ args, stdout }) {
    if (args.positionals.length > 0) {
      throw new UsageError(`unexpected argument ${describeArgument(args.positionals[0] as string)}; gql fields takes no arguments.`, args.command);
    }
    const dataset = await requireDataset(args);
    if (args.flag("json") === true) {
      await stdout.writeLine(JSON.stringify(datasetToSpec(dataset), null, 2));
    } else {
      await stdout.write(renderTable(dataset));
    }
    return exitCodes.success;
  },
};

/** Converts a dataset back into the `defineDataset` input that describes it. */
export function datasetToSpec(dataset: Dataset): { name: string; description: string; fields: Record<string, FieldSpec> } {
  const fields: Record<string, FieldSpec> = {};
  for (const field of dataset.fields) {
    const type = field.type;
    const spec: Exclude<FieldSpec, string> = { type: typeNames[type.kind] as Exclude<FieldSpec, string>["type"], description: field.description };
    if (type.kind === "enum") {
      spec.labels = [...type.labels];
      spec.ordered = type.ordered;
    } else if (type.kind === "number") {
      if (type.minimum !== undefined) spec.minimum = type.minimum;
      if (type.maximum !== undefined) spec.maximum = type.maximum;
    } else if (type.kind === "timestamp" && type.past === true) {
      spec.past = true;
    }
    fields[field.path] = spec;
  }
  return { name: dataset.name, description: dataset.description, fields };
}

/** Renders the dataset header and a table with aligned columns; detail lines sit under the description. */
function renderTable(dataset: Dataset): string {
  const rows = dataset.fields.map((field) => ({ name: field.path, type: describeType(field.type), description: field.description, detail: describeValues(field) }));
  const nameWidth = Math.max("FIELD".length, ...rows.map((row) => row.name.length));
  const typeWidth = Math.max("TYPE".length, ...rows.map((row) => row.type.length));
  const detailIndent = " ".repeat(nameWidth + typeWidth + 4 + 2);

  const count = dataset.fields.length === 1 ? "1 field" : `${dataset.fields.length} fields`;
  const lines = [dataset.description === "" ? `${dataset.name} (${count})` : `${dataset.name} (${count}): ${dataset.description}`, ""];
  lines.push(`${"FIELD".padEnd(nameWidth)}  ${"TYPE".padEnd(typeWidth)}  DESCRIPTION`);
  for (const row of rows) {
    lines.push(`${row.name.padEnd(nameWidth)}  ${row.type.padEnd(typeWidth)}  ${row.description}`.trimEnd());
    if (row.detail !== undefined) lines.push(`${detailIndent}${row.detail}`);
  }
  return `${lines.join("\n")}\n`;
}

function describeValues(field: ResolvedField): string | undefined {
  const type = field.type;
  if (type.kind === "enum") return type.ordered ? `order: ${type.labels.join(" < ")}` : `labels: ${type.labels.join(", ")}`;
  if (type.kind === "number" && (type.minimum !== undefined || type.maximum !== undefined)) {
    if (type.minimum !== undefined && type.maximum !== undefined) return `range: ${type.minimum} to ${type.maximum}`;
    return type.minimum !== undefined ? `range: ${type.minimum} or more` : `range: ${type.maximum} or less`;
  }
  return undefined;
}
