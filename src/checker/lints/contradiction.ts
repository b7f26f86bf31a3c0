import { codes } from "../../diagnostics/codes.js";
import { listWords, quote } from "../../diagnostics/quote.js";
import type { BoundExpression } from "../bound.js";
import { canAllHold, factOf, hasNullConflict, type Fact } from "./conjunction.js";
import { writtenText } from "./query-text.js";
import type { LintContext, LintRule } from "./rule.js";
import { visitBound } from "./walk.js";

/**
 * Only the first this many conditions on one field in one AND are compared, which bounds the work
 * on very long queries. NOTE: a contradiction that needs a later condition goes unreported.
 */
const maxFactsPerField = 256;

/**
 * `contradiction` (GQL600): conditions joined by AND that can never all be true, such as
 * `flow = CATALOGUING AND flow = CLASSIFICATION`, disjoint `IN` lists, empty ranges
 * (`size > 10MB AND size < 1MB`), or `x IS NULL AND x = v`. A list field is true for `=` when any
 * element matches, so `compliance = GDPR AND compliance = PCI` is not a contradiction. Ranges of
 * timestamps are compared only when both ends are fixed, or both relative to now. The warning
 * points at the condition that makes the AND impossible and names the earlier ones it conflicts with.
 */
export const contradictionRule: LintRule = {
  name: "contradiction",
  code: codes.contradiction,
  run(context) {
    visitBound(context.bound, (expression) => {
      if (expression.kind === "and") checkConjunction(expression.operands, context);
    });
  },
};

function checkConjunction(operands: readonly BoundExpression[], context: LintContext): void {
  const factsByField = new Map<string, Fact[]>();
  for (const operand of operands) {
    const fact = factOf(operand);
    // A condition that is false on its own is the business of constant-condition.
    if (fact === undefined || !canAllHold([fact])) continue;
    const facts = factsByField.get(fact.field.path) ?? [];
    if (facts.length < maxFactsPerField) facts.push(fact);
    factsByField.set(fact.field.path, facts);
  }
  for (const facts of factsByField.values()) {
    if (facts.length < 2 || canAllHold(facts)) continue;
    const laterIndex = firstConflictIndex(facts);
    const later = facts[laterIndex] as Fact;
    reportConflict(context, later, conflictingFacts(facts.slice(0, laterIndex), later));
  }
}

/**
 * Returns the index of the first fact that cannot hold together with the facts before it. All the
 * facts together must be known not to hold.
 */
function firstConflictIndex(facts: readonly Fact[]): number {
  // Adding facts only removes values, so the first failing prefix can be found by bisection.
  let low = 1;
  let high = facts.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (canAllHold(facts.slice(0, middle + 1))) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Picks earlier facts that conflict with `later`: a single one when there is one, else a minimal set. */
function conflictingFacts(earlier: readonly Fact[], later: Fact): Fact[] {
  const single = earlier.find((fact) => !canAllHold([fact, later]));
  if (single !== undefined) return [single];
  const needed = [...earlier];
  for (let index = 0; index < needed.length; ) {
    const without = needed.filter((_, other) => other !== index);
    if (canAllHold([...without, later])) index++;
    else needed.splice(index, 1);
  }
  return needed;
}

function reportConflict(context: LintContext, later: Fact, earlier: readonly Fact[]): void {
  const path = later.field.path;
  const pair = earlier.length === 1;
  let reason: string;
  if (hasNullConflict([...earlier, later])) {
    reason = `IS NULL holds only when ${path} has no value, but the other condition needs a value`;
  } else if (later.field.type.kind === "stringList") {
    reason = `no element of ${path} can satisfy the condition that asks for one without being ruled out by the ${pair ? "other" : "others"}`;
  } else {
    reason = `no single value of ${path} satisfies ${pair ? "both" : "all of them"}`;
  }
  const earlierTexts = earlier.map((fact) => quote(writtenText(context, fact.node)));
  context.report(
    later.node.span,
    `${quote(writtenText(context, later.node))} can never be true together with the earlier ${listWords(earlierTexts, "and")}: ${reason}. ` +
      `Correct one of them, or join them with OR if ${pair ? "either" : "any"} should match.`,
  );
}
