/**
 * The role of each token in a query, for hover: which tokens name a field, form an operator or give
 * a value, and which condition they belong to. It follows the syntax automaton (syntax.ts), so it
 * also reads broken queries, where the parser's recovery drops whole conditions.
 */
import { comparisonOperators } from "../parser/grammar.js";
import type { IToken, TokenType } from "chevrotain";
import type { Literal } from "../ast/nodes.js";
import type { OperatorName } from "../checker/operators.js";
import * as t from "../lexer/tokens.js";
import { decodeStringBody } from "../values/strings.js";
import { tokenEnd } from "./cursor.js";
import { currentField, initialState, nextState, type SyntaxState } from "./syntax.js";

/** The tokens of one condition, as far as it is written. */
export interface ConditionTokens {
  field: IToken | undefined;
  /** The operator as the checker names it, or `undefined` while none is written. */
  operator: OperatorName | undefined;
  /** All tokens of the operator: one for `>=`, two for `NOT IN`, three for `IS NOT NULL`. */
  operatorTokens: IToken[];
  values: IToken[];
  /** The AND between the bounds of BETWEEN. */
  betweenAnd: IToken | undefined;
}

/** A keyword that joins or negates conditions: AND, OR, NOT and their symbols && || !. */
export interface LogicalToken {
  token: IToken;
  name: "AND" | "OR" | "NOT";
}

export interface TokenRoles {
  conditions: ConditionTokens[];
  logical: LogicalToken[];
}


const logicalNames = new Map<TokenType, LogicalToken["name"]>([
  [t.And, "AND"],
  [t.AndSymbol, "AND"],
  [t.Or, "OR"],
  [t.OrSymbol, "OR"],
  [t.Not, "NOT"],
  [t.Bang, "NOT"],
]);

const valueTypes: ReadonlySet<TokenType> = new Set([t.Word, t.DoubleQuotedString, t.SingleQuotedString, t.UnterminatedString, t.RelativeTime]);

/** Reads the role of every token, in one pass. */
export function readTokenRoles(tokens: readonly IToken[]): TokenRoles {
  const conditions: ConditionTokens[] = [];
  const logical: LogicalToken[] = [];
  let state: SyntaxState = initialState;
  let current: ConditionTokens | undefined;
  let previous: IToken | undefined;

  const startCondition = (field: IToken | undefined): ConditionTokens => {
    current = { field, operator: undefined, operatorTokens: [], values: [], betweenAnd: undefined };
    conditions.push(current);
    return current;
  };
  const condition = (next: SyntaxState): ConditionTokens => current ?? startCondition(currentField(next));

  for (const token of tokens) {
    const next = nextState(state, token);
    const type = token.tokenType;
    let negatedIn = state.kind === "afterFieldNot";

    if (state.kind === "afterWordValue" && (currentField(next) === state.word || (valueTypes.has(type) && next.kind === "afterCondition"))) {
      // An operator or a quoted value after a bare value makes that word the field of a new condition.
      removeValue(conditions, state.word);
      startCondition(state.word);
    } else if (state.kind === "conditionStart" && state.fieldBeforeNot !== undefined && next.kind === "afterIn" && previous !== undefined) {
      // In `word NOT IN`, the word read as a value and the NOT read as a logical NOT form a new condition.
      removeValue(conditions, state.fieldBeforeNot);
      removeLogical(logical, previous);
      startCondition(state.fieldBeforeNot).operatorTokens.push(previous);
      negatedIn = true;
    } else if (state.kind === "afterFieldNot" && next.kind !== "afterIn" && current !== undefined && previous !== undefined) {
      // `field NOT` not followed by IN: the NOT negates a new condition.
      current.operatorTokens = current.operatorTokens.filter((operatorToken) => operatorToken !== previous);
      current.operator = undefined;
      logical.push({ token: previous, name: "NOT" });
      current = undefined;
    }

    if (next.kind === "afterField" && next.field === token) {
      startCondition(token);
    } else if (next.kind === "value" && next.operator === token) {
      addOperator(condition(next), token, comparisonOperators.get(type));
    } else if (type === t.Not && next.kind === "afterFieldNot") {
      addOperator(condition(next), token, "NOT IN");
    } else if (type === t.In && next.kind === "afterIn") {
      addOperator(condition(next), token, negatedIn ? "NOT IN" : "IN");
    } else if (type === t.Between && next.kind === "value" && next.slot === "betweenLow") {
      addOperator(condition(next), token, "BETWEEN");
    } else if (type === t.Is && next.kind === "afterIs") {
      addOperator(condition(next), token, "IS NULL");
    } else if (type === t.Not && next.kind === "afterIsNot") {
      addOperator(condition(next), token, "IS NOT NULL");
    } else if (type === t.Null && (state.kind === "afterIs" || state.kind === "afterIsNot")) {
      condition(next).operatorTokens.push(token);
    } else if (type === t.And && state.kind === "afterBetweenLow") {
      condition(next).betweenAnd = token;
    } else if (valueTypes.has(type) && isValueState(state)) {
      condition(state).values.push(token);
    } else if (logicalNames.has(type) && next.kind === "conditionStart") {
      logical.push({ token, name: logicalNames.get(type) as LogicalToken["name"] });
    }
    if (next.kind === "conditionStart" || next.kind === "afterCondition") current = undefined;
    state = next;
    previous = token;
  }
  return { conditions, logical };
}

/** Tells whether a value token read in this state is a value of the condition being written. */
function isValueState(state: SyntaxState): boolean {
  // After a field, a value with no operator before it still belongs to the field's condition.
  return state.kind === "value" || state.kind === "afterListValue" || state.kind === "afterField" || state.kind === "afterWordValue";
}

/** Removes a word from the values of the latest condition that contains it, once it turns out to be a field. */
function removeValue(conditions: ConditionTokens[], word: IToken): void {
  for (let index = conditions.length - 1; index >= 0; index--) {
    const condition = conditions[index] as ConditionTokens;
    const position = condition.values.indexOf(word);
    if (position !== -1) {
      condition.values.splice(position, 1);
      return;
    }
  }
}

function removeLogical(logical: LogicalToken[], token: IToken): void {
  const index = logical.findIndex((entry) => entry.token === token);
  if (index !== -1) logical.splice(index, 1);
}

function addOperator(condition: ConditionTokens, token: IToken, name: OperatorName | undefined): void {
  condition.operatorTokens.push(token);
  if (name !== undefined) condition.operator = name;
}

/**
 * Reads a value token into a literal as the parser does: quotes removed and escapes decoded, and a
 * relative time without spaces. A malformed escape is kept as written.
 */
export function literalOf(token: IToken): Literal {
  const span = { start: token.startOffset, end: tokenEnd(token) };
  switch (token.tokenType) {
    case t.RelativeTime:
      return { type: "Literal", form: "relative", text: token.image.replace(/\s+/g, "").toLowerCase(), span };
    case t.DoubleQuotedString:
    case t.SingleQuotedString:
      return { type: "Literal", form: "string", text: decode(token.image.slice(1, -1)), span };
    case t.UnterminatedString: {
      // The last of an odd run of trailing backslashes escapes nothing, so the parser drops it.
      const body = token.image.slice(1);
      const danglingEscape = (body.match(/\\+$/)?.[0].length ?? 0) % 2 === 1;
      return { type: "Literal", form: "string", text: decode(danglingEscape ? body.slice(0, -1) : body), span };
    }
    default:
      return { type: "Literal", form: "word", text: token.image, span };
  }
}

function decode(body: string): string {
  const decoded = decodeStringBody(body);
  return decoded.ok ? decoded.value : body;
}
