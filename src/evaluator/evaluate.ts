/**
 * The reference evaluator: walks the checked tree and decides one event directly. It states the
 * semantics plainly and is what the generated code is tested against.
 */
import { compareOrder, type BoundExpression, type Test, type TimePoint, type TimeValue } from "../checker/bound.js";
import type { FieldType } from "../datasets/types.js";
import { DAY_MS } from "../values/time.js";
import { anyText, isNullValue, readPath, toNumber, toTime } from "../compiler/runtime.js";

/** Evaluates a checked query for one event; `nowMs` is the time relative literals count from. */
export function evaluate(expression: BoundExpression, event: unknown, nowMs: number): boolean {
  switch (expression.kind) {
    case "and":
      return expression.operands.every((operand) => evaluate(operand, event, nowMs));
    case "or":
      return expression.operands.some((operand) => evaluate(operand, event, nowMs));
    case "not":
      return !evaluate(expression.operand, event, nowMs);
    case "test":
      return evaluateTest(expression.test, expression.field.type, readPath(event, expression.field.segments), nowMs);
  }
}

function resolvePoint(point: TimePoint, nowMs: number): number {
  return point.kind === "instant" ? point.epochMs : nowMs + point.offsetMs;
}

function matchesTime(time: number, value: TimeValue, nowMs: number): boolean {
  if (value.kind === "day") return time >= value.epochMs && time < value.epochMs + DAY_MS;
  return time === resolvePoint(value, nowMs);
}

/** Applies a text test to a string field, or to any element of a list field. */
function textTest(type: FieldType, value: unknown, test: (text: string) => boolean): boolean {
  if (type.kind === "stringList") return anyText(value, test);
  return typeof value === "string" && test(value);
}

function rankOf(value: unknown, ranks: ReadonlyMap<string, number>): number | undefined {
  return typeof value === "string" ? ranks.get(value.toLowerCase()) : undefined;
}

function evaluateTest(test: Test, type: FieldType, value: unknown, nowMs: number): boolean {
  switch (test.op) {
    case "isNull":
      return isNullValue(value, type.kind === "stringList");
    case "textIn":
      return textTest(type, value, (text) => test.values.includes(text.toLowerCase()));
    case "textMatch":
      return textTest(type, value, (text) => test.matcher.test(text.toLowerCase()));
    case "regex":
      return textTest(type, value, (text) => test.regex.test(text));
    case "numberIn":
      return test.values.includes(toNumber(value));
    case "numberOrder":
      return compareOrder(toNumber(value), test.operator, test.value);
    case "numberBetween": {
      const number = toNumber(value);
      return number >= test.low && number <= test.high;
    }
    case "booleanIn":
      return typeof value === "boolean" && test.values.includes(value);
    case "timeIn": {
      const time = toTime(value);
      return test.values.some((candidate) => matchesTime(time, candidate, nowMs));
    }
    case "timeOrder":
      return compareOrder(toTime(value), test.operator, resolvePoint(test.value, nowMs));
    case "timeBetween": {
      const time = toTime(value);
      return time >= resolvePoint(test.low, nowMs) && time <= resolvePoint(test.high, nowMs);
    }
    case "rankOrder": {
      const rank = rankOf(value, test.ranks);
      return rank !== undefined && compareOrder(rank, test.operator, test.rank);
    }
    case "rankBetween": {
      const rank = rankOf(value, test.ranks);
      return rank !== undefined && rank >= test.low && rank <= test.high;
    }
  }
}
