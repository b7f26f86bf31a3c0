/**
 * The syntax tree that `parse` returns. Parentheses leave no node: a group is its inner expression,
 * and an `And` or `Or` inside a group of the same kind is merged into its parent, so the tree of a
 * query and of its canonical text are equal. Every node has a `span` of UTF-16 offsets into the
 * source, end exclusive.
 */
import type { Span } from "../diagnostics/diagnostic.js";

export type ComparisonOperator = "=" | "!=" | "<" | "<=" | ">" | ">=" | "~" | "!~" | "=~";

export interface Query {
  type: "Query";
  /** The whole condition, or `null` when the text contains no condition or could not be parsed. */
  body: Expression | null;
  span: Span;
}

export type Expression = OrExpression | AndExpression | NotExpression | Condition | InvalidExpression;

export type Condition = Comparison | InCondition | BetweenCondition | NullCondition;

/** Two or more operands joined by `OR`. */
export interface OrExpression {
  type: "Or";
  operands: Expression[];
  span: Span;
}

/** Two or more operands joined by `AND`. */
export interface AndExpression {
  type: "And";
  operands: Expression[];
  span: Span;
}

export interface NotExpression {
  type: "Not";
  operand: Expression;
  span: Span;
}

/** A placeholder where the parser recovered from a syntax error; checking skips it. */
export interface InvalidExpression {
  type: "Invalid";
  span: Span;
}

/** `field op value` with one of the binary operators. */
export interface Comparison {
  type: "Comparison";
  field: FieldReference;
  operator: ComparisonOperator;
  value: Literal;
  /** The span of the operator, keywords included (`NOT IN`, `IS NOT NULL`). */
  operatorSpan: Span;
  span: Span;
}

/** `field IN (v, ...)`, or `field NOT IN (v, ...)` when `negated`. */
export interface InCondition {
  type: "In";
  field: FieldReference;
  negated: boolean;
  values: Literal[];
  /** The span of the operator, keywords included (`NOT IN`, `IS NOT NULL`). */
  operatorSpan: Span;
  span: Span;
}

/** `field BETWEEN low AND high`, bounds included. */
export interface BetweenCondition {
  type: "Between";
  field: FieldReference;
  low: Literal;
  high: Literal;
  /** The span of the operator, keywords included (`NOT IN`, `IS NOT NULL`). */
  operatorSpan: Span;
  span: Span;
}

/** `field IS NULL`, or `field IS NOT NULL` when `negated`. */
export interface NullCondition {
  type: "IsNull";
  field: FieldReference;
  negated: boolean;
  /** The span of the operator, keywords included (`NOT IN`, `IS NOT NULL`). */
  operatorSpan: Span;
  span: Span;
}

/** A field name as written, such as `file.path`; the checker resolves it against the dataset. */
export interface FieldReference {
  type: "Field";
  name: string;
  span: Span;
}

/**
 * A value as written. `word` is an unquoted run such as `CONFIDENTIAL`, `10KB` or `*.xlsx`;
 * `string` is a quoted string with its escapes decoded; `relative` is a time such as `now-7d`
 * written with a sign, kept in its canonical spelling without spaces. The checker reads the text
 * according to the type of the field it is compared with.
 */
export interface Literal {
  type: "Literal";
  form: "word" | "string" | "relative";
  text: string;
  span: Span;
}

export type Node = Query | Expression | FieldReference | Literal;
