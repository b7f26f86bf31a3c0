/**
 * Reasoning about conditions on one field joined by AND: can a single value make all of them true?
 * A condition that this reasoning does not model counts as true for some value, so the result errs
 * towards "yes" and a "no" is always right.
 */
import type { Condition, Expression } from "../../ast/nodes.js";
import type { ResolvedField } from "../../datasets/dataset.js";
import type { TextMatcher } from "../../compiler/wildcard.js";
import { DAY_MS } from "../../values/time.js";
import { acceptedLabels, type BoundExpression, type Test, type TimePoint, type TimeValue } from "../bound.js";
import { complement, intersect, pointSet, rangeSet, raySet, unionOf, type Interval, type NumberSet } from "./intervals.js";

/** One operand of an AND, reduced to a test on a field that must hold (or, when `negated`, fail). */
export interface Fact {
  readonly field: ResolvedField;
  readonly test: Test;
  readonly negated: boolean;
  /** The condition the test was read from. */
  readonly condition: Condition;
  /** The operand as written, `NOT` and negative operators included; warnings quote and point at it. */
  readonly node: Expression;
}

/** Reads an operand as a fact; `undefined` for an operand that is not a condition, possibly negated. */
export function factOf(operand: BoundExpression): Fact | undefined {
  let negated = false;
  let current = operand;
  while (current.kind === "not") {
    negated = !negated;
    current = current.operand;
  }
  if (current.kind !== "test") return undefined;
  return { field: current.field, test: current.test, negated, condition: current.node, node: operand.node };
}

/** Tells whether one fact requires the field to be missing (`IS NULL`) and another requires a value. */
export function hasNullConflict(facts: readonly Fact[]): boolean {
  const needsNoValue = facts.some((fact) => fact.test.op === "isNull" && !fact.negated);
  // IS NOT NULL needs a value, and so does every positive comparison.
  const needsValue = facts.some((fact) => (fact.test.op === "isNull") === fact.negated);
  return needsNoValue && needsValue;
}

/**
 * Tells whether some value of the field can make every fact hold at once. All facts must be on the
 * same field. Returns `true` whenever the facts are beyond what this reasoning models.
 */
export function canAllHold(facts: readonly Fact[]): boolean {
  if (facts.length === 0) return true;
  if (hasNullConflict(facts) || hasPatternConflict(facts)) return false;
  const field = (facts[0] as Fact).field;
  switch (field.type.kind) {
    case "stringList":
      return listCanHold(facts);
    case "string":
    case "enum":
    case "boolean":
      return textCanHold(facts);
    case "number":
    case "size":
      return rangesCanHold(facts, numberRegion);
    case "timestamp":
      return rangesCanHold(facts, timeRegion);
  }
}

/**
 * Tells whether one fact requires a `~` or `=~` pattern to match and another requires the same
 * pattern to fail, which contradicts for single values and lists alike.
 */
function hasPatternConflict(facts: readonly Fact[]): boolean {
  const matching = new Set<string>();
  const failing = new Set<string>();
  for (const fact of facts) {
    const key = patternKey(fact);
    if (key !== undefined) (fact.negated ? failing : matching).add(key);
  }
  for (const key of matching) if (failing.has(key)) return true;
  return false;
}

function patternKey(fact: Fact): string | undefined {
  const condition = fact.condition;
  if (condition.type !== "Comparison") return undefined;
  // `~` ignores case; `=~` does not.
  if (fact.test.op === "textMatch") return `~${condition.value.text.toLowerCase()}`;
  if (fact.test.op === "regex") return `=~${condition.value.text}`;
  return undefined;
}

/** Lists the lower-case texts (labels, or "true" and "false") that pass a test, when they are finitely many. */
function textValues(test: Test): ReadonlySet<string> | undefined {
  switch (test.op) {
    case "textIn":
      return new Set(test.values);
    case "booleanIn":
      return new Set(test.values.map(String));
    case "rankOrder":
    case "rankBetween":
      return acceptedLabels(test);
    default:
      return undefined;
  }
}



/**
 * Decides a field with one text, label or boolean. Intersects the finite sets that positive facts
 * allow, removes what negative facts exclude, and filters by the `~` patterns. Texts are compared
 * in lower case, as `=`, `IN` and `~` compare them.
 */
