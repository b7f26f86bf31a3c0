/**
 * One-line meanings of operators, keywords and field types, shown by completion and hover. They
 * restate the evaluation rules of the compiler (src/compiler) for each field type.
 */
import { allowedOperators, type OperatorName } from "../checker/operators.js";
import { typePhrase } from "../checker/literals.js";
import type { ResolvedField } from "../datasets/dataset.js";
import type { FieldType } from "../datasets/types.js";
import { describeType } from "../datasets/types.js";
import { listWords } from "../diagnostics/quote.js";

/** Every operator, in the order that `allowedOperators` lists them. */
export const allOperators: readonly OperatorName[] = ["=", "!=", "<", "<=", ">", ">=", "BETWEEN", "~", "!~", "=~", "IN", "NOT IN", "IS NULL", "IS NOT NULL"];

const MISSING_TOO = "; also true when the field is missing";

/** Meanings that do not depend on the field type, for fields that the dataset does not have. */
const genericMeanings: Record<OperatorName, string> = {
  "=": "equals the value",
  "!=": `does not equal the value${MISSING_TOO}`,
  "<": "is less than the value",
  "<=": "is less than or equal to the value",
  ">": "is greater than the value",
  ">=": "is greater than or equal to the value",
  BETWEEN: "lies between the two bounds, both included",
  "~": "contains the text, ignoring case; with * or ? the pattern must match the whole text",
  "!~": `does not contain the text or match the pattern, ignoring case${MISSING_TOO}`,
  "=~": "matches the RE2 regular expression anywhere in the text; case-sensitive unless the pattern sets (?i)",
  IN: "equals one of the listed values",
  "NOT IN": `equals none of the listed values${MISSING_TOO}`,
  "IS NULL": "the field is missing or null",
  "IS NOT NULL": "the field is present and not null",
};

const stringMeanings: Partial<Record<OperatorName, string>> = {
  "=": "equals the text, ignoring case",
  "!=": `does not equal the text, ignoring case${MISSING_TOO}`,
  IN: "equals one of the listed texts, ignoring case",
  "NOT IN": `equals none of the listed texts, ignoring case${MISSING_TOO}`,
};

const listMeanings: Partial<Record<OperatorName, string>> = {
  "=": "some element equals the text, ignoring case",
  "!=": `no element equals the text, ignoring case${MISSING_TOO}`,
  "~": "some element contains the text or matches the wildcard pattern (* and ?), ignoring case",
  "!~": `no element contains the text or matches the wildcard pattern, ignoring case${MISSING_TOO}`,
  "=~": "some element matches the RE2 regular expression; case-sensitive unless the pattern sets (?i)",
  IN: "some element equals one of the listed texts, ignoring case",
  "NOT IN": `no element equals any of the listed texts, ignoring case${MISSING_TOO}`,
  "IS NULL": "the field is missing, null or an empty list",
  "IS NOT NULL": "the field has a value other than null or an empty list",
};

const enumMeanings: Partial<Record<OperatorName, string>> = {
  "=": "is the label (labels match ignoring case)",
  "!=": `is not the label${MISSING_TOO}`,
  "<": "comes before the label in the declared order",
  "<=": "is the label or comes before it in the declared order",
  ">": "comes after the label in the declared order",
  ">=": "is the label or comes after it in the declared order",
  BETWEEN: "lies between the two labels in the declared order, both included",
  "~": "the label contains the text or matches the wildcard pattern (* and ?), ignoring case",
  "!~": `the label does not contain the text or match the wildcard pattern, ignoring case${MISSING_TOO}`,
  "=~": "the label matches the RE2 regular expression; case-sensitive unless the pattern sets (?i)",
  IN: "is one of the listed labels",
  "NOT IN": `is none of the listed labels${MISSING_TOO}`,
};

const numberMeanings: Partial<Record<OperatorName, string>> = {
  "=": "equals the number",
  "!=": `does not equal the number${MISSING_TOO}`,
  "<": "is less than the number",
  "<=": "is at most the number",
  ">": "is greater than the number",
  ">=": "is at least the number",
  BETWEEN: "lies between the two numbers, both included",
  IN: "equals one of the listed numbers",
  "NOT IN": `equals none of the listed numbers${MISSING_TOO}`,
};

const sizeMeanings: Partial<Record<OperatorName, string>> = {
  "=": "equals the size in bytes",
  "!=": `does not equal the size in bytes${MISSING_TOO}`,
  "<": "is smaller than the size",
  "<=": "is at most the size",
  ">": "is larger than the size",
  ">=": "is at least the size",
  BETWEEN: "lies between the two sizes, both included",
  IN: "equals one of the listed sizes",
  "NOT IN": `equals none of the listed sizes${MISSING_TOO}`,
};

const timestampMeanings: Partial<Record<OperatorName, string>> = {
  "=": "is the instant, or falls within the UTC day of a date such as 2024-03-01",
  "!=": `is not the instant and not within the UTC day of a date${MISSING_TOO}`,
  "<": "is earlier than the time; a date means 00:00 UTC of that day",
  "<=": "is at or before the time; a date means 00:00 UTC of that day",
  ">": "is later than the time; a date means 00:00 UTC of that day",
  ">=": "is at or after the time; a date means 00:00 UTC of that day",
  BETWEEN: "lies between the two times, both included; a date means 00:00 UTC of that day",
  IN: "is one of the listed instants or within one of the listed UTC days",
  "NOT IN": `is none of the listed instants and within none of the listed UTC days${MISSING_TOO}`,
};

