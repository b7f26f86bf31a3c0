import type { Diagnostic } from "./diagnostic.js";
import { SourceMap } from "./diagnostic.js";

export interface FormatDiagnosticsOptions {
  /** Use ANSI colours; default off. The command line turns it on for terminals. */
  color?: boolean;
}

const ansi = { red: "\u001b[31m", yellow: "\u001b[33m", cyan: "\u001b[36m", bold: "\u001b[1m", dim: "\u001b[2m", reset: "\u001b[0m" };

/**
 * Renders diagnostics as a compiler does: severity, code and message, then `line:column`, the source
 * line and carets under the range, then each suggestion. Columns count UTF-16 code units from 1.
 */
export function formatDiagnostics(source: string, diagnostics: readonly Diagnostic[], options: FormatDiagnosticsOptions = {}): string {
  const map = new SourceMap(source);
  const paint = (code: string, text: string): string => (options.color ? `${code}${text}${ansi.reset}` : text);
  return diagnostics
    .map((diagnostic) => {
      const { start, end } = diagnostic.range;
      const severityColor = diagnostic.severity === "error" ? ansi.red : ansi.yellow;
      const lines = [`${paint(ansi.bold + severityColor, `${diagnostic.severity}[${diagnostic.code}]`)}: ${diagnostic.message}`];
      lines.push(`  ${paint(ansi.cyan, "-->")} ${start.line}:${start.column}`);
      const lineText = map.lineText(start.line);
      const gutter = String(start.line);
      const pad = " ".repeat(gutter.length);
      const caretEnd = end.line === start.line ? end.column : lineText.length + 1;
      const caretCount = Math.max(1, caretEnd - start.column);
      lines.push(`${pad} ${paint(ansi.cyan, "|")}`);
      lines.push(`${paint(ansi.cyan, `${gutter} |`)} ${visible(lineText)}`);
      lines.push(`${pad} ${paint(ansi.cyan, "|")} ${" ".repeat(start.column - 1)}${paint(severityColor, "^".repeat(caretCount))}`);
      for (const suggestion of diagnostic.suggestions ?? []) {
        lines.push(`${pad} ${paint(ansi.cyan, "=")} help: ${suggestion.message}`);
      }
      return lines.join("\n");
    })
    .join("\n\n");
}

/** Replaces tabs and control characters one for one, so carets stay under the right column. */
function visible(line: string): string {
  return line.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, " ");
}
