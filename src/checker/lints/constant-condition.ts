import type { BetweenCondition, Condition } from "../../ast/nodes.js";
import { codes } from "../../diagnostics/codes.js";
import type { Problem } from "../../diagnostics/problem.js";
import { quote } from "../../diagnostics/quote.js";
import type { ResolvedField } from "../../datasets/dataset.js";
import type { OrderOperator, Test, TimePoint } from "../bound.js";
import { writtenText } from "./query-text.js";
import type { LintContext, LintRule } from "./rule.js";
import { hasNegativeOperator, visitTests } from "./walk.js";

/**
 * `constant-condition` (GQL601): a single condition with the same outcome for every value of the
 * field's type. Never true: `size < 0` (sizes are never negative), a number beyond the schema's
 * `minimum` or `maximum` (`riskScore > 100`), `BETWEEN` with the larger bound first, `classification
 * < PUBLIC` (below the lowest label). True for every value, so only a test that the field has one:
 * `riskScore >= 0`, `classification >= PUBLIC`, `name ~ "*"`, `name ~ ""`; the warning suggests
 * `IS NOT NULL` for these.
 */
export const constantConditionRule: LintRule = {
  name: "constant-condition",
  code: codes.constantCondition,
  run(context) {
    visitTests(context.bound, ({ field, test, node }) => {
      const judgement = judge(field, test, node);
      if (judgement !== undefined) report(context, field, node, judgement);
    });
  },
};

/** The outcome of a test that is the same for every value of its field's type. */
type Judgement =
  /** No value passes, for the `reason` given. `swapBounds` is the BETWEEN whose larger bound comes first. */
  | { outcome: "never"; reason: string; swapBounds?: BetweenCondition }
  /** Every value passes: `noun` names such a value and `reason` explains why it passes. */
  | { outcome: "everyValue"; noun: string; reason: string };

/** The smallest and largest values of a field on the scale its tests use, with sentences for messages. */
interface Bounds {
  min: number | undefined;
  max: number | undefined;
  /** The reason no value is below `min`: "sizes are never negative". */
  minReason: string;
  /** The reason no value is above `max`: "riskScore is at most 100". */
  maxReason: string;
  /** A value of the field, for "true for every ...". */
  noun: string;
}

function boundsOf(field: ResolvedField): Bounds | undefined {
  const type = field.type;
  switch (type.kind) {
    case "number":
      if (type.minimum === undefined && type.maximum === undefined) return undefined;
      return {
        min: type.minimum,
        max: type.maximum,
        minReason: `${field.path} is at least ${type.minimum}`,
        maxReason: `${field.path} is at most ${type.maximum}`,
        noun: `value of ${field.path}`,
      };
    case "size":
      return { min: 0, max: undefined, minReason: "sizes are never negative", maxReason: "", noun: "size" };
    case "enum": {
      const lowest = type.labels[0] as string;
      const highest = type.labels[type.labels.length - 1] as string;
      return {
        min: 0,
        max: type.labels.length - 1,
        minReason: `${lowest} is the lowest label of ${field.path}`,
        maxReason: `${highest} is the highest label of ${field.path}`,
        noun: `known label of ${field.path}`,
      };
    }
    default:
      return undefined;
  }
}

function judge(field: ResolvedField, test: Test, condition: Condition): Judgement | undefined {
  switch (test.op) {
    case "numberOrder":
    case "rankOrder": {
      const bounds = boundsOf(field);
      return bounds && judgeOrder(bounds, test.operator, test.op === "numberOrder" ? test.value : test.rank);
    }
    case "numberBetween":
    case "rankBetween":
      return judgeBetween(boundsOf(field), test.low, test.high, condition);
    case "timeBetween":
      return judgeTimeBetween(test.low, test.high, condition);
    case "numberIn": {
      const bounds = boundsOf(field);
      return bounds && judgeValues(bounds, test.values);
    }
    case "textMatch":
      if (test.matcher.kind === "substring" && test.matcher.literal === "") {
        return { outcome: "everyValue", noun: "text", reason: "every text contains the empty text" };
      }
      if (test.matcher.kind === "wildcard" && test.matcher.literal === "*") {
        return { outcome: "everyValue", noun: "text", reason: "* matches any text" };
      }
      return undefined;
    default:
      return undefined;
  }
}

function below(bounds: Bounds, value: number, orEqual: boolean): boolean {
  return bounds.min !== undefined && (value < bounds.min || (orEqual && value === bounds.min));
}

function above(bounds: Bounds, value: number, orEqual: boolean): boolean {
  return bounds.max !== undefined && (value > bounds.max || (orEqual && value === bounds.max));
}

