import { formatQuery } from "./ast/format.js";
import type { Literal, Query } from "./ast/nodes.js";
import { analyze } from "./checker/check.js";
import { invalidQuery } from "./compiler/compile.js";
import { resolveDataset, type BuiltinDatasetName } from "./datasets/define.js";
import type { Dataset } from "./datasets/dataset.js";
import type { Limits } from "./limits.js";
import { parse } from "./parser/parse.js";
import { requireQueryText, walkCallerTree } from "./errors.js";

export interface FormatOptions {
  /** With a dataset, the query is checked first and field names and enum labels take the schema's spelling. */
  dataset?: BuiltinDatasetName | Dataset;
  limits?: Partial<Limits>;
}

/**
 * Returns the canonical text of a query. Throws `GqlError` with the diagnostics when the text has
 * syntax errors, or, with a dataset, when it does not check against it.
 */
export function format(sourceOrAst: string | Query, options: FormatOptions = {}): string {
  if (typeof sourceOrAst !== "string" && (sourceOrAst === null || typeof sourceOrAst !== "object" || sourceOrAst.type !== "Query")) {
    requireQueryText(sourceOrAst, "format");
  }
  if (options.dataset === undefined) {
    if (typeof sourceOrAst !== "string") return walkCallerTree(() => formatQuery(sourceOrAst));
    const { ast, diagnostics } = parse(sourceOrAst, { limits: options.limits });
    const ok = !diagnostics.some((diagnostic) => diagnostic.severity === "error");
    if (!ok || ast.body === null) {
      throw invalidQuery({ ok: false, diagnostics, ast, bound: undefined, dataset: undefined, source: sourceOrAst });
    }
    return formatQuery(ast);
  }
  const dataset = resolveDataset(options.dataset);
  const analysis = analyze(sourceOrAst, { dataset, limits: options.limits });
  if (!analysis.ok) throw invalidQuery(analysis);
  return walkCallerTree(() => formatQuery(analysis.ast, {
    field: (name) => dataset.field(name)?.path ?? name,
    literal: (literal, fieldName) => canonicalLabel(literal, dataset, fieldName),
  }));
}

/** Spells an enum label as the schema declares it; other literals are unchanged. */
function canonicalLabel(literal: Literal, dataset: Dataset, fieldName: string): Literal {
  const type = dataset.field(fieldName)?.type;
  if (type?.kind !== "enum" || literal.form === "relative") return literal;
  const label = type.labels.find((candidate) => candidate.toLowerCase() === literal.text.toLowerCase());
  return label === undefined ? literal : { ...literal, text: label };
}
