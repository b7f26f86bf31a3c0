import type { BoundExpression } from "../checker/bound.js";
import { analyze, rejectUnknownOptions, type Analysis, type CheckOptions } from "../checker/check.js";
import { codes } from "../diagnostics/codes.js";
import { formatDiagnostics } from "../diagnostics/format.js";
import { quote } from "../diagnostics/quote.js";
import { GqlError, requireQueryText } from "../errors.js";
import { enabledRules } from "../checker/lints/index.js";
import { buildClosurePredicate } from "./closure.js";
import { generatePredicate } from "./codegen.js";
import { emptyEvent, hasOwn, readClock, toNumber, toTime } from "./runtime.js";

export type Predicate = (event: unknown) => boolean;

export interface CompileOptions extends CheckOptions {
  /** Returns the current time in epoch milliseconds for relative times; default `Date.now`. Called once per evaluation that needs it. */
  now?: () => number;
  /**
   * `"generated"` (default) builds the predicate with `new Function`; `"closure"` builds it from
   * closures over the checked tree, for runtimes that forbid eval.
   */
  mode?: "generated" | "closure";
}

const optionKeys = new Set(["dataset", "limits", "source", "now", "mode", "lints"]);

function validateOptions(options: CompileOptions): void {
  rejectUnknownOptions(options, optionKeys, "compile");
  enabledRules(options.lints);
  if (options.now !== undefined && typeof options.now !== "function") {
    throw new GqlError("The now option must be a function that returns epoch milliseconds.", { code: codes.invalidOption });
  }
  if (options.mode !== undefined && options.mode !== "generated" && options.mode !== "closure") {
    throw new GqlError(`Unknown mode ${quote(String(options.mode))}; use "generated" or "closure".`, { code: codes.invalidOption });
  }
}

/** Throws the `GqlError` for a query that did not check, with every diagnostic and a rendered message. */
export function invalidQuery(analysis: Analysis): GqlError {
  const errors = analysis.diagnostics.filter((diagnostic) => diagnostic.severity === "error");
  const first = errors[0];
  const rendered = formatDiagnostics(analysis.source, errors);
  const count = errors.length === 1 ? "1 error" : `${errors.length} errors`;
  return new GqlError(`The query is invalid (${count}):\n${rendered}`, {
    code: first?.code ?? codes.emptyQuery,
    diagnostics: analysis.diagnostics,
    source: analysis.source,
  });
}

/**
 * Compiles a query into a predicate `(event) => boolean` that never throws. Throws `GqlError` when
 * the query has errors (its `diagnostics` lists all of them), or for an unknown dataset or option.
 */
export function compile(source: string, options: CompileOptions): Predicate {
  return compileChecked(source, options).predicate;
}

/** Compiles and also returns the checked tree, for callers that analyse the query further. */
export function compileChecked(source: string, options: CompileOptions): { predicate: Predicate; bound: BoundExpression } {
  requireQueryText(source, "compile");
  validateOptions(options);
  const analysis = analyze(source, { ...options, lints: false });
  if (!analysis.ok || analysis.bound === undefined) throw invalidQuery(analysis);
  const now = options.now ?? Date.now;
  const bound = analysis.bound;
  const predicate = options.mode === "closure" ? buildClosurePredicate(bound, now) : buildGenerated(bound, now);
  return { predicate, bound };
}

function buildGenerated(bound: BoundExpression, now: () => number): Predicate {
  const generated = generatePredicate(bound);
  const factory = new Function("constants", "helpers", generated.source) as (constants: unknown[], helpers: object) => Predicate;
  return factory(generated.constants, { hasOwn, toNumber, toTime, readClock, now, emptyEvent });
}
