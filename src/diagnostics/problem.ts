import type { Diagnostic, Severity, Span } from "./diagnostic.js";
import { SourceMap } from "./diagnostic.js";
import { codes } from "./codes.js";

/** A diagnostic before line and column are known: what the parser and checker collect. */
export interface Problem {
  code: string;
  severity: Severity;
  message: string;
  span: Span;
  suggestions?: { message: string; span: Span; replacement: string }[];
}

export function error(code: string, message: string, span: Span, suggestions?: Problem["suggestions"]): Problem {
  return suggestions ? { code, severity: "error", message, span, suggestions } : { code, severity: "error", message, span };
}

/** Converts problems into diagnostics with 1-based lines and columns, ordered by position. */
export function toDiagnostics(source: string, problems: readonly Problem[]): Diagnostic[] {
  const map = new SourceMap(source);
  return [...problems]
    .sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end)
    .map((problem) => {
      const diagnostic: Diagnostic = {
        severity: problem.severity,
        code: problem.code,
        message: problem.message,
        range: map.range(problem.span),
      };
      if (problem.suggestions && problem.suggestions.length > 0) {
        diagnostic.suggestions = problem.suggestions.map((suggestion) => ({
          message: suggestion.message,
          range: map.range(suggestion.span),
          replacement: suggestion.replacement,
        }));
      }
      return diagnostic;
    });
}

/** Keeps the first `maxDiagnostics - 1` problems by position and sums up the rest in one last problem. */
export function limitProblems(problems: Problem[], maxDiagnostics: number): Problem[] {
  if (problems.length <= maxDiagnostics) return problems;
  const sorted = [...problems].sort((a, b) => a.span.start - b.span.start);
  const kept = sorted.slice(0, maxDiagnostics - 1);
  const rest = sorted.slice(maxDiagnostics - 1);
  const first = rest[0] as Problem;
  kept.push(
    error(codes.tooManyDiagnostics, `${rest.length} more problems were found after this point and are not listed (limits.maxDiagnostics is ${maxDiagnostics}).`, first.span),
  );
  return kept;
}
