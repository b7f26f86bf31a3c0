import type { Query } from "../../ast/nodes.js";
import type { Span } from "../../diagnostics/diagnostic.js";
import type { Problem } from "../../diagnostics/problem.js";
import type { Dataset } from "../../datasets/dataset.js";
import type { BoundExpression } from "../bound.js";

/** What a lint rule sees: the checked query and a way to report a warning. */
export interface LintContext {
  readonly bound: BoundExpression;
  readonly ast: Query;
  readonly dataset: Dataset;
  readonly source: string;
  /** Reports a warning under this rule's code. */
  report(span: Span, message: string, suggestions?: Problem["suggestions"]): void;
}

/**
 * A lint: a warning about a query that checks but is probably not what its author meant. Lints
 * never make `check` fail, and each can be switched off by name.
 */
export interface LintRule {
  /** The name used in the `lints` option, such as "repeated-condition". */
  readonly name: string;
  readonly code: string;
  run(context: LintContext): void;
}
