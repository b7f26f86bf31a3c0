/**
 * The canonical text of a query: keywords in upper case, `=` `!=` `AND` `OR` `NOT` in place of their
 * symbol spellings, single spaces, strings in double quotes, and only the parentheses the tree needs.
 * Parsing the canonical text gives the same tree.
 */
import type { Expression, Literal, Query } from "./nodes.js";
import { encodeString } from "../values/strings.js";

const BARE_WORD = /^(?:[^\s()"',=!<>~&|]|&(?!&)|\|(?!\|))+$/;
const KEYWORD = /^(?:and|or|not|in|between|is|null)$/i;
const RELATIVE_START = /^now\s*[+-]\s*[0-9.]/i;

/** Binding strength: a child binding looser than its parent needs parentheses. */
function precedence(expression: Expression): number {
  switch (expression.type) {
    case "Or":
      return 1;
    case "And":
      return 2;
    case "Not":
      return 3;
    default:
      return 4;
  }
}

/** Renames applied while printing, such as the schema spelling of field names. */
export interface FormatRenames {
  field?(name: string): string;
  literal?(literal: Literal, fieldName: string): Literal;
}

export function formatQuery(query: Query, renames: FormatRenames = {}): string {
  return query.body === null ? "" : formatExpression(query.body, renames);
}

function formatOperand(child: Expression, parent: Expression, renames: FormatRenames): string {
  const text = formatExpression(child, renames);
  const childPrecedence = precedence(child);
  const parentPrecedence = precedence(parent);
  const needsParentheses = childPrecedence < parentPrecedence || (childPrecedence === parentPrecedence && childPrecedence < 3);
  return needsParentheses ? `(${text})` : text;
}

function formatExpression(expression: Expression, renames: FormatRenames): string {
  switch (expression.type) {
    case "Or":
      return expression.operands.map((operand) => formatOperand(operand, expression, renames)).join(" OR ");
    case "And":
      return expression.operands.map((operand) => formatOperand(operand, expression, renames)).join(" AND ");
    case "Not":
      return `NOT ${formatOperand(expression.operand, expression, renames)}`;
    case "Invalid":
      throw new Error("A tree with syntax errors has no canonical text.");
    default: {
      const field = renames.field ? renames.field(expression.field.name) : expression.field.name;
      const value = (literal: Literal): string => formatLiteral(renames.literal ? renames.literal(literal, expression.field.name) : literal);
      switch (expression.type) {
        case "Comparison":
          return `${field} ${expression.operator} ${value(expression.value)}`;
        case "In":
          return `${field} ${expression.negated ? "NOT IN" : "IN"} (${expression.values.map(value).join(", ")})`;
        case "Between":
          return `${field} BETWEEN ${value(expression.low)} AND ${value(expression.high)}`;
        case "IsNull":
          return `${field} ${expression.negated ? "IS NOT NULL" : "IS NULL"}`;
      }
    }
  }
}

/** Prints a literal so that it reads back with the same form and text. */
export function formatLiteral(literal: Literal): string {
  if (literal.form === "relative") return literal.text;
  if (literal.form === "word" && isBareWord(literal.text)) return literal.text;
  return encodeString(literal.text);
}

/** Tells whether a text can be written without quotes and still read back as that word. */
export function isBareWord(text: string): boolean {
  return BARE_WORD.test(text) && !KEYWORD.test(text) && !RELATIVE_START.test(text);
}
