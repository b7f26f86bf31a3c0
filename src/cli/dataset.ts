/** Chooses the dataset of a command: a built-in name from --dataset, or a definition from --dataset-file. */
import { readFile } from "node:fs/promises";
import { datasets } from "../datasets/builtin.js";
import type { Dataset } from "../datasets/dataset.js";
import { defineDataset, type BuiltinDatasetName, type DatasetSpec } from "../datasets/define.js";
import { listWords } from "../diagnostics/quote.js";
import { closestMatch } from "../diagnostics/suggest.js";
import { GqlError } from "../errors.js";
import type { ParsedArguments } from "./args.js";
import { CliError, exitCodes, UsageError } from "./errors.js";
import { describeArgument, describeSystemError, displayPath, escapeControlCharacters } from "./text.js";

const builtinNames = Object.keys(datasets);

/** Returns the dataset the arguments name, or `undefined` when they name none. Throws `CliError` for an invalid one. */
export async function readDatasetOption(args: ParsedArguments): Promise<Dataset | undefined> {
  const name = args.string("dataset");
  const file = args.string("dataset-file");
  if (name !== undefined && file !== undefined) {
    throw new UsageError("give either --dataset or --dataset-file, not both.", args.command);
  }
  if (name !== undefined) return builtinDataset(name, args.command);
  if (file !== undefined) return loadDatasetFile(file, args.command);
  return undefined;
}

/** Returns the dataset the arguments name; throws `UsageError` when there is none. */
export async function requireDataset(args: ParsedArguments): Promise<Dataset> {
  const dataset = await readDatasetOption(args);
  if (dataset === undefined) {
    throw new UsageError(`the dataset is missing; add --dataset NAME (${listWords(builtinNames)}) or --dataset-file PATH.`, args.command);
  }
  return dataset;
}

function builtinDataset(name: string, command: string): Dataset {
  if (Object.hasOwn(datasets, name)) return datasets[name as BuiltinDatasetName];
  const closest = closestMatch(name, builtinNames);
  const hint = closest === undefined ? "" : ` Did you mean ${closest}?`;
  throw new UsageError(`unknown dataset ${describeArgument(name)}; the built-in datasets are ${listWords(builtinNames, "and")}.${hint}`, command);
}

/**
 * Reads a JSON dataset definition. Its `extends`, when present, names a built-in dataset. An unreadable
 * or invalid file ends the command with exit status 2, as a wrong argument does.
 */
async function loadDatasetFile(path: string, command: string): Promise<Dataset> {
  const displayedPath = displayPath(path);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw datasetFileError(`cannot read the dataset file ${displayedPath}: ${describeSystemError(error)}.`, command);
  }
  let spec: unknown;
  try {
    spec = JSON.parse(text.startsWith("\uFEFF") ? text.slice(1) : text);
  } catch (error) {
    throw datasetFileError(`the dataset file ${displayedPath} is not valid JSON: ${escapeControlCharacters((error as Error).message)}.`, command);
  }
  if (spec === null || typeof spec !== "object" || Array.isArray(spec)) {
    throw datasetFileError(`the dataset file ${displayedPath} must contain a JSON object with a name and fields.`, command);
  }
  try {
    return defineDataset(spec as DatasetSpec);
  } catch (error) {
    if (error instanceof GqlError) throw datasetFileError(`the dataset file ${displayedPath} is invalid: ${error.message}`, command);
    throw error;
  }
}

function datasetFileError(message: string, command: string): CliError {
  return new CliError(message, exitCodes.usage, command);
}
