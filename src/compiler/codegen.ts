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
import { isAscii, internalize } from "./plan.js";
import { acceptedLabels } from "../checker/bound.js";

export interface GeneratedPredicate {
  /** The factory body: takes `(constants, helpers)` and returns the predicate. */
  source: string;
  constants: unknown[];
  usesNow: boolean;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `>` and `>=` must not accept Infinity, nor `<` and `<=` -Infinity: non-finite numbers are the wrong type. */
const excludedInfinity: Record<OrderOperator, string> = { "<": "-Infinity", "<=": "-Infinity", ">": "Infinity", ">=": "Infinity" };

class Generator {
  readonly constants: unknown[] = [];
  readonly functions: string[] = [];
  private readonly readers = new Map<string, string>();
  private testCount = 0;
  usesNow = false;

  constant(value: unknown): string {
    const stored = typeof value === "string" ? internalize(value) : value;
    const index = typeof stored === "object" ? -1 : this.constants.indexOf(stored);
    if (index !== -1) return `c${index}`;
    this.constants.push(stored);
    return `c${this.constants.length - 1}`;
  }

  /**
   * Returns the name of a function that reads the field's path from an event through own
   * properties. `plain` is true when the event's prototype is Object.prototype: then a name that
   * Object.prototype lacks can only be an own property, so the `hasOwn` call is skipped for the
   * first segment. Nested objects are checked with `hasOwn`.
   */
  reader(field: ResolvedField): string {
    const existing = this.readers.get(field.path);
    if (existing !== undefined) return existing;
    const name = `read${this.readers.size}`;
    const lines = [`function ${name}(value, plain) {`];
    field.segments.forEach((segment, index) => {
      if (!IDENTIFIER.test(segment)) throw new Error(`Invalid property name in the schema: ${JSON.stringify(segment)}.`);
      if (index === 0) {
        lines.push(`  value = (plain && !("${segment}" in objectPrototype)) || hasOwn(value, "${segment}") ? value.${segment} : undefined;`);
      } else {
        lines.push('  if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;');
        lines.push(`  value = hasOwn(value, "${segment}") ? value.${segment} : undefined;`);
      }
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
    const name = `test${this.testCount++}`;
    const reader = this.reader(field);
    const body = this.testBody(field, test);
    this.functions.push(`function ${name}(event, plain, now) {\n  const value = ${reader}(event, plain);\n${body}\n}`);
    return `${name}(event, plain, now)`;
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
        return field.type.kind === "enum" ? this.labelTest(field.type.labels, test.values) : this.textTest(list, this.textInCondition(test.values));
      case "textMatch":
        return this.textTest(list, this.matchCondition(test));
      case "regex":
        return this.textTest(list, `${this.constant(test.regex)}.test(text)`);
      case "numberIn":
        return this.numberTest(test.values.map((value) => `number === ${this.constant(value)}`).join(" || "));
      case "numberOrder":
        return this.numberTest(`number ${test.operator} ${this.constant(test.value)} && number !== ${excludedInfinity[test.operator]}`);
      case "numberBetween":
        return this.numberTest(`number >= ${this.constant(test.low)} && number <= ${this.constant(test.high)}`);
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
      case "rankBetween":
        if (field.type.kind !== "enum") throw new Error("An order test needs an enum field.");
        return this.labelTest(field.type.labels, [...acceptedLabels(test)]);
    }
  }

  /** Returns statements that compare a number, or a string in number syntax, by `condition` on `number`. */
  private numberTest(condition: string): string {
    return [
      '  if (typeof value === "number") {',
      "    const number = value;",
      `    return ${condition};`,
      "  }",
      '  if (typeof value !== "string") return false;',
      "  const number = toNumber(value);",
      `  return ${condition};`,
    ].join("\n");
  }

  /**
   * An enum label test: the declared spellings of the accepted labels are compared first, so that
   * events in canonical case need no lower-casing; other strings are lower-cased when their length
   * can match, which holds for ASCII labels because lower-casing keeps the length of text whose
   * lower case is ASCII.
   */
  private labelTest(labels: readonly string[], acceptedLower: readonly string[]): string {
    const accepted = new Set(acceptedLower);
    const declared = labels.filter((label) => accepted.has(label.toLowerCase()));
    if (declared.length === 0) return "  return false;";
    const exact = declared.map((label) => `value === ${this.constant(label)}`).join(" || ");
    const lines = [`  if (${exact}) return true;`, '  if (typeof value !== "string") return false;'];
    if (acceptedLower.every(isAscii)) {
      const lengths = [...new Set(acceptedLower.map((label) => label.length))];
      lines.push(`  const length = value.length;\n  if (${lengths.map((length) => `length !== ${length}`).join(" && ")}) return false;`);
    }
    lines.push(`  const lower = value.toLowerCase();\n  return ${this.lowerIn(acceptedLower)};`);
    return lines.join("\n");
  }

  /** Wraps a condition on `text` for a string field, or for any string element of a list field. */
  private textTest(list: boolean, condition: string): string {
    if (!list) return `  if (typeof value !== "string") return false;\n  const text = value;\n  return ${condition};`;
    return [
      "  if (!Array.isArray(value)) return false;",
      "  for (let index = 0; index < value.length; index++) {",
      "    const text = value[index];",
      `    if (typeof text === "string" && (${condition})) return true;`,
      "  }",
      "  return false;",
    ].join("\n");
  }

  /** `text` equal to one of the lower-case values, ignoring case, with a length check for ASCII values. */
  private textInCondition(values: readonly string[]): string {
    const unique = [...new Set(values)];
    if (unique.length === 1 && isAscii(unique[0] as string)) {
      const value = unique[0] as string;
      return `text.length === ${value.length} && text.toLowerCase() === ${this.constant(value)}`;
    }
    if (unique.length > 6 || !unique.every(isAscii)) return `${this.constant(new Set(unique))}.has(text.toLowerCase())`;
    // A few ASCII values: a length check first, then comparisons, in a function of its own that V8 inlines.
    const name = `matchText${this.testCount++}`;
    const lengths = [...new Set(unique.map((value) => value.length))];
    this.functions.push(
      [
        `function ${name}(text) {`,
        "  const length = text.length;",
        `  if (${lengths.map((length) => `length !== ${length}`).join(" && ")}) return false;`,
        "  const lower = text.toLowerCase();",
        `  return ${this.lowerIn(unique)};`,
        "}",
      ].join("\n"),
    );
    return `${name}(text)`;
  }

  private lowerIn(values: readonly string[]): string {
    const unique = [...new Set(values)];
    if (unique.length > 6) return `${this.constant(new Set(unique))}.has(lower)`;
    return unique.map((value) => `lower === ${this.constant(value)}`).join(" || ");
  }

  private matchCondition(test: Extract<Test, { op: "textMatch" }>): string {
    const matcher = test.matcher;
    if (matcher.kind === "substring") return `text.toLowerCase().includes(${this.constant(matcher.literal)})`;
    return `${this.constant(matcher)}.test(text.toLowerCase())`;
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
}

/** Generates the factory source and constants for a checked query. */
export function generatePredicate(expression: BoundExpression): GeneratedPredicate {
  const generator = new Generator();
  const body = generator.expression(expression);
  const constantLines = generator.constants.map((_, index) => `const c${index} = constants[${index}];`);
  const nowLine = generator.usesNow ? "    const now = readClock(helpers.now);" : "    const now = 0;";
  const source = [
    '"use strict";',
    "const { hasOwn, toNumber, toTime, readClock, emptyEvent } = helpers;",
    "const objectPrototype = Object.prototype;",
    ...constantLines,
    ...generator.functions,
    "return function gqlPredicate(event) {",
    "  try {",
    '    if (event === null || typeof event !== "object" || Array.isArray(event)) event = emptyEvent;',
    "    const plain = Object.getPrototypeOf(event) === objectPrototype;",
    nowLine,
    `    return ${body};`,
    "  } catch {",
    "    return false;",
    "  }",
    "};",
  ].join("\n");
  return { source, constants: generator.constants, usesNow: generator.usesNow };
}
