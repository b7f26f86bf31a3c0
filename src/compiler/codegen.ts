/**
 * Generates the JavaScript source of a predicate from a checked query. No text of the query enters
 * the source: every literal becomes a constant `c<N>` passed to the factory, property names come from
 * the dataset schema and are emitted only after a check that they are plain identifiers, and the
 * rest is fixed code. Each field path gets one reader function and each condition one test function,
 * small enough for V8 to inline.
 */
import type { BoundExpression, OrderOperator, Test, TimePoint, TimeValue } from "../checker/bound.js";
import type { ResolvedField } from "../datasets/dataset.js";
import { DAY_MS } from "../values/time.js";

export interface GeneratedPredicate {
  /** The factory body: takes `(constants, helpers)` and returns the predicate. */
  source: string;
  constants: unknown[];
  usesNow: boolean;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

class Generator {
  readonly constants: unknown[] = [];
  readonly functions: string[] = [];
  private readonly readers = new Map<string, string>();
  usesNow = false;

  constant(value: unknown): string {
    const index = this.constants.indexOf(value);
    if (index !== -1 && typeof value !== "object") return `c${index}`;
    this.constants.push(value);
    return `c${this.constants.length - 1}`;
  }

  /** Returns the name of a function that reads the field's path from an event through own properties. */
  reader(field: ResolvedField): string {
    const existing = this.readers.get(field.path);
    if (existing !== undefined) return existing;
    const name = `read${this.readers.size}`;
    const lines = [`function ${name}(value) {`];
    field.segments.forEach((segment, index) => {
      if (!IDENTIFIER.test(segment)) throw new Error(`Invalid property name in the schema: ${JSON.stringify(segment)}.`);
      const arrayCheck = index === 0 ? "" : " || Array.isArray(value)";
      lines.push(`  if (value === null || typeof value !== "object"${arrayCheck} || !hasOwn(value, "${segment}")) return undefined;`);
      lines.push(`  value = value.${segment};`);
    });
    lines.push("  return value;", "}");
    this.functions.push(lines.join("\n"));
    this.readers.set(field.path, name);
    return name;
  }

  expression(expression: BoundExpression): string {
    switch (expression.kind) {
      case "and":
        return `(${expression.operands.map((operand) => this.expression(operand)).join(" && ")})`;
      case "or":
        return `(${expression.operands.map((operand) => this.expression(operand)).join(" || ")})`;
      case "not":
        return `!${this.expression(expression.operand)}`;
      case "test":
        return this.test(expression.field, expression.test);
    }
  }

  private test(field: ResolvedField, test: Test): string {
    const name = `test${this.functions.length}`;
    const reader = this.reader(field);
    const body = this.testBody(field, test);
    this.functions.push(`function ${name}(event, now) {\n  const value = ${reader}(event);\n${body}\n}`);
    return `${name}(event, now)`;
  }

  /** Statements that return the test's result for `value`, the field's value in the event. */
  private testBody(field: ResolvedField, test: Test): string {
    const list = field.type.kind === "stringList";
    switch (test.op) {
      case "isNull":
        return list
          ? "  return value === undefined || value === null || (Array.isArray(value) && value.length === 0);"
          : "  return value === undefined || value === null;";
      case "textIn":
        return this.textTest(list, true, this.textInCondition(test.values));
      case "textMatch": {
        const matcher = test.matcher;
        const condition = matcher.kind === "substring" ? `lower.includes(${this.constant(matcher.literal)})` : `${this.constant(matcher)}.test(lower)`;
        return this.textTest(list, true, condition);
      }
      case "regex":
        return this.textTest(list, false, `${this.constant(test.regex)}.test(text)`);
      case "numberIn":
        return `  const number = toNumber(value);\n  return ${test.values.map((value) => `number === ${this.constant(value)}`).join(" || ")};`;
      case "numberOrder":
        return `  return toNumber(value) ${test.operator} ${this.constant(test.value)};`;
      case "numberBetween":
        return `  const number = toNumber(value);\n  return number >= ${this.constant(test.low)} && number <= ${this.constant(test.high)};`;
      case "booleanIn": {
        const accepted = [...new Set(test.values)];
        return `  return ${accepted.map((value) => `value === ${value ? "true" : "false"}`).join(" || ")};`;
      }
      case "timeIn":
        return `  const time = toTime(value);\n  return ${test.values.map((value) => this.timeEquals(value)).join(" || ")};`;
      case "timeOrder":
        return `  return toTime(value) ${test.operator} ${this.timePoint(test.value)};`;
      case "timeBetween":
        return `  const time = toTime(value);\n  return time >= ${this.timePoint(test.low)} && time <= ${this.timePoint(test.high)};`;
      case "rankOrder":
        return this.rankTest(test.ranks, (rank) => `${rank} ${test.operator} ${this.constant(test.rank)}`);
      case "rankBetween":
        return this.rankTest(test.ranks, (rank) => `${rank} >= ${this.constant(test.low)} && ${rank} <= ${this.constant(test.high)}`);
    }
  }

  /**
   * Wraps a condition on `text` (and on `lower`, its lower case, when `lowered`) for a string field,
   * or for any string element of a list field.
   */
  private textTest(list: boolean, lowered: boolean, condition: string): string {
    const lowerLine = lowered ? "const lower = text.toLowerCase(); " : "";
    if (!list) return `  if (typeof value !== "string") return false;\n  const text = value;\n  ${lowerLine}return ${condition};`;
    return [
      "  if (!Array.isArray(value)) return false;",
      "  for (let index = 0; index < value.length; index++) {",
      "    const text = value[index];",
      "    if (typeof text !== \"string\") continue;",
      `    ${lowerLine}if (${condition}) return true;`,
      "  }",
      "  return false;",
    ].join("\n");
  }

  private textInCondition(values: string[]): string {
    const unique = [...new Set(values)];
    if (unique.length > 4) return `${this.constant(new Set(unique))}.has(text.toLowerCase())`;
    return unique.map((value) => `lower === ${this.constant(value)}`).join(" || ");
  }

  private timeEquals(value: TimeValue): string {
    if (value.kind === "day") return `(time >= ${this.constant(value.epochMs)} && time < ${this.constant(value.epochMs + DAY_MS)})`;
    return `time === ${this.timePoint(value)}`;
  }

  private timePoint(point: TimePoint): string {
    if (point.kind === "instant") return this.constant(point.epochMs);
    this.usesNow = true;
    return `(now + ${this.constant(point.offsetMs)})`;
  }

  private rankTest(ranks: ReadonlyMap<string, number>, condition: (rank: string) => string): string {
    const map = this.constant(ranks);
    return `  if (typeof value !== "string") return false;\n  const rank = ${map}.get(value.toLowerCase());\n  return rank !== undefined && ${condition("rank")};`;
  }
}

/** Generates the factory source and constants for a checked query. */
export function generatePredicate(expression: BoundExpression): GeneratedPredicate {
  const generator = new Generator();
  const body = generator.expression(expression);
  const constantLines = generator.constants.map((_, index) => `const c${index} = constants[${index}];`);
  const nowLine = generator.usesNow ? "    const now = readClock(helpers.now);" : "    const now = 0;";
  const source = [
    '"use strict";',
    "const { hasOwn, toNumber, toTime, readClock } = helpers;",
    ...constantLines,
    ...generator.functions,
    "return function gqlPredicate(event) {",
    "  try {",
    nowLine,
    `    return ${body};`,
    "  } catch {",
    "    return false;",
    "  }",
    "};",
  ].join("\n");
  return { source, constants: generator.constants, usesNow: generator.usesNow };
}
