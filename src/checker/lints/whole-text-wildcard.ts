import { codes } from "../../diagnostics/codes.js";
import { quote } from "../../diagnostics/quote.js";
import { writeLiteralLike, writtenText } from "./query-text.js";
import type { LintRule } from "./rule.js";
import { visitTests } from "./walk.js";

/**
 * `whole-text-wildcard` (GQL604): `~` or `!~` with a pattern that has an unescaped `*` or `?` but
 * neither starts nor ends with `*`. Without wildcards, `~` tests whether the text contains the
 * pattern. A wildcard makes the pattern match the whole text instead, so `name ~ report-?.pdf`
 * matches only names of exactly that shape. The suggestion wraps the pattern in `*` for a "contains" test.
 */
export const wholeTextWildcardRule: LintRule = {
  name: "whole-text-wildcard",
  code: codes.wholeTextWildcard,
  run(context) {
    visitTests(context.bound, ({ field, test, node }) => {
      if (test.op !== "textMatch" || test.matcher.kind !== "wildcard" || node.type !== "Comparison") return;
      const pattern = node.value.text;
      if (pattern.startsWith("*") || endsWithStar(pattern)) return;
      const wrapped = writeLiteralLike(context, node.value, containsPattern(pattern));
      const subject = field.type.kind === "stringList" ? `a whole element of ${field.path}` : `the whole of ${field.path}`;
      context.report(
        node.span,
        `${quote(writtenText(context, node))} tests whether ${subject} has the shape of the pattern: with * or ?, the pattern must match the whole text, not a part of it. ` +
          `To test whether ${field.path} contains text of that shape, write ${wrapped}.`,
        [{ message: `Replace with ${wrapped}.`, span: node.value.span, replacement: wrapped }],
      );
    });
  },
};

/** Tells whether a `~` pattern ends with a `*` that is a wildcard, not the escaped `\*`. */
function endsWithStar(pattern: string): boolean {
  return lastPiece(pattern) === "*";
}

/** Wraps a pattern in `*`; a backslash that ends the pattern is doubled so that it does not escape the added `*`. */
function containsPattern(pattern: string): string {
  const body = lastPiece(pattern) === "\\" ? `${pattern}\\` : pattern;
  return `*${body}*`;
}

/** Returns the last character of a pattern, or "" when the pattern ends with an escape (`\*`, `\?`, `\\`) or is empty. */
function lastPiece(pattern: string): string {
  let last = "";
  for (let i = 0; i < pattern.length; i++) {
    const character = pattern[i] as string;
    const next = pattern[i + 1];
    // The same escapes as the matcher: a backslash escapes only *, ? and itself.
    if (character === "\\" && (next === "*" || next === "?" || next === "\\")) {
      last = "";
      i++;
    } else {
      last = character;
    }
  }
  return last;
}
