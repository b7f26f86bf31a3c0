/**
 * dspm-gql: the GQL filter language for data-security event streams. Parse text into a tree, check
 * it against a dataset schema, and compile it into a predicate `(event) => boolean`.
 */
export { parse, type ParseOptions, type ParseResult } from "./parser/parse.js";
export { check, type CheckOptions, type CheckResult } from "./checker/check.js";
export { compile, type CompileOptions, type Predicate } from "./compiler/compile.js";
export { format, type FormatOptions } from "./format.js";
export { formatDiagnostics, type FormatDiagnosticsOptions } from "./diagnostics/format.js";
export { datasets } from "./datasets/builtin.js";
export {
  defineDataset,
  type BuiltinDatasetName,
  type DatasetSpec,
  type FieldSpec,
  type FieldTypeName,
  type LabelExtension,
} from "./datasets/define.js";
export { Dataset, type ResolvedField } from "./datasets/dataset.js";
export type { FieldDefinition, FieldType, FieldKind } from "./datasets/types.js";
export { GqlError } from "./errors.js";
export { codes, type DiagnosticCode } from "./diagnostics/codes.js";
export type { Diagnostic, Position, Range, Severity, Suggestion } from "./diagnostics/diagnostic.js";
export { defaultLimits, type Limits } from "./limits.js";
export { explain, formatExplanation, type ExplainNode, type ExplainOptions, type Explanation } from "./explain/explain.js";
export type { LintOptions } from "./checker/lints/index.js";
export { createMatcher, type Matcher, type MatcherOptions, type QueryPlan } from "./matcher/matcher.js";
export { complete, type CompletionItem, type CompletionKind, type CompletionOptions, type CompletionResult } from "./editor/complete.js";
export { hover, type HoverOptions, type HoverResult } from "./editor/hover.js";
export type { EditorOptions } from "./editor/cursor.js";
export type * from "./ast/nodes.js";
