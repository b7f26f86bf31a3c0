/**
 * Values for editors: the example values that completion offers for a field, and the reading of a
 * written value that hover shows. Hover gives bytes for a size, the UTC instant for a timestamp and
 * the rank of a label in an ordered enum.
 */
import type { Literal } from "../ast/nodes.js";
import type { OperatorName } from "../checker/operators.js";
import type { ResolvedField } from "../datasets/dataset.js";
import type { FieldType } from "../datasets/types.js";
import { isBareWord } from "../ast/format.js";
import { listWords } from "../diagnostics/quote.js";
import { markdownCode } from "./meanings.js";
import { closestMatch } from "../diagnostics/suggest.js";
import { parseNumber, parseSize } from "../values/numbers.js";
import { encodeString } from "../values/strings.js";
import { DAY_MS, parseTimestampLiteral } from "../values/time.js";

/** A value that completion offers, before it gets a range. */
export interface ValueSuggestion {
  label: string;
  insertText: string;
  detail: string;
  documentation?: string;
}

const sizeUnits = ["B", "KB", "MB", "GB", "TB", "KiB", "MiB", "GiB", "TiB"];
const exampleSizes = ["1KB", "100KB", "1MB", "10MB", "100MB", "1GB", "10GB"];
const exampleRelativeTimes = ["now", "now-1d", "now-7d", "now-30d"];

/** An amount being typed before its unit, such as `10`, `1.5` or `10m`. */
const SIZE_IN_PROGRESS = /^(\d+(?:\.\d+)?)([a-z]*)$/i;

/**
 * Lists example values for a field. `prefix` is the text typed so far, which completes the unit of
 * a size. `listed` are the values already written in the same IN list, so they are not offered
 * again. `nowMs` dates the ISO example of a timestamp, and `Date.now()` does when it is not a
 * finite time.
 */
export function valueSuggestions(field: ResolvedField, prefix: string, listed: readonly string[], nowMs: number): ValueSuggestion[] {
  const listedLower = new Set(listed.map((text) => text.toLowerCase()));
  const suggestions = suggestionsFor(field, prefix, nowMs);
  return suggestions.filter((suggestion) => !listedLower.has(suggestion.label.toLowerCase()));
}

function suggestionsFor(field: ResolvedField, prefix: string, nowMs: number): ValueSuggestion[] {
  const type = field.type;
  switch (type.kind) {
    case "enum":
      return type.labels.map((label, index) => ({
        label,
        insertText: isBareWord(label) ? label : encodeString(label),
        detail: type.ordered ? `${field.path}, rank ${index + 1} of ${type.labels.length}` : `label of ${field.path}`,
        documentation: describeLabel(field.path, type.labels, type.ordered, index),
      }));
    case "boolean":
      return ["true", "false"].map((value) => ({ label: value, insertText: value, detail: "boolean" }));
    case "timestamp":
      return timestampSuggestions(nowMs);
    case "size":
      return sizeSuggestions(prefix);
    case "number":
      return numberSuggestions(type);
    case "string":
    case "stringList":
      return [];
  }
}

function timestampSuggestions(nowMs: number): ValueSuggestion[] {
  const relative = exampleRelativeTimes.map((text) => ({ label: text, insertText: text, detail: describeRelativeTime(text) }));
  const safeNow = Number.isFinite(nowMs) && Math.abs(nowMs) <= 8.64e15 ? nowMs : Date.now();
  const dayStart = Math.floor(safeNow / DAY_MS) * DAY_MS;
  const date = new Date(dayStart).toISOString().slice(0, 10);
  const dateTime = `${date}T00:00:00Z`;
  return [
    ...relative,
    { label: date, insertText: date, detail: "ISO 8601 date: the whole UTC day", documentation: describeDay(dayStart) },
    { label: dateTime, insertText: dateTime, detail: "ISO 8601 date-time in UTC" },
  ];
}

function sizeSuggestions(prefix: string): ValueSuggestion[] {
  const typing = SIZE_IN_PROGRESS.exec(prefix);
  const texts = typing === null ? exampleSizes : sizeUnits.map((unit) => `${typing[1]}${unit}`);
  const suggestions: ValueSuggestion[] = [];
  for (const text of texts) {
    const bytes = parseSize(text);
    if (bytes.ok) suggestions.push({ label: text, insertText: text, detail: `${groupDigits(bytes.value)} bytes` });
  }
  return suggestions;
}

function numberSuggestions(type: Extract<FieldType, { kind: "number" }>): ValueSuggestion[] {
  const suggestions: ValueSuggestion[] = [];
  if (type.minimum !== undefined) suggestions.push({ label: String(type.minimum), insertText: String(type.minimum), detail: "minimum" });
  if (type.maximum !== undefined) suggestions.push({ label: String(type.maximum), insertText: String(type.maximum), detail: "maximum" });
  return suggestions;
}

