/** Describes what an event contains in a field, for explanations: "size is 2,048 bytes", "flow is missing". */
import type { ResolvedField } from "../datasets/dataset.js";
import { typePhrase } from "../checker/literals.js";
import { quote } from "../diagnostics/quote.js";
import { toNumber, toTime } from "../compiler/runtime.js";

const numberFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 6 });

function shortJson(value: unknown): string {
  try {
    const text = JSON.stringify(value);
    if (text === undefined) return String(value);
    return text.length > 80 ? `${text.slice(0, 79)}…` : text;
  } catch {
    return Object.prototype.toString.call(value);
  }
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (value instanceof Date) return "a Date";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

export function describeValue(field: ResolvedField, value: unknown): string {
  const name = field.path;
  if (value === undefined) return `${name} is missing`;
  if (value === null) return `${name} is null`;
  const wrongType = `${name} is ${kindOf(value)} (${shortJson(value)}), not ${typePhrase(field.type)}`;
  switch (field.type.kind) {
    case "number":
    case "size": {
      const number = toNumber(value);
      if (Number.isNaN(number)) return wrongType;
      const formatted = `${name} is ${numberFormat.format(number)}`;
      if (field.type.kind !== "size") return formatted;
      return `${formatted} ${number === 1 ? "byte" : "bytes"}`;
    }
    case "timestamp": {
      const time = toTime(value);
      if (Number.isNaN(time)) return wrongType;
      const written = typeof value === "string" ? quote(value) : shortJson(value);
      // Epoch milliseconds beyond the range of Date are still timestamps, but have no ISO form.
      if (Math.abs(time) > 8.64e15) return `${name} is ${written} (epoch milliseconds beyond the range of dates)`;
      const instant = new Date(time).toISOString();
      return written === quote(instant) ? `${name} is ${instant}` : `${name} is ${written} (${instant})`;
    }
    case "boolean":
      return typeof value === "boolean" ? `${name} is ${value}` : wrongType;
    case "stringList":
      if (!Array.isArray(value)) return wrongType;
      return value.length === 0 ? `${name} is an empty list` : `${name} is ${shortJson(value)}`;
    default:
      return typeof value === "string" ? `${name} is ${quote(value)}` : wrongType;
  }
}
