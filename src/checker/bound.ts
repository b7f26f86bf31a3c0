/**
 * The checked query: the tree with fields resolved against the dataset and every literal read into
 * its typed constant. The compiler, the closure builder and the reference evaluator all take it.
 * Negative operators (`!=`, `!~`, `NOT IN`, `IS NOT NULL`) become `not` around the positive test,
 * which makes them exact complements.
 */
import type { RE2JS } from "re2js";
import type { Condition, Expression } from "../ast/nodes.js";
import type { ResolvedField } from "../datasets/dataset.js";
import type { TextMatcher } from "../compiler/wildcard.js";

export type BoundExpression =
  | { kind: "and"; operands: BoundExpression[]; node: Expression }
  | { kind: "or"; operands: BoundExpression[]; node: Expression }
  | { kind: "not"; operand: BoundExpression; node: Expression }
  | { kind: "test"; field: ResolvedField; test: Test; node: Condition };

export type OrderOperator = "<" | "<=" | ">" | ">=";

/** A point in time: fixed, or an offset from the evaluation time. */
export type TimePoint = { kind: "instant"; epochMs: number } | { kind: "relative"; offsetMs: number };

/** One allowed timestamp for `=` and `IN`: an instant, or a whole UTC day for a date-only literal. */
export type TimeValue = TimePoint | { kind: "day"; epochMs: number };

export type Test =
  /** Missing, null, or an empty list. */
  | { op: "isNull" }
  /** Text equal, ignoring case, to one of `values` (already in lower case). For lists: any element. */
  | { op: "textIn"; values: string[] }
  /** `~`: substring or wildcard match, ignoring case. For lists: any element. */
  | { op: "textMatch"; matcher: TextMatcher }
  /** `=~`: regular expression search (RE2 syntax, linear time). For lists: any element. */
  | { op: "regex"; pattern: string; regex: RE2JS }
  | { op: "numberIn"; values: number[] }
  | { op: "numberOrder"; operator: OrderOperator; value: number }
  | { op: "numberBetween"; low: number; high: number }
  | { op: "booleanIn"; values: boolean[] }
  | { op: "timeIn"; values: TimeValue[] }
  | { op: "timeOrder"; operator: OrderOperator; value: TimePoint }
  | { op: "timeBetween"; low: TimePoint; high: TimePoint }
  /** Ordered enum: the event's label ranked by declared order, `ranks` keyed by lower-case label. */
  | { op: "rankOrder"; operator: OrderOperator; rank: number; ranks: ReadonlyMap<string, number> }
  | { op: "rankBetween"; low: number; high: number; ranks: ReadonlyMap<string, number> };

/** Compares two numbers with an order operator. */
export function compareOrder(left: number, operator: OrderOperator, right: number): boolean {
  switch (operator) {
    case "<":
      return left < right;
    case "<=":
      return left <= right;
    case ">":
      return left > right;
    case ">=":
      return left >= right;
  }
}

/** Returns the lower-case labels, in declared order, whose rank passes an order test on an ordered enum. */
export function acceptedLabels(test: Extract<Test, { op: "rankOrder" | "rankBetween" }>): Set<string> {
  const labels = new Set<string>();
  for (const [label, rank] of test.ranks) {
    const passes = test.op === "rankBetween" ? rank >= test.low && rank <= test.high : compareOrder(rank, test.operator, test.rank);
    if (passes) labels.add(label);
  }
  return labels;
}

/** Tells whether evaluating the query needs the current time. */
export function usesNow(expression: BoundExpression): boolean {
  switch (expression.kind) {
    case "and":
    case "or":
      return expression.operands.some(usesNow);
    case "not":
      return usesNow(expression.operand);
    case "test": {
      const test = expression.test;
      if (test.op === "timeIn") return test.values.some((value) => value.kind === "relative");
      if (test.op === "timeOrder") return test.value.kind === "relative";
      if (test.op === "timeBetween") return test.low.kind === "relative" || test.high.kind === "relative";
      return false;
    }
  }
}
