/** The field types of a dataset schema. */
export type FieldType =
  | { kind: "string" }
  | { kind: "number"; minimum?: number; maximum?: number }
  | { kind: "size" }
  | { kind: "boolean" }
  /** `past` marks fields that record something that already happened, such as a creation time. */
  | { kind: "timestamp"; past?: boolean }
  /** Labels in declared order; with `ordered`, `<` and `>` compare by that order. */
  | { kind: "enum"; labels: readonly string[]; ordered: boolean }
  | { kind: "stringList" };

export type FieldKind = FieldType["kind"];

/** A field of a dataset: its dotted path in the event, its type and what it means. */
export interface FieldDefinition {
  readonly path: string;
  readonly type: FieldType;
  readonly description: string;
}

/** How a field type is named in `defineDataset` and printed by `gql fields`. */
export const typeNames: Record<FieldKind, string> = {
  string: "string",
  number: "number",
  size: "size",
  boolean: "boolean",
  timestamp: "timestamp",
  enum: "enum",
  stringList: "string[]",
};

/** Describes a type for messages and listings, such as "ordered enum" or "string[]". */
export function describeType(type: FieldType): string {
  if (type.kind === "enum") return type.ordered ? "ordered enum" : "enum";
  return typeNames[type.kind];
}
