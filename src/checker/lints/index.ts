/** The lint rules, in the order they run; each lives in a file named after the problem it finds. */
import type { Query } from "../../ast/nodes.js";
import { codes } from "../../diagnostics/codes.js";
import type { Problem } from "../../diagnostics/problem.js";
import { quote } from "../../diagnostics/quote.js";
import type { Dataset } from "../../datasets/dataset.js";
import { GqlError } from "../../errors.js";
import type { BoundExpression } from "../bound.js";
import { constantConditionRule } from "./constant-condition.js";
import { contradictionRule } from "./contradiction.js";
import { futureTimeForPastFieldRule } from "./future-time-for-past-field.js";
import { regexCouldBeWildcardRule } from "./regex-could-be-wildcard.js";
import { repeatedConditionRule } from "./repeated-condition.js";
import type { LintRule } from "./rule.js";
import { wholeTextWildcardRule } from "./whole-text-wildcard.js";

export const lintRules: readonly LintRule[] = [
  contradictionRule,
  constantConditionRule,
  repeatedConditionRule,
  futureTimeForPastFieldRule,
  wholeTextWildcardRule,
  regexCouldBeWildcardRule,
];

/** `false` switches every lint off; an object switches single rules off (`false`) or on (`true`) by name. */
export type LintOptions = boolean | Readonly<Record<string, boolean>>;

/** Returns the rules the option switches on. Throws `GqlError` GQL902 for a lint name that does not exist or a bad value. */
export function enabledRules(options: LintOptions | undefined): readonly LintRule[] {
  if (options === undefined || options === true) return lintRules;
  if (options === false) return [];
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new GqlError(`The lints option must be true, false or an object of lint names and booleans, not ${quote(String(options))}.`, {
      code: codes.invalidOption,
    });
  }
  for (const [name, enabled] of Object.entries(options)) {
    if (!lintRules.some((rule) => rule.name === name)) {
      throw new GqlError(`Unknown lint ${quote(name)}; the lints are ${lintRules.map((rule) => rule.name).join(", ")}.`, {
        code: codes.invalidOption,
      });
    }
    if (enabled !== undefined && typeof enabled !== "boolean") {
      throw new GqlError(`The lint ${quote(name)} must be switched on or off with true or false, not ${quote(String(enabled))}.`, {
        code: codes.invalidOption,
      });
    }
  }
  return lintRules.filter((rule) => options[rule.name] !== false);
}

/** Runs the enabled lints over a checked query and appends their warnings. */
export function runLints(bound: BoundExpression, ast: Query, dataset: Dataset, source: string, rules: readonly LintRule[], problems: Problem[]): void {
  for (const rule of rules) {
    rule.run({
      bound,
      ast,
      dataset,
      source,
      report(span, message, suggestions) {
        const warning: Problem = { code: rule.code, severity: "warning", message, span };
        if (suggestions && suggestions.length > 0) warning.suggestions = suggestions;
        problems.push(warning);
      },
    });
  }
}
