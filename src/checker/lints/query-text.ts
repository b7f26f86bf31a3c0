/** Text helpers shared by the lint rules: the user's spelling of a node, and rewritten literals. */
import { formatLiteral, formatQuery, isBareWord } from "../../ast/format.js";
import type { Expression, FieldReference, Literal } from "../../ast/nodes.js";
import { encodeString } from "../../values/strings.js";
import type { LintContext } from "./rule.js";

type TextNode = Expression | Literal | FieldReference;

function isInSource(context: LintContext, node: TextNode): boolean {
  return node.span.start < node.span.end && node.span.end <= context.source.length;
}

/**
 * Returns the text of a node as the user wrote it. When the source does not contain the node, as for
 * a tree checked without its text, returns the canonical text instead.
 */
export function writtenText(context: LintContext, node: TextNode): string {
  if (isInSource(context, node)) return context.source.slice(node.span.start, node.span.end);
  switch (node.type) {
    case "Literal":
      return formatLiteral(node);
    case "Field":
      return node.name;
    default:
      return formatQuery({ type: "Query", body: node, span: node.span });
  }
}

/**
 * Writes `text` as a literal in the form of `original`: a bare word stays bare when `text` is still a
 * valid bare word, and a string in single quotes stays in single quotes. Everything else is written
 * in double quotes.
 */
export function writeLiteralLike(context: LintContext, original: Literal, text: string): string {
  if (original.form === "word" && isBareWord(text)) return text;
  const doubleQuoted = encodeString(text);
  const singleQuoted = original.form === "string" && isInSource(context, original) && context.source[original.span.start] === "'";
  return singleQuoted ? toSingleQuotes(doubleQuoted) : doubleQuoted;
}

/** Rewrites a string literal from `encodeString` into single quotes with the same value. */
function toSingleQuotes(doubleQuoted: string): string {
  const body = doubleQuoted.slice(1, -1);
  let result = "";
  for (let i = 0; i < body.length; i++) {
    const character = body[i] as string;
    if (character === "\\") {
      const next = body[i + 1] as string;
      result += next === '"' ? '"' : `\\${next}`;
      i++;
    } else if (character === "'") {
      result += "\\'";
    } else {
      result += character;
    }
  }
  return `'${result}'`;
}
