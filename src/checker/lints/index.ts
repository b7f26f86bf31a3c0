/** The lint rules, in the order they run; each lives in a file named after the problem it finds. */
import type { Query } from "../../ast/nodes.js";
import { codes } from "../../diagnostics/codes.js";
import type { Problem } from "../../diagnostics/problem.js";
import { quote } from "../../diagnostics/quote.js";
import type { Dataset } from "../../datasets/dataset.js";
import { GqlError } from "../../errors.js";
import type { BoundExpression } from "../bound.js";
import type { LintRule } from "./rule.js";

export const lintRules: readonly LintRule[] = [];

/** `false` switches every lint off; an object switches single rules off (`false`) or on (`true`) by name. */
export type LintOptions = boolean | Readonly<Record<string, boolean>>;

/** Throws `GqlError` GQL902 for a lint name that does not exist. */
function enabledRules(options: LintOptions | undefined): readonly LintRule[] {
  if (options === undefined || options === true) return lintRules;
  if (options === false) return [];
  for (const name of Object.keys(options)) {
    if (!lintRules.some((rule) => rule.name === name)) {
      throw new GqlError(`Unknown lint ${quote(name)}; the lints are ${lintRules.map((rule) => rule.name).join(", ")}.`, {
        code: codes.invalidOption,
      });
    }
  }
  return lintRules.filter((rule) => options[rule.name] !== false);
}

/** Runs the enabled lints over a checked query and appends their warnings. */
export function runLints(bound: BoundExpression, ast: Query, dataset: Dataset, source: string, options: LintOptions | undefined, problems: Problem[]): void {
  for (const rule of enabledRules(options)) {
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