function textCanHold(facts: readonly Fact[]): boolean {
  let candidates: Set<string> | undefined;
  for (const fact of facts) {
    const values = fact.negated ? undefined : textValues(fact.test);
    if (values === undefined) continue;
    candidates = candidates === undefined ? new Set(values) : new Set([...candidates].filter((value) => values.has(value)));
  }
  if (candidates === undefined) return true;
  for (const fact of facts) {
    if (fact.negated) {
      const excluded = textValues(fact.test);
      if (excluded !== undefined) for (const value of excluded) candidates.delete(value);
    }
    if (fact.test.op === "textMatch") {
      const { matcher } = fact.test;
      for (const value of candidates) if (matcher.test(value) === fact.negated) candidates.delete(value);
    }
  }
  return candidates.size > 0;
}

/**
 * Decides a list field. Each positive fact may be met by a different element, so positive facts
 * never conflict with each other. A positive `=` or `IN` conflicts with the negative facts only when
 * `!=`, `NOT IN` or `!~` exclude every text it allows, because those require that no element matches.
 */
function listCanHold(facts: readonly Fact[]): boolean {
  const excluded = new Set<string>();
  const excludedPatterns: TextMatcher[] = [];
  for (const fact of facts) {
    if (!fact.negated) continue;
    if (fact.test.op === "textIn") for (const value of fact.test.values) excluded.add(value);
    if (fact.test.op === "textMatch") excludedPatterns.push(fact.test.matcher);
  }
  for (const fact of facts) {
    if (fact.negated || fact.test.op !== "textIn") continue;
    const allowed = fact.test.values.filter((value) => !excluded.has(value) && !excludedPatterns.some((matcher) => matcher.test(value)));
    if (allowed.length === 0) return false;
  }
  return true;
}

/**
 * The numbers a test allows, on a scale named by `scale`. Values on different scales cannot be
 * compared: timestamps fixed in time and timestamps relative to the evaluation time are on different
 * scales, so `createdAt > 2024-01-01 AND createdAt < now-7d` is never called a contradiction.
 */
type Region = { scale: string; numbers: NumberSet };

function numberRegion(test: Test): Region | undefined {
  switch (test.op) {
    case "numberIn":
      return { scale: "number", numbers: unionOf(test.values.flatMap((value) => pointSet(value))) };
    case "numberOrder":
      return { scale: "number", numbers: raySet(test.operator, test.value) };
    case "numberBetween":
      return { scale: "number", numbers: rangeSet(test.low, true, test.high, true) };
    default:
      return undefined;
  }
}

/** Fixed times count from the epoch, relative times from the evaluation time; both in milliseconds. */
function timeScale(point: TimeValue): string {
  return point.kind === "relative" ? "relative" : "instant";
}

function timePosition(point: TimePoint): number {
  return point.kind === "relative" ? point.offsetMs : point.epochMs;
}

function timeRegion(test: Test): Region | undefined {
  switch (test.op) {
    case "timeIn": {
      const scales = new Set(test.values.map(timeScale));
      if (scales.size !== 1) return undefined;
      const intervals: Interval[] = test.values.flatMap((value): Interval[] =>
        value.kind === "day" ? [...rangeSet(value.epochMs, true, value.epochMs + DAY_MS, false)] : [...pointSet(timePosition(value))],
      );
      return { scale: [...scales][0] as string, numbers: unionOf(intervals) };
    }
    case "timeOrder":
      return { scale: timeScale(test.value), numbers: raySet(test.operator, timePosition(test.value)) };
    case "timeBetween":
      if (timeScale(test.low) !== timeScale(test.high)) return undefined;
      return { scale: timeScale(test.low), numbers: rangeSet(timePosition(test.low), true, timePosition(test.high), true) };
    default:
      return undefined;
  }
}

/**
 * Decides a numeric field. Intersects what the positive facts allow with the complement of what the
 * negative facts allow, scale by scale. A negative fact only narrows a scale that a positive fact
 * constrains, because only a positive fact makes sure that the value is a number at all.
 */
function rangesCanHold(facts: readonly Fact[], regionOf: (test: Test) => Region | undefined): boolean {
  const allowed = new Map<string, NumberSet>();
  for (const fact of facts) {
    const region = fact.negated ? undefined : regionOf(fact.test);
    if (region === undefined) continue;
    const before = allowed.get(region.scale);
    allowed.set(region.scale, before === undefined ? region.numbers : intersect(before, region.numbers));
  }
  for (const fact of facts) {
    const region = fact.negated ? regionOf(fact.test) : undefined;
    if (region === undefined) continue;
    const before = allowed.get(region.scale);
    if (before !== undefined) allowed.set(region.scale, intersect(before, complement(region.numbers)));
  }
  for (const numbers of allowed.values()) if (numbers.length === 0) return false;
  return true;
}