/** Writes a number with a comma between groups of three digits: 10000000 becomes 10,000,000. */
export function groupDigits(value: number): string {
  const [whole = "", fraction] = String(value).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

const unitNames: Record<string, string> = { s: "second", m: "minute", h: "hour", d: "day", w: "week" };
const RELATIVE_PARTS = /^now\s*([+-])\s*(\d+(?:\.\d+)?)\s*([smhdw])$/i;

/** Reads a relative time aloud: `now-7d` is "now minus 7 days". */
export function describeRelativeTime(text: string): string {
  if (text.trim().toLowerCase() === "now") return "the time when the predicate runs";
  const parts = RELATIVE_PARTS.exec(text.trim());
  if (parts === null) return text;
  const [, sign, amount = "", unit = ""] = parts;
  const name = unitNames[unit.toLowerCase()] ?? unit;
  return `now ${sign === "-" ? "minus" : "plus"} ${amount} ${name}${amount === "1" ? "" : "s"}`;
}

function describeDay(dayStartMs: number): string {
  const start = new Date(dayStartMs).toISOString();
  const end = new Date(dayStartMs + DAY_MS).toISOString();
  return `With = and IN: the UTC day from ${start} up to ${end}. With <, <=, >, >= and BETWEEN: the instant ${start}.`;
}

function describeLabel(path: string, labels: readonly string[], ordered: boolean, index: number): string {
  if (!ordered) return `A label of ${path}, one of ${labels.join(", ")}.`;
  const order = labels.map((label, position) => (position === index ? `**${label}**` : label)).join(" < ");
  return `Label ${index + 1} of ${labels.length} of ${path} in the declared order: ${order}.`;
}

/**
 * Describes in Markdown how a written value reads for its field, or returns `undefined` for an empty
 * value that recovery invented. `operator` decides whether the value is a pattern (for ~, !~ and =~).
 */
export function describeValue(field: ResolvedField, literal: Literal, operator: OperatorName): string | undefined {
  if (literal.span.start === literal.span.end) return undefined;
  const code = markdownCode(literal.text);
  if (operator === "=~") return `${code}: an RE2 regular expression searched anywhere in ${field.path}.`;
  if (operator === "~" || operator === "!~") return describePattern(code, literal.text, field.path);

  const type = field.type;
  switch (type.kind) {
    case "size": {
      const bytes = parseSize(literal.text);
      return bytes.ok ? `${code} is ${groupDigits(bytes.value)} bytes.` : `${code} ${bytes.message}`;
    }
    case "timestamp":
      return describeTimestamp(code, literal.text);
    case "enum":
      return describeEnumValue(code, literal.text, field.path, type.labels, type.ordered);
    case "number": {
      const number = parseNumber(literal.text);
      if (!number.ok) return `${code} ${number.message}`;
      const outside =
        (type.minimum !== undefined && number.value < type.minimum) || (type.maximum !== undefined && number.value > type.maximum);
      return outside ? `The number ${number.value}, outside the range of ${field.path} (${typeRange(type)}).` : `The number ${number.value}.`;
    }
    case "boolean": {
      const lower = literal.text.toLowerCase();
      return lower === "true" || lower === "false" ? `The boolean ${lower}.` : `${code} is not a boolean; write true or false.`;
    }
    case "string":
    case "stringList":
      return `The text ${code}, compared with ${field.path} ignoring case.`;
  }
}

function typeRange(type: Extract<FieldType, { kind: "number" }>): string {
  return `${type.minimum ?? "-∞"} to ${type.maximum ?? "∞"}`;
}

function describePattern(code: string, text: string, path: string): string {
  const hasWildcard = /(?:^|[^\\])(?:\\\\)*[*?]/.test(text);
  return hasWildcard
    ? `${code}: a wildcard pattern that must match the whole of ${path}, ignoring case (* is any run of characters, ? one character).`
    : `${code}: text that ${path} must contain, ignoring case.`;
}

function describeTimestamp(code: string, text: string): string {
  const read = parseTimestampLiteral(text);
  if (!read.ok) return `${code} ${read.message}`;
  const value = read.value;
  switch (value.kind) {
    case "relative":
      if (text.trim().toLowerCase() === "now") return `${code} is the time when the predicate runs: the now option of compile, Date.now by default.`;
      return `${code} is ${describeRelativeTime(text)}, counted from the time when the predicate runs.`;
    case "instant":
      return `${code} is the instant ${new Date(value.epochMs).toISOString()} (UTC).`;
    case "day":
      return `${code} is a date. ${describeDay(value.epochMs)}`;
  }
}

function describeEnumValue(code: string, text: string, path: string, labels: readonly string[], ordered: boolean): string {
  const index = labels.findIndex((label) => label.toLowerCase() === text.toLowerCase());
  if (index !== -1) return describeLabel(path, labels, ordered, index);
  const closest = closestMatch(text, labels);
  const suggestion = closest === undefined ? "" : ` Did you mean ${closest}?`;
  return `${code} is not a label of ${path}; the labels are ${listWords(labels, "and")}.${suggestion}`;
}
