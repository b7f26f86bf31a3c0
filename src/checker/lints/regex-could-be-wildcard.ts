import type { Comparison } from "../../ast/nodes.js";
import { codes } from "../../diagnostics/codes.js";
import { quote } from "../../diagnostics/quote.js";
import type { ResolvedField } from "../../datasets/dataset.js";
import { writeLiteralLike, writtenText } from "./query-text.js";
import type { LintContext, LintRule } from "./rule.js";
import { visitTests } from "./walk.js";

/**
 * `regex-could-be-wildcard` (GQL605): `=~` with a regular expression made only of literal characters
 * (escaped punctuation such as `\.` included), `.*`, `.`, and `^` or `$` at the ends. A `~` wildcard
 * or an `=` expresses such a test more simply: `name =~ "^report.*\.pdf$"` is `name ~ "report*.pdf"`.
 * `~` and `=` ignore case and `=~` does not, so the replacement is offered only for a pattern that
 * starts with `(?i)`. Otherwise the warning only names the simpler form and the difference in case.
 */
export const regexCouldBeWildcardRule: LintRule = {
  name: "regex-could-be-wildcard",
  code: codes.regexCouldBeWildcard,
  run(context) {
    visitTests(context.bound, ({ field, test, node }) => {
      if (test.op !== "regex" || node.type !== "Comparison") return;
      const simple = readSimpleRegex(test.pattern);
      if (simple === undefined) return;
      const rewrite = rewriteWithoutRegex(simple, field);
      if (rewrite !== undefined) report(context, field, node, simple, rewrite);
    });
  },
};

type Piece = { kind: "text"; text: string } | { kind: "star" } | { kind: "any" };

/** A regular expression that a wildcard can express: pieces between optional anchors. */
interface SimpleRegex {
  caseInsensitive: boolean;
  /** `(?s)`: `.` also matches a line break. */
  dotMatchesNewline: boolean;
  anchoredStart: boolean;
  anchoredEnd: boolean;
  pieces: Piece[];
}

const FLAGS = /^\(\?([is]{1,2})\)/;
const ASCII_PUNCTUATION = /^[!-/:-@[-`{-~]$/;
const META_CHARACTERS = "\\.+*?()[]{}|^$";
const QUANTIFIERS = "*+?{";

/** Reads a pattern made only of literal characters, `.*`, `.`, a leading `^` and a trailing `$`; `undefined` for anything else. */
function readSimpleRegex(pattern: string): SimpleRegex | undefined {
  const flags = FLAGS.exec(pattern);
  const flagLetters = flags?.[1] ?? "";
  if (new Set(flagLetters).size !== flagLetters.length) return undefined;
  let i = flags === null ? 0 : flags[0].length;
  const anchoredStart = pattern[i] === "^";
  if (anchoredStart) i++;
  let anchoredEnd = false;
  const pieces: Piece[] = [];
  const addText = (character: string): void => {
    const last = pieces[pieces.length - 1];
    if (last?.kind === "text") last.text += character;
    else pieces.push({ kind: "text", text: character });
  };
  while (i < pattern.length) {
    const character = pattern[i] as string;
    const next = pattern[i + 1];
    if (character === "\\") {
      if (next === undefined || !ASCII_PUNCTUATION.test(next)) return undefined;
      addText(next);
      i += 2;
    } else if (character === "." && next === "*") {
      if (pieces[pieces.length - 1]?.kind !== "star") pieces.push({ kind: "star" });
      i += 2;
    } else if (character === ".") {
      pieces.push({ kind: "any" });
      i += 1;
    } else if (character === "$" && i === pattern.length - 1) {
      anchoredEnd = true;
      i += 1;
    } else if (META_CHARACTERS.includes(character)) {
      return undefined;
    } else {
      addText(character);
      i += 1;
    }
    // A quantifier after any piece (`a+`, `.?`, the lazy `.*?`) is beyond a wildcard.
    if (i < pattern.length && QUANTIFIERS.includes(pattern[i] as string)) return undefined;
  }
  return { caseInsensitive: flagLetters.includes("i"), dotMatchesNewline: flagLetters.includes("s"), anchoredStart, anchoredEnd, pieces };
}

/** The same test without a regular expression: an operator and the text of its value. */
interface Rewrite {
  operator: "=" | "~";
  value: string;
}

/** Escapes `*`, `?` and `\` so that a `~` pattern reads them as themselves. */
function escapeForWildcard(text: string): string {
  return text.replace(/[*?\\]/g, (character) => `\\${character}`);
}

function rewriteWithoutRegex(regex: SimpleRegex, field: ResolvedField): Rewrite | undefined {
  const pieces: Piece[] = [...regex.pieces];
  // A regular expression searches anywhere in the text; a wildcard pattern matches the whole text.
  if (!regex.anchoredStart && pieces[0]?.kind !== "star") pieces.unshift({ kind: "star" });
  if (!regex.anchoredEnd && pieces[pieces.length - 1]?.kind !== "star") pieces.push({ kind: "star" });

  const texts = pieces.filter((piece): piece is Extract<Piece, { kind: "text" }> => piece.kind === "text");
  const wildcards = pieces.filter((piece) => piece.kind !== "text");
  if (wildcards.length === 0) {
    // Both ends anchored and no wildcard: the whole text equals the pattern.
    const text = texts.map((piece) => piece.text).join("");
    if (field.type.kind === "enum" && !field.type.labels.some((label) => label.toLowerCase() === text.toLowerCase())) return undefined;
    return { operator: "=", value: text };
  }
  const first = pieces[0] as Piece;
  const last = pieces[pieces.length - 1] as Piece;
  // `.*` alone matches every text; there is nothing simpler to suggest.
  if (pieces.length === 1 && first.kind === "star") return undefined;
  if (pieces.length === 3 && first.kind === "star" && last.kind === "star" && pieces[1]?.kind === "text") {
    // `*text*`: without wildcards, `~` already tests for a part of the text.
    return { operator: "~", value: escapeForWildcard(pieces[1].text) };
  }
  let value = "";
  for (const piece of pieces) {
    if (piece.kind === "text") value += escapeForWildcard(piece.text);
    else value += piece.kind === "star" ? "*" : "?";
  }
  return { operator: "~", value };
}

function report(context: LintContext, field: ResolvedField, condition: Comparison, regex: SimpleRegex, rewrite: Rewrite): void {
  const text = quote(writtenText(context, condition));
  const value = writeLiteralLike(context, condition.value, rewrite.value);
  const written = `${writtenText(context, condition.field)} ${rewrite.operator} ${value}`;
  if (!regex.caseInsensitive) {
    context.report(
      condition.span,
      `${text} needs no regular expression: it can be written ${written}. That form ignores case, while =~ does not; use it if the case of ${field.path} does not matter.`,
    );
    return;
  }
  // NOTE: (?i) uses Unicode simple case folding and ~ compares toLowerCase text, which differ for a
  // few characters, such as the Kelvin sign, or İ, whose lower case is two code points long.
  const newlines = regex.pieces.some((piece) => piece.kind !== "text") && !regex.dotMatchesNewline ? " (except that * and ? also match line breaks, which . does not)" : "";
  const replacement = `${rewrite.operator} ${value}`;
  context.report(
    condition.span,
    `${text} needs no regular expression: ${written} matches the same text${newlines} and is easier to read.`,
    [{ message: `Replace with ${written}.`, span: { start: condition.operatorSpan.start, end: condition.value.span.end }, replacement }],
  );
}
