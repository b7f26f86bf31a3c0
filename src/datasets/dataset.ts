import { GqlError } from "../errors.js";
import { codes } from "../diagnostics/codes.js";
import { quote } from "../diagnostics/quote.js";
import type { FieldDefinition, FieldType } from "./types.js";

/** Path segments that would reach inherited or special properties of a JavaScript object. */
export const reservedSegments: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/** Words that the lexer reads as keywords, so they cannot be written as a field name. */
const keywordNames: ReadonlySet<string> = new Set(["and", "or", "not", "in", "between", "is", "null"]);

const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** Tells whether a name has the form of a field path: identifiers joined by dots. */
export function isFieldPath(name: string): boolean {
  return FIELD_PATH.test(name);
}

/** A field resolved for compilation: its definition and the path split into property names. */
export interface ResolvedField extends FieldDefinition {
  readonly segments: readonly string[];
}

/**
 * A dataset schema: named fields with types. Field names are matched case-insensitively; messages
 * and canonical output use the spelling declared here.
 */
export class Dataset {
  readonly fields: readonly ResolvedField[];
  private readonly byLowerName = new Map<string, ResolvedField>();

  constructor(
    readonly name: string,
    readonly description: string,
    fields: readonly FieldDefinition[],
  ) {
    const resolved: ResolvedField[] = [];
    for (const definition of fields) {
      validateField(definition);
      const lower = definition.path.toLowerCase();
      if (this.byLowerName.has(lower)) {
        throw invalidDataset(`Dataset ${quote(name)} declares the field ${quote(definition.path)} twice (names ignore case).`);
      }
      const field: ResolvedField = Object.freeze({
        path: definition.path,
        type: freezeType(definition.type),
        description: definition.description,
        segments: Object.freeze(definition.path.split(".")),
      });
      this.byLowerName.set(lower, field);
      resolved.push(field);
    }
    for (const field of resolved) {
      const prefix = field.path.toLowerCase().split(".");
      for (let length = 1; length < prefix.length; length++) {
        const parent = this.byLowerName.get(prefix.slice(0, length).join("."));
        if (parent) {
          throw invalidDataset(
            `Dataset ${quote(name)} declares ${quote(parent.path)} as a field and also ${quote(field.path)} inside it; a field cannot be both a value and an object.`,
          );
        }
      }
    }
    this.fields = Object.freeze(resolved);
    Object.freeze(this);
  }

  /** Finds a field by name, ignoring case; `undefined` when there is none. */
  field(name: string): ResolvedField | undefined {
    return this.byLowerName.get(name.toLowerCase());
  }
}

function validateField(definition: FieldDefinition): void {
  const path = definition.path;
  if (typeof path !== "string" || !isFieldPath(path)) {
    throw invalidDataset(
      `The field name ${quote(String(path))} is invalid; use identifiers (letters, digits, _) joined by dots, such as file.path.`,
    );
  }
  const reserved = path.split(".").find((segment) => reservedSegments.has(segment.toLowerCase()));
  if (reserved !== undefined) {
    throw invalidDataset(`The field name ${quote(path)} contains ${quote(reserved)}, which is reserved; choose another name.`);
  }
  if (keywordNames.has(path.toLowerCase())) {
    throw invalidDataset(`The field name ${quote(path)} is a GQL keyword and could not be written in a query; choose another name.`);
  }
  const type = definition.type;
  if (type.kind === "enum") {
    if (type.labels.length === 0) throw invalidDataset(`The enum field ${quote(path)} has no labels; give at least one.`);
    const seen = new Set<string>();
    for (const label of type.labels) {
      if (typeof label !== "string" || label.length === 0) {
        throw invalidDataset(`The enum field ${quote(path)} has an empty or non-string label; labels are non-empty strings.`);
      }
      const lower = label.toLowerCase();
      if (seen.has(lower)) throw invalidDataset(`The enum field ${quote(path)} lists the label ${quote(label)} twice (labels ignore case).`);
      seen.add(lower);
    }
  }
}

function freezeType(type: FieldType): FieldType {
  if (type.kind === "enum") return Object.freeze({ ...type, labels: Object.freeze([...type.labels]) });
  return Object.freeze({ ...type });
}

export function invalidDataset(message: string): GqlError {
  return new GqlError(message, { code: codes.invalidDataset });
}
