/**
 * Requirement extraction: finds the text fields that a checked query needs to equal one of a fixed
 * set of values before it can be true. The matcher indexes each query by one such requirement, so it
 * tests the query only for events whose field value is in that set.
 */
import { acceptedLabels, type BoundExpression, type Test } from "../checker/bound.js";
import type { ResolvedField } from "../datasets/dataset.js";

/**
 * A necessary condition of a query: whenever the query is true, the event's value of `field`, lower-cased,
 * is one of `values`. For a string list field, some string element of the list is one of `values`.
 */
export interface Requirement {
  readonly field: ResolvedField;
  readonly values: ReadonlySet<string>;
}

/** Requirements by field path; a field appears at most once. */
type RequirementMap = Map<string, Requirement>;

/**
 * Finds every field requirement of a query: for each field that all ways of satisfying the query
 * need, the set of lower-case values it has to take. Only `=` and `IN` on string, enum and string
 * list fields, and `<`, `<=`, `>`, `>=`, `BETWEEN` on ordered enums, produce requirements.
 * An empty set of values means that the query can never be true.
 */
export function findRequirements(expression: BoundExpression): Requirement[] {
  return [...requirementsOf(expression, false).values()];
}

/** Requirements of the expression, or of its negation when `negated`, pushing NOT inwards by De Morgan's laws. */
function requirementsOf(expression: BoundExpression, negated: boolean): RequirementMap {
  switch (expression.kind) {
    case "and":
    case "or": {
      const operands = expression.operands.map((operand) => requirementsOf(operand, negated));
      // NOT (a AND b) is (NOT a) OR (NOT b), and NOT (a OR b) is (NOT a) AND (NOT b).
      const conjunction = (expression.kind === "and") !== negated;
      return conjunction ? conjoin(operands) : disjoin(operands);
    }
    case "not":
      return requirementsOf(expression.operand, !negated);
    case "test": {
      // The complement of an equality allows missing fields and every other value, so it requires nothing.
      if (negated) return new Map();
      const values = acceptedValues(expression.test);
      if (values === undefined) return new Map();
      return new Map([[expression.field.path, { field: expression.field, values }]]);
    }
  }
}

/** Returns the lower-case text values that pass a test, or `undefined` when the test is not an equality on text. */
function acceptedValues(test: Test): Set<string> | undefined {
  switch (test.op) {
    case "textIn":
      return new Set(test.values);
    case "rankOrder":
    case "rankBetween":
      return acceptedLabels(test);
    default:
      return undefined;
  }
}



/**
 * Requirements of a conjunction: every operand's requirements hold. Two requirements on one single-valued
 * field combine into the intersection of their sets. On a list field they cannot, because different
 * elements may satisfy them, so the smaller set is kept.
 */
function conjoin(operands: RequirementMap[]): RequirementMap {
  const combined: RequirementMap = new Map();
  for (const operand of operands) {
    for (const [path, requirement] of operand) {
      const existing = combined.get(path);
      if (existing === undefined) {
        combined.set(path, requirement);
      } else if (requirement.field.type.kind === "stringList") {
        if (requirement.values.size < existing.values.size) combined.set(path, requirement);
      } else {
        const common = new Set([...existing.values].filter((value) => requirement.values.has(value)));
        combined.set(path, { field: requirement.field, values: common });
      }
    }
  }
  return combined;
}

/** Requirements of a disjunction: only fields that every operand requires, with the union of their sets. */
function disjoin(operands: RequirementMap[]): RequirementMap {
  const [first, ...rest] = operands;
  if (first === undefined) return new Map();
  const combined: RequirementMap = new Map();
  for (const [path, requirement] of first) {
    const values = new Set(requirement.values);
    let everyOperand = true;
    for (const operand of rest) {
      const other = operand.get(path);
      if (other === undefined) {
        everyOperand = false;
        break;
      }
      for (const value of other.values) values.add(value);
    }
    if (everyOperand) combined.set(path, { field: requirement.field, values });
  }
  return combined;
}

/**
 * Estimates the fraction of events that satisfy a requirement, to pick the most selective one.
 * Enum fields count their labels; string and list fields have no known domain.
 * NOTE: the string and list fractions are guesses (an id or account name rarely repeats across
 * events, a compliance tag often does), not measured on real event streams.
 */
export function estimateSelectivity(requirement: Requirement): number {
  const count = requirement.values.size;
  const type = requirement.field.type;
  switch (type.kind) {
    case "enum":
      return Math.min(1, count / type.labels.length);
    case "stringList":
      return Math.min(1, count * 0.05);
    default:
      return Math.min(1, count * 0.01);
  }
}

/**
 * Picks the requirement to index a query by: the lowest estimated selectivity, then the field that more
 * queries are already indexed by (so that `match` reads fewer fields per event), then the fewest values.
 * `undefined` when the query has no requirement.
 */
export function chooseRequirement(requirements: readonly Requirement[], queriesByField: (path: string) => number): Requirement | undefined {
  let best: Requirement | undefined;
  let bestScore = 0;
  let bestShared = 0;
  for (const requirement of requirements) {
    const score = estimateSelectivity(requirement);
    const shared = queriesByField(requirement.field.path);
    const better =
      best === undefined ||
      score < bestScore ||
      (score === bestScore && shared > bestShared) ||
      (score === bestScore && shared === bestShared && requirement.values.size < best.values.size);
    if (better) {
      best = requirement;
      bestScore = score;
      bestShared = shared;
    }
  }
  return best;
}
