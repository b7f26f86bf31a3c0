import type { Condition, Literal } from "../../ast/nodes.js";
import { codes } from "../../diagnostics/codes.js";
import { listWords, quote } from "../../diagnostics/quote.js";
import type { ResolvedField } from "../../datasets/dataset.js";
import type { Test, TimeValue } from "../bound.js";
import { writtenText } from "./query-text.js";
import type { LintContext, LintRule } from "./rule.js";
import { hasNegativeOperator, visitTests } from "./walk.js";

/**
 * `future-time-for-past-field` (GQL603): a timestamp field that records something that already
 * happened (declared with `past`, such as createdAt or eventTime) compared with a relative time in
 * the future. `createdAt > now+1d` and `createdAt = now+1d` are never true, and `createdAt <
 * now+1d` is true for every such time; the sign of the offset was probably meant to be `-`. Fixed
 * instants are not checked, because whether they are in the future depends on when the query runs.
 */
export const futureTimeForPastFieldRule: LintRule = {
  name: "future-time-for-past-field",
  code: codes.futureTimeForPastField,
  run(context) {
    visitTests(context.bound, ({ field, test, node }) => {
      if (field.type.kind !== "timestamp" || field.type.past !== true) return;
      const finding = findFuture(test, node);
      if (finding !== undefined) report(context, field, node, finding);
    });
  },
};

/**
 * The effect of future times on a condition: `never` when no past time passes, `always` when every
 * past time does, `someValues` when only some values of an `IN` list are in the future.
 */
interface Finding {
  outcome: "never" | "always" | "someValues";
  literals: Literal[];
}

function isFuture(point: TimeValue): boolean {
  return point.kind === "relative" && point.offsetMs > 0;
}

function findFuture(test: Test, condition: Condition): Finding | undefined {
  switch (test.op) {
    case "timeOrder": {
      if (!isFuture(test.value) || condition.type !== "Comparison") return undefined;
      const outcome = test.operator === ">" || test.operator === ">=" ? "never" : "always";
      return { outcome, literals: [condition.value] };
    }
    case "timeBetween":
      // A future upper bound alone is harmless: `BETWEEN now-1d AND now+1d` reads as "since yesterday".
      if (!isFuture(test.low) || condition.type !== "Between") return undefined;
      return { outcome: "never", literals: [condition.low] };
    case "timeIn": {
      let literals: Literal[] = [];
      if (condition.type === "In") literals = condition.values;
      else if (condition.type === "Comparison") literals = [condition.value];
      const future = literals.filter((_, index) => {
        const value = test.values[index];
        return value !== undefined && isFuture(value);
      });
      if (future.length === 0) return undefined;
      return { outcome: future.length === literals.length ? "never" : "someValues", literals: future };
    }
    default:
      return undefined;
  }
}

/** Flips a future relative time into the past: `now+1d` becomes `now-1d`. */
function pastTime(literal: Literal): string {
  return literal.text.replace("+", "-");
}

function report(context: LintContext, field: ResolvedField, condition: Condition, finding: Finding): void {
  const text = quote(writtenText(context, condition));
  const path = field.path;
  const times = listWords(finding.literals.map((literal) => literal.text), "and");
  const pastTimes = listWords(finding.literals.map(pastTime), "and");
  const happened = `${path} records something that already happened`;
  const advice = `If a time in the past was meant, write ${pastTimes}.`;
  const plural = finding.literals.length > 1;
  // A negative operator (`!=`, `NOT IN`) turns "never equal" into "always true".
  const negative = hasNegativeOperator(condition);
  let message: string;
  switch (finding.outcome) {
    case "never":
      message = negative
        ? `${text} is always true: ${happened}, so it never equals ${times}, which ${plural ? "are" : "is"} in the future. ${advice}`
        : `${text} is never true: ${happened}, and ${times} ${plural ? "are" : "is"} in the future. ${advice}`;
      break;
    case "always":
      message = `${text} is true for every ${path} because ${happened} and ${times} is in the future, so it only tests that ${path} has a value. ${advice}`;
      break;
    case "someValues":
      message = `${text} never matches ${times}: ${happened}, and ${times} ${plural ? "are" : "is"} in the future. ${advice}`;
      break;
  }
  context.report(condition.span, message);
}
