/**
 * Builds a predicate from closures over the checked tree, without `new Function`, for runtimes that
 * forbid eval. It follows the generated code test for test: constants are prepared once here, and
 * each event only runs the closures.
 */
import { acceptedLabels, usesNow, type BoundExpression, type OrderOperator, type Test, type TimePoint, type TimeValue } from "../checker/bound.js";
import type { ResolvedField } from "../datasets/dataset.js";
import { DAY_MS } from "../values/time.js";
import { emptyEvent, hasOwn, isNullValue, readClock, toNumber, toTime } from "./runtime.js";

/** `plain` is true when the event's prototype is Object.prototype; see the reader in codegen.ts. */
type Check = (event: object, plain: boolean, now: number) => boolean;
type ValueCheck = (value: unknown, now: number) => boolean;

const objectPrototype = Object.prototype;

function fieldReader(field: ResolvedField): (event: object, plain: boolean) => unknown {
  const [first, ...rest] = field.segments as [string, ...string[]];
  return (event, plain) => {
    let value: unknown = (plain && !(first in objectPrototype)) || hasOwn(event, first) ? (event as Record<string, unknown>)[first] : undefined;
    for (const segment of rest) {
      if (value === null || typeof value !== "object" || Array.isArray(value) || !hasOwn(value, segment)) return undefined;
      value = (value as Record<string, unknown>)[segment];
    }
    return value;
  };
}

function compare(operator: OrderOperator, bound: number): (value: number) => boolean {
  switch (operator) {
    case "<":
      return (value) => value < bound;
    case "<=":
      return (value) => value <= bound;
    case ">":
      return (value) => value > bound;
    case ">=":
      return (value) => value >= bound;
  }
}

function point(time: TimePoint): (now: number) => number {
  if (time.kind === "instant") {
    const epochMs = time.epochMs;
    return () => epochMs;
  }
  const offsetMs = time.offsetMs;
  return (now) => now + offsetMs;
}

function timeEquals(value: TimeValue): (time: number, now: number) => boolean {
  if (value.kind === "day") {
    const start = value.epochMs;
    const end = start + DAY_MS;
    return (time) => time >= start && time < end;
  }
  const at = point(value);
  return (time, now) => time === at(now);
}

/** Applies a text test to the value itself for strings, and to any string element for lists. */
function textCheck(list: boolean, test: (text: string) => boolean): ValueCheck {
  if (!list) return (value) => typeof value === "string" && test(value);
  return (value) => {
    if (!Array.isArray(value)) return false;
    for (const element of value) {
      if (typeof element === "string" && test(element)) return true;
    }
    return false;
  };
}

function labelCheck(labels: readonly string[], acceptedLower: readonly string[]): ValueCheck {
  const accepted = new Set(acceptedLower);
  const declared = new Set(labels.filter((label) => accepted.has(label.toLowerCase())));
  return (value) => typeof value === "string" && (declared.has(value) || accepted.has(value.toLowerCase()));
}

function valueCheck(field: ResolvedField, test: Test): ValueCheck {
  const list = field.type.kind === "stringList";
  switch (test.op) {
    case "isNull":
      return (value) => isNullValue(value, list);
    case "textIn": {
      if (field.type.kind === "enum") return labelCheck(field.type.labels, test.values);
      const values = new Set(test.values);
      return textCheck(list, (text) => values.has(text.toLowerCase()));
    }
    case "textMatch": {
      const matcher = test.matcher;
      return textCheck(list, (text) => matcher.test(text.toLowerCase()));
    }
    case "regex": {
      const regex = test.regex;
      return textCheck(list, (text) => regex.test(text));
    }
    case "numberIn": {
      const values = new Set(test.values);
      return (value) => values.has(toNumber(value));
    }
    case "numberOrder": {
      const holds = compare(test.operator, test.value);
      return (value) => holds(toNumber(value));
    }
    case "numberBetween": {
      const { low, high } = test;
      return (value) => {
        const number = toNumber(value);
        return number >= low && number <= high;
      };
    }
    case "booleanIn": {
      const values = new Set(test.values);
      return (value) => typeof value === "boolean" && values.has(value);
    }
    case "timeIn": {
      const checks = test.values.map(timeEquals);
      return (value, now) => {
        const time = toTime(value);
        return checks.some((check) => check(time, now));
      };
    }
    case "timeOrder": {
      const at = point(test.value);
      const operator = test.operator;
      return (value, now) => compare(operator, at(now))(toTime(value));
    }
    case "timeBetween": {
      const low = point(test.low);
      const high = point(test.high);
      return (value, now) => {
        const time = toTime(value);
        return time >= low(now) && time <= high(now);
      };
    }
    case "rankOrder":
    case "rankBetween":
      if (field.type.kind !== "enum") throw new Error("An order test needs an enum field.");
      return labelCheck(field.type.labels, [...acceptedLabels(test)]);
  }
}

function build(expression: BoundExpression): Check {
  switch (expression.kind) {
    case "and": {
      const operands = expression.operands.map(build);
      return (event, plain, now) => {
        for (const operand of operands) if (!operand(event, plain, now)) return false;
        return true;
      };
    }
    case "or": {
      const operands = expression.operands.map(build);
      return (event, plain, now) => {
        for (const operand of operands) if (operand(event, plain, now)) return true;
        return false;
      };
    }
    case "not": {
      const operand = build(expression.operand);
      return (event, plain, now) => !operand(event, plain, now);
    }
    case "test": {
      const read = fieldReader(expression.field);
      const check = valueCheck(expression.field, expression.test);
      return (event, plain, now) => check(read(event, plain), now);
    }
  }
}

/** Builds the predicate for a checked query from closures. */
export function buildClosurePredicate(expression: BoundExpression, now: () => number): (event: unknown) => boolean {
  const check = build(expression);
  const needsNow = usesNow(expression);
  return (event: unknown): boolean => {
    try {
      const target = event === null || typeof event !== "object" || Array.isArray(event) ? emptyEvent : event;
      return check(target, Object.getPrototypeOf(target) === objectPrototype, needsNow ? readClock(now) : 0);
    } catch {
      return false;
    }
  };
}
