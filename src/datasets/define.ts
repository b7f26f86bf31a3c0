import { quote, listWords } from "../diagnostics/quote.js";
import { codes } from "../diagnostics/codes.js";
import { GqlError } from "../errors.js";
import { closestMatch } from "../diagnostics/suggest.js";
import { datasets } from "./builtin.js";
import { Dataset, invalidDataset } from "./dataset.js";
import type { FieldDefinition, FieldType } from "./types.js";

export type BuiltinDatasetName = keyof typeof datasets;

/** The type names accepted in a field declaration. */
export type FieldTypeName = "string" | "number" | "size" | "boolean" | "timestamp" | "enum" | "string[]";

/** A field declaration for `defineDataset`: a type name, or an object with details. */
export type FieldSpec =
  | FieldTypeName
  | {
      type: FieldTypeName;
      description?: string;
      /** Enum labels, in order; required for `enum`. */
      labels?: readonly string[];
      /** Enum only: compare labels by their declared order with `<`, `>` and `BETWEEN`. */
      ordered?: boolean;
      /** Number only: the smallest and largest values the field can hold. */
      minimum?: number;
      maximum?: number;
      /** Timestamp only: the field records something that already happened. */
      past?: boolean;
    };

/** Labels added to an enum field of the base dataset: appended, or inserted after a label when `after` is given. */
export type LabelExtension = readonly string[] | { labels: readonly string[]; after?: string };

export interface DatasetSpec {
  name: string;
  description?: string;
  /** A built-in dataset name or a dataset to start from. */
  extends?: BuiltinDatasetName | Dataset;
  /** Fields to add; a name that the base already has replaces that field. */
  fields?: Readonly<Record<string, FieldSpec>>;
  /** Extra labels for enum fields of the base dataset, by field name. */
  labels?: Readonly<Record<string, LabelExtension>>;
}

const specKeys: ReadonlySet<string> = new Set(["name", "description", "extends", "fields", "labels"]);

const fieldTypeNames: readonly FieldTypeName[] = ["string", "number", "size", "boolean", "timestamp", "enum", "string[]"];

/**
 * Defines a dataset: a new schema, or a built-in one extended with fields and enum labels.
 * Throws `GqlError` with code GQL900 when a name, type or label is invalid.
 */
export function defineDataset(spec: DatasetSpec): Dataset {
  if (spec === null || typeof spec !== "object") throw invalidDataset("defineDataset expects an object with a name and fields.");
  if (typeof spec.name !== "string" || spec.name.trim() === "") {
    throw invalidDataset("The dataset has no name; give a non-empty string as name.");
  }
  const unknown = Object.keys(spec).filter((key) => !specKeys.has(key));
  if (unknown.length > 0) {
    throw invalidDataset(`Unknown key ${quote(unknown[0] as string)} in the definition of ${quote(spec.name)}; the keys are ${listWords([...specKeys], "and")}.`);
  }
  if (spec.extends === undefined && Object.keys(spec.fields ?? {}).length === 0) {
    throw invalidDataset(`The dataset ${quote(spec.name)} has no fields; declare at least one under fields, or extend a dataset.`);
  }
  const base = spec.extends === undefined ? undefined : resolveDataset(spec.extends);
  const fields = new Map<string, FieldDefinition>();
  for (const field of base?.fields ?? []) fields.set(field.path.toLowerCase(), field);

  const declared = new Map<string, string>();
  for (const [path, fieldSpec] of Object.entries(spec.fields ?? {})) {
    const earlier = declared.get(path.toLowerCase());
    if (earlier !== undefined) {
      throw invalidDataset(`Dataset ${quote(spec.name)} declares the fields ${quote(earlier)} and ${quote(path)}, which differ only in letter case; field names ignore case, so keep one.`);
    }
    declared.set(path.toLowerCase(), path);
    fields.set(path.toLowerCase(), { path, type: readFieldType(path, fieldSpec), description: describeSpec(fieldSpec) });
  }
  for (const [path, extension] of Object.entries(spec.labels ?? {})) {
    const existing = fields.get(path.toLowerCase());
    if (!existing) {
      throw invalidDataset(`Labels were given for ${quote(path)}, but the dataset has no such field; declare it under fields first.`);
    }
    if (existing.type.kind !== "enum") {
      throw invalidDataset(`Labels were given for ${quote(existing.path)}, which is not an enum field.`);
    }
    fields.set(path.toLowerCase(), { ...existing, type: extendLabels(existing.path, existing.type, extension) });
  }
  return new Dataset(spec.name, spec.description ?? base?.description ?? "", [...fields.values()]);
}

