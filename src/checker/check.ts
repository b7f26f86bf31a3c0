import type { Query } from "../ast/nodes.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { codes } from "../diagnostics/codes.js";
import { quote } from "../diagnostics/quote.js";
import { GqlError, requireQueryText, walkCallerTree } from "../errors.js";
import { error, limitProblems, toDiagnostics, type Problem } from "../diagnostics/problem.js";
import { resolveDataset } from "../datasets/define.js";
import type { Dataset } from "../datasets/dataset.js";
import type { BuiltinDatasetName } from "../datasets/define.js";
import { resolveLimits, type Limits } from "../limits.js";
import { findTooDeepNode, nestingProblem, parseToProblems } from "../parser/parse.js";
import { bind } from "./bind.js";
import { enabledRules, runLints, type LintOptions } from "./lints/index.js";
import type { BoundExpression } from "./bound.js";

export interface CheckOptions {
  /** A built-in dataset name (`files`, `activity`, `streaming`) or a dataset from `defineDataset`. */
  dataset: BuiltinDatasetName | Dataset;
  limits?: Partial<Limits>;
  /** The text an AST was parsed from, so that diagnostics get lines and columns; ignored for text input. */
  source?: string;
  /** Lint warnings: on by default; `false` turns all off, `{ "repeated-condition": false }` one. */
  lints?: LintOptions;
}

export interface CheckResult {
  /** `true` when there is no error; warnings do not count. */
  ok: boolean;
  /** Syntax, name, type, value and limit diagnostics, ordered by position. */
  diagnostics: Diagnostic[];
  ast: Query;
}

/** The full result of checking, for the compiler: the bound tree exists only when `ok`. */
export interface Analysis extends CheckResult {
  bound: BoundExpression | undefined;
  /** Absent when only the syntax was checked. */
  dataset: Dataset | undefined;
  source: string;
}

function isQuery(value: unknown): value is Query {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === "Query";
}

/**
 * Parses (for text) and checks a query against a dataset. Never throws for query problems: they are
 * all in `diagnostics`. Throws `GqlError` only for an unknown dataset or invalid options.
 */
export function check(sourceOrAst: string | Query, options: CheckOptions): CheckResult {
  rejectUnknownOptions(options, checkOptionKeys, "check");
  const { ok, diagnostics, ast } = analyze(sourceOrAst, options);
  return { ok, diagnostics, ast };
}

const checkOptionKeys: ReadonlySet<string> = new Set(["dataset", "limits", "source", "lints"]);

/** Throws `GqlError` GQL902 when the options are not an object or have a key the function does not take. */
export function rejectUnknownOptions(options: unknown, keys: ReadonlySet<string>, functionName: string): void {
  if (options === null || typeof options !== "object") {
    throw new GqlError(`${functionName} expects an options object with a dataset.`, { code: codes.invalidOption });
  }
  for (const key of Object.keys(options)) {
    if (!keys.has(key)) {
      throw new GqlError(`Unknown option ${quote(key)} for ${functionName}; the options are ${[...keys].join(", ")}.`, { code: codes.invalidOption });
    }
  }
}

export function analyze(sourceOrAst: string | Query, options: CheckOptions): Analysis {
  const dataset = resolveDataset(options?.dataset);
  const rules = enabledRules(options.lints);
  const limits = resolveLimits(options.limits);
  let ast: Query;
  let problems: Problem[];
  let source: string;
  if (isQuery(sourceOrAst)) {
    ast = sourceOrAst;
    source = options.source ?? "";
    const treeBody = ast.body;
    const deep = treeBody === null ? undefined : walkCallerTree(() => findTooDeepNode(treeBody, limits.maxDepth));
    problems = deep === undefined ? [] : [nestingProblem(deep.span, limits.maxDepth)];
    if (deep !== undefined) ast = { ...ast, body: null };
  } else {
    requireQueryText(sourceOrAst, "check");
    source = sourceOrAst;
    ({ ast, problems } = parseToProblems(source, { limits }));
  }
  if (ast.body === null && !problems.some((problem) => problem.severity === "error")) {
    problems.push(error(codes.emptyQuery, "The query is empty; write a condition such as flow = CLASSIFICATION.", ast.span));
  }
  const syntaxCount = problems.length;
  const body = ast.body;
  const bound = body === null ? undefined : walkCallerTree(() => bind(body, dataset, problems));
  dropDiagnosticsInsideEscapeErrors(problems, syntaxCount);
  if (bound !== undefined && rules.length > 0) runLints(bound, ast, dataset, source, rules, problems);
  const limited = limitProblems(problems, limits.maxDiagnostics);
  const diagnostics = toDiagnostics(source, limited);
  const ok = !diagnostics.some((diagnostic) => diagnostic.severity === "error") && ast.body !== null;
  return { ok, diagnostics, ast, bound: ok ? bound : undefined, dataset, source };
}

/**
 * A literal with a malformed escape was kept with its raw text, so what the checker reports about its
 * value would only repeat the escape error; those checker diagnostics are dropped.
 */
function dropDiagnosticsInsideEscapeErrors(problems: Problem[], syntaxCount: number): void {
  const escapes = problems.slice(0, syntaxCount).filter((problem) => problem.code === codes.invalidEscape);
  if (escapes.length === 0) return;
  const overlaps = (problem: Problem): boolean =>
    escapes.some((escape) => problem.span.start <= escape.span.start && escape.span.end <= problem.span.end);
  const kept = [...problems.slice(0, syntaxCount), ...problems.slice(syntaxCount).filter((problem) => !overlaps(problem))];
  problems.splice(0, problems.length, ...kept);
}