const booleanMeanings: Partial<Record<OperatorName, string>> = {
  "=": "is the given boolean",
  "!=": `is not the given boolean${MISSING_TOO}`,
  IN: "is one of the listed booleans",
  "NOT IN": `is none of the listed booleans${MISSING_TOO}`,
};

function meaningsFor(type: FieldType): Partial<Record<OperatorName, string>> {
  switch (type.kind) {
    case "string":
      return stringMeanings;
    case "stringList":
      return listMeanings;
    case "enum":
      return enumMeanings;
    case "number":
      return numberMeanings;
    case "size":
      return sizeMeanings;
    case "timestamp":
      return timestampMeanings;
    case "boolean":
      return booleanMeanings;
  }
}

/** Tells whether an operator applies to a field type, as the checker decides. */
export function operatorApplies(operator: OperatorName, type: FieldType): boolean {
  return allowedOperators(type).includes(operator);
}

/**
 * Returns the meaning of an operator for a field type, as a phrase such as "is less than the
 * number". For an operator that does not apply to the type, the sentence names the ones that do.
 */
export function operatorMeaning(operator: OperatorName, type: FieldType | undefined): string {
  if (type === undefined) return genericMeanings[operator];
  if (!operatorApplies(operator, type)) {
    return `${operator} does not apply to ${typePhrase(type)}; use ${listWords(allowedOperators(type))}.`;
  }
  return meaningsFor(type)[operator] ?? genericMeanings[operator];
}

/** The logical keywords and operator keywords, by their canonical spelling. */
export type KeywordName = "AND" | "OR" | "NOT" | "IN" | "BETWEEN" | "IS" | "NULL";

/** The meaning of each keyword wherever it appears. */
export const keywordMeanings: Record<KeywordName, string> = {
  AND: "`AND` is true when the conditions on both sides are true. It binds tighter than `OR`; `&&` is the same operator.",
  OR: "`OR` is true when the condition on either side is true. It binds looser than `AND`; `||` is the same operator.",
  NOT: "`NOT` is true exactly when the condition after it is false, so `NOT x = 1` is true when x is missing. It binds tighter than `AND` and `OR`; `!` is the same operator. Before `IN` it forms `NOT IN`, and after `IS` it forms `IS NOT NULL`.",
  IN: "`field IN (a, b, ...)` is true when the field equals one of the listed values; `NOT IN` is true when it equals none of them.",
  BETWEEN: "`field BETWEEN low AND high` is true when low <= field <= high, both bounds included. It applies to numbers, sizes, timestamps and ordered enums.",
  IS: "`field IS NULL` is true when the field is missing, null or an empty list; `IS NOT NULL` is true otherwise.",
  NULL: "`field IS NULL` is true when the field is missing, null or an empty list; `IS NOT NULL` is true otherwise. `NULL` is not a value: to compare with the text null, quote it.",
};

/** The short one-line meaning of the logical keywords, for completion items. */
export const keywordDetails: Record<"AND" | "OR" | "NOT", string> = {
  AND: "both conditions are true",
  OR: "at least one condition is true",
  NOT: "the next condition is false",
};

/** Names a type with its details for a completion item: "ordered enum", "number 0 to 100". */
export function typeDetail(type: FieldType): string {
  if (type.kind === "number") {
    const bounds = numberBounds(type);
    return bounds === "" ? "number" : `number ${bounds}`;
  }
  return describeType(type);
}

function numberBounds(type: Extract<FieldType, { kind: "number" }>): string {
  if (type.minimum !== undefined && type.maximum !== undefined) return `${type.minimum} to ${type.maximum}`;
  if (type.minimum !== undefined) return `at least ${type.minimum}`;
  if (type.maximum !== undefined) return `at most ${type.maximum}`;
  return "";
}

/** Explains in sentences what a field type contains and how its values are written. */
export function typeExplanation(type: FieldType): string {
  switch (type.kind) {
    case "string":
      return "Text, compared ignoring case.";
    case "stringList":
      return "A list of strings; a comparison is true when any element matches, and a negated one when none does.";
    case "number": {
      const bounds = numberBounds(type);
      return bounds === "" ? "A decimal number." : `A decimal number, ${bounds}.`;
    }
    case "size":
      return "A size in bytes. Units: B, KB, MB, GB, TB (powers of 1000) and KiB, MiB, GiB, TiB (powers of 1024), in any letter case.";
    case "boolean":
      return "true or false.";
    case "timestamp": {
      const written = "An ISO 8601 date (2024-03-01, a whole UTC day) or date-time (2024-03-01T12:00:00Z, UTC when no zone is given), or a relative time such as now-7d (units s, m, h, d, w).";
      return type.past === true ? `${written} It records a time in the past.` : written;
    }
    case "enum":
      return type.ordered
        ? `Labels in order: ${type.labels.join(" < ")}. The comparisons <, <=, >, >= and BETWEEN follow this order.`
        : `Labels: ${type.labels.join(", ")}. Labels match ignoring case.`;
  }
}

/** Describes a field in Markdown: its schema spelling, type, description and how values are written. */
export function fieldDocumentation(field: ResolvedField): string {
  const parts = [`${markdownCode(field.path)}: ${typeDetail(field.type)}`];
  if (field.description !== "") parts.push(field.description);
  parts.push(typeExplanation(field.type));
  return parts.join("\n\n");
}

/** Writes text as a Markdown code span, with a fence longer than any run of backticks inside it. */
export function markdownCode(text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longestRun + 1);
  const padded = text.startsWith("`") || text.endsWith("`") ? ` ${text} ` : text;
  return `${fence}${padded}${fence}`;
}