function judgeOrder(bounds: Bounds, operator: OrderOperator, value: number): Judgement | undefined {
  const never = (reason: string): Judgement => ({ outcome: "never", reason });
  const every = (reason: string): Judgement => ({ outcome: "everyValue", noun: bounds.noun, reason });
  switch (operator) {
    case "<":
      if (below(bounds, value, true)) return never(bounds.minReason);
      return above(bounds, value, false) ? every(bounds.maxReason) : undefined;
    case "<=":
      if (below(bounds, value, false)) return never(bounds.minReason);
      return above(bounds, value, true) ? every(bounds.maxReason) : undefined;
    case ">":
      if (above(bounds, value, true)) return never(bounds.maxReason);
      return below(bounds, value, false) ? every(bounds.minReason) : undefined;
    case ">=":
      if (above(bounds, value, false)) return never(bounds.maxReason);
      return below(bounds, value, true) ? every(bounds.minReason) : undefined;
  }
}

function judgeBetween(bounds: Bounds | undefined, low: number, high: number, condition: Condition): Judgement | undefined {
  if (low > high) return swappedBounds(condition);
  if (bounds === undefined) return undefined;
  if (below(bounds, high, false)) return { outcome: "never", reason: bounds.minReason };
  if (above(bounds, low, false)) return { outcome: "never", reason: bounds.maxReason };
  if (below(bounds, low, true) && above(bounds, high, true)) {
    return { outcome: "everyValue", noun: bounds.noun, reason: `${bounds.minReason} and ${bounds.maxReason}` };
  }
  return undefined;
}

function swappedBounds(condition: Condition): Judgement | undefined {
  return condition.type === "Between" ? { outcome: "never", reason: "", swapBounds: condition } : undefined;
}

/** Judges a BETWEEN of two times, whose bounds compare only when both are fixed or both relative to the evaluation time. */
function judgeTimeBetween(low: TimePoint, high: TimePoint, condition: Condition): Judgement | undefined {
  if (low.kind === "instant" && high.kind === "instant" && low.epochMs > high.epochMs) return swappedBounds(condition);
  if (low.kind === "relative" && high.kind === "relative" && low.offsetMs > high.offsetMs) return swappedBounds(condition);
  return undefined;
}

/** Judges `=` and `IN` with numbers, which are never true when every value is beyond the bounds. */
function judgeValues(bounds: Bounds, values: readonly number[]): Judgement | undefined {
  const isBelow = values.map((value) => below(bounds, value, false));
  const isAbove = values.map((value) => above(bounds, value, false));
  if (!values.every((_, index) => isBelow[index] || isAbove[index])) return undefined;
  const reasons = [isBelow.includes(true) ? bounds.minReason : "", isAbove.includes(true) ? bounds.maxReason : ""].filter((reason) => reason !== "");
  return { outcome: "never", reason: reasons.join(" and ") };
}

function report(context: LintContext, field: ResolvedField, condition: Condition, judgement: Judgement): void {
  const text = quote(writtenText(context, condition));
  const fieldText = writtenText(context, condition.field);
  const negative = hasNegativeOperator(condition);
  if (judgement.outcome === "never" && judgement.swapBounds !== undefined) {
    const between = judgement.swapBounds;
    const suggestion = swapSuggestion(context, between);
    const low = writtenText(context, between.low);
    const high = writtenText(context, between.high);
    const order = field.type.kind === "timestamp" ? "later than" : "above";
    context.report(condition.span, `${text} is never true: its lower bound ${low} is ${order} its upper bound ${high}. Write the smaller bound first.`, [suggestion]);
    return;
  }
  if (judgement.outcome === "never") {
    const outcome = negative ? "always true" : "never true";
    context.report(condition.span, `${text} is ${outcome}: ${judgement.reason}. Correct the value, or remove the condition.`);
    return;
  }
  // Only `!~` is negative among the tests that pass for every value.
  const replacement = `${fieldText} ${negative ? "IS NULL" : "IS NOT NULL"}`;
  const outcome = negative ? `false for every ${judgement.noun}` : `true for every ${judgement.noun}`;
  const test = negative ? `${field.path} has no value` : `${field.path} has a value`;
  context.report(
    condition.span,
    `${text} is ${outcome} because ${judgement.reason}, so it only tests that ${test}. Write ${replacement} if that is what you mean.`,
    [{ message: `Replace with ${replacement}.`, span: condition.span, replacement }],
  );
}

function swapSuggestion(context: LintContext, between: BetweenCondition): NonNullable<Problem["suggestions"]>[number] {
  const low = writtenText(context, between.low);
  const high = writtenText(context, between.high);
  const inSource = between.high.span.start <= context.source.length && between.low.span.end <= between.high.span.start;
  const middle = inSource ? context.source.slice(between.low.span.end, between.high.span.start) : " AND ";
  return {
    message: `Swap the bounds: ${high}${middle}${low}.`,
    span: { start: between.low.span.start, end: between.high.span.end },
    replacement: `${high}${middle}${low}`,
  };
}