/** Resolves a dataset option: a built-in name or a dataset. Throws `GqlError` GQL901 for an unknown name. */
export function resolveDataset(dataset: unknown): Dataset {
  if (dataset instanceof Dataset) return dataset;
  if (typeof dataset === "string") {
    if (Object.hasOwn(datasets, dataset)) return datasets[dataset as BuiltinDatasetName];
    const names = Object.keys(datasets);
    const closest = closestMatch(dataset, names);
    throw new GqlError(
      `Unknown dataset ${quote(dataset)}; the built-in datasets are ${listWords(names, "and")}.${closest ? ` Did you mean ${closest}?` : ""}`,
      { code: codes.unknownDataset },
    );
  }
  throw new GqlError("The dataset option is missing or invalid; pass a built-in name (files, activity, streaming) or a dataset from defineDataset.", {
    code: codes.unknownDataset,
  });
}

function readFieldType(path: string, spec: FieldSpec): FieldType {
  const details = typeof spec === "string" ? { type: spec } : spec;
  if (details === null || typeof details !== "object" || !fieldTypeNames.includes(details.type)) {
    const written = typeof spec === "string" ? spec : String((details as { type?: unknown } | null)?.type);
    throw invalidDataset(`The field ${quote(path)} has the type ${quote(written)}; use one of ${listWords(fieldTypeNames)}.`);
  }
  switch (details.type) {
    case "enum": {
      const labels = "labels" in details ? details.labels : undefined;
      if (!Array.isArray(labels)) throw invalidDataset(`The enum field ${quote(path)} needs a labels array.`);
      return { kind: "enum", labels: [...labels], ordered: "ordered" in details && details.ordered === true };
    }
    case "number": {
      const type: FieldType = { kind: "number" };
      for (const bound of ["minimum", "maximum"] as const) {
        const value = bound in details ? details[bound] : undefined;
        if (value === undefined) continue;
        if (typeof value !== "number" || !Number.isFinite(value)) {
          throw invalidDataset(`The ${bound} of ${quote(path)} must be a finite number, not ${quote(String(value))}.`);
        }
        type[bound] = value;
      }
      if (type.minimum !== undefined && type.maximum !== undefined && type.minimum > type.maximum) {
        throw invalidDataset(`The minimum of ${quote(path)} (${type.minimum}) is larger than its maximum (${type.maximum}).`);
      }
      return type;
    }
    case "timestamp":
      return "past" in details && details.past === true ? { kind: "timestamp", past: true } : { kind: "timestamp" };
    case "string[]":
      return { kind: "stringList" };
    default:
      return { kind: details.type };
  }
}

function describeSpec(spec: FieldSpec): string {
  return typeof spec === "object" && spec !== null && typeof spec.description === "string" ? spec.description : "";
}

function extendLabels(path: string, type: Extract<FieldType, { kind: "enum" }>, extension: LabelExtension): FieldType {
  if (extension === null || typeof extension !== "object") {
    throw invalidDataset(`The labels for ${quote(path)} must be an array or { labels, after }.`);
  }
  const added = Array.isArray(extension) ? extension : (extension as { labels: readonly string[] }).labels;
  if (!Array.isArray(added)) throw invalidDataset(`The labels for ${quote(path)} must be an array or { labels, after }.`);
  const labels = [...type.labels];
  let insertAt = labels.length;
  const after = Array.isArray(extension) ? undefined : (extension as { after?: unknown }).after;
  if (after !== undefined) {
    const index = labels.findIndex((label) => label.toLowerCase() === String(after).toLowerCase());
    if (index === -1) {
      throw invalidDataset(`The labels for ${quote(path)} go after ${quote(String(after))}, which is not a label of it; use one of ${listWords(labels)}.`);
    }
    insertAt = index + 1;
  }
  labels.splice(insertAt, 0, ...added);
  return { kind: "enum", labels, ordered: type.ordered };
}
