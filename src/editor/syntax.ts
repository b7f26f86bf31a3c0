/**
 * The syntactic state after a run of tokens, for completion. This is a finite automaton with a
 * parenthesis counter that follows the grammar in src/parser/grammar.ts token by token. On a valid
 * prefix it expects exactly the token types that Chevrotain's `computeContentAssist` returns for
 * the same tokens (test/editor.test.ts checks this). Unlike `computeContentAssist`, it takes linear
 * time in the number of tokens and keeps going after a syntax error: an unexpected token moves it
 * to the state that the token most plausibly starts, so half-typed queries still get suggestions.
 *
 * The grammar accepts some broken forms so that the parser can report them and go on. They are a
 * condition with no operator (`flow`) or with a value right after the field (`flow CLASSIFICATION`),
 * a comparison with no value (`flow =`), AND or OR with no operand after it, and two conditions with
 * nothing between them. So a bare word after a field or a comparison operator has two readings: the
 * value, or the field of a new condition. `computeContentAssist` returns the token types of both
 * readings while the word is the last token. Once another token follows the word, the choice lies
 * two tokens back, as far as the parser's lookahead reaches, and Chevrotain keeps only the first
 * alternative that accepts the rest: the value reading, when it does. The states below mirror this.
 */
import type { IToken, TokenType } from "chevrotain";
import * as t from "../lexer/tokens.js";

/** The place of an expected value: after a comparison operator, a bound of BETWEEN, or in an IN list. */
export type ValueSlot = "comparison" | "betweenLow" | "betweenHigh" | "list";

/** The token kind just before a place where a condition may start. */
export type ConditionStartReason = "start" | "and" | "or" | "not" | "open";

export type SyntaxState =
  /**
   * A condition may start: NOT, "(" or a field name. After AND the grammar also accepts another
   * AND, OR, or the ")" of a group, and after OR another OR or ")", each reported as a missing
   * condition. `fieldBeforeNot` is set after `word NOT` where the word was read as a value: IN then
   * makes `word NOT IN` a condition with the word as its field.
   */
  | { kind: "conditionStart"; after: ConditionStartReason; depth: number; fieldBeforeNot?: IToken }
  /**
   * A field name was read; an operator is expected. The grammar also accepts a value, or the end of
   * the condition, each reported as a missing operator.
   */
  | { kind: "afterField"; field: IToken; depth: number }
  /** `field NOT`; IN is expected. The grammar also reads the NOT as the start of a new condition. */
  | { kind: "afterFieldNot"; field: IToken; depth: number }
  /** `field IN` or `field NOT IN`; "(" is expected. */
  | { kind: "afterIn"; field: IToken | undefined; depth: number }
  /**
   * A value is expected. `operator` is the comparison operator token for the slot "comparison".
   * After a comparison operator the grammar also accepts what may follow a condition.
   */
  | { kind: "value"; slot: ValueSlot; field: IToken | undefined; operator: IToken | undefined; depth: number }
  /**
   * A bare word was read as the value of a comparison, or right after a field with no operator.
   * AND, OR, or ")" inside a group is expected, as after any condition. The grammar also reads the
   * word as the field of a new condition, so an operator after it makes it one.
   */
  | { kind: "afterWordValue"; word: IToken; depth: number }
  /** A value inside an IN list was read; "," or ")" is expected. */
  | { kind: "afterListValue"; field: IToken | undefined; depth: number }
  /** `field BETWEEN low`; the AND before the upper bound is expected. */
  | { kind: "afterBetweenLow"; field: IToken | undefined; depth: number }
  /** `field IS`; NOT or NULL is expected. */
  | { kind: "afterIs"; field: IToken | undefined; depth: number }
  /** `field IS NOT`; NULL is expected. */
  | { kind: "afterIsNot"; field: IToken | undefined; depth: number }
  /** A whole condition or group was read; AND, OR, or ")" inside a group is expected. */
  | { kind: "afterCondition"; depth: number };

export type SyntaxStateKind = SyntaxState["kind"];

const valueTokens: readonly TokenType[] = [t.Word, t.DoubleQuotedString, t.SingleQuotedString, t.UnterminatedString, t.RelativeTime];
const conditionStartTokens: readonly TokenType[] = [t.Not, t.Bang, t.LeftParen, t.Word];
const operatorStartTokens: readonly TokenType[] = [...t.comparisonTokens, t.Not, t.In, t.Between, t.Is];
const andTokens: readonly TokenType[] = [t.And, t.AndSymbol];
const orTokens: readonly TokenType[] = [t.Or, t.OrSymbol];

const comparisonTokenSet: ReadonlySet<TokenType> = new Set(t.comparisonTokens);
const valueTokenSet: ReadonlySet<TokenType> = new Set(valueTokens);
const andTokenSet: ReadonlySet<TokenType> = new Set(andTokens);
const orTokenSet: ReadonlySet<TokenType> = new Set(orTokens);

export const initialState: SyntaxState = { kind: "conditionStart", after: "start", depth: 0 };

/** Runs the automaton over the tokens and returns the state after the last one. */
export function readSyntaxState(tokens: readonly IToken[]): SyntaxState {
  let state = initialState;
  for (const token of tokens) state = nextState(state, token);
  return state;
}

/**
 * Lists the token types the grammar accepts next in this state, each once, in no particular order.
 * On a valid prefix this is the set that `computeContentAssist("query", tokens)` returns. That set
 * leaves out IN after `word NOT` when the word was read as a value, although the grammar accepts it.
 */
export function expectedTokenTypes(state: SyntaxState): TokenType[] {
  switch (state.kind) {
    case "conditionStart":
      return conditionStartExpects(state.after, state.depth);
    case "afterField":
    case "afterWordValue":
      // NOT and Word are in both lists.
      return [...new Set([...operatorStartTokens, ...valueTokens, ...afterConditionExpects(state.depth)])];
    case "afterFieldNot":
      return [t.In, ...conditionStartTokens];
    case "afterIn":
      return [t.LeftParen];
    case "value":
      // Word is in both lists.
      return state.slot === "comparison" ? [...new Set([...valueTokens, ...afterConditionExpects(state.depth)])] : [...valueTokens];
    case "afterListValue":
      return [t.Comma, t.RightParen];
    case "afterBetweenLow":
      return [t.And];
    case "afterIs":
      return [t.Not, t.Null];
    case "afterIsNot":
      return [t.Null];
    case "afterCondition":
      return afterConditionExpects(state.depth);
  }
}

function conditionStartExpects(after: ConditionStartReason, depth: number): TokenType[] {
  const close = depth > 0 ? [t.RightParen] : [];
  switch (after) {
    case "start":
    case "not":
      return [...conditionStartTokens];
    case "open":
      return [...conditionStartTokens, t.RightParen];
    case "and":
      return afterConditionExpects(depth);
    case "or":
      return [...orTokens, ...conditionStartTokens, ...close];
  }
}

function afterConditionExpects(depth: number): TokenType[] {
  const expected = [...andTokens, ...orTokens, ...conditionStartTokens];
  return depth > 0 ? [...expected, t.RightParen] : expected;
}

/** Returns the field of the condition being written, when the state is inside one. */
export function currentField(state: SyntaxState): IToken | undefined {
  return "field" in state ? state.field : undefined;
}

/** Returns the state after one more token. `recover` handles tokens that the grammar does not accept there. */
export function nextState(state: SyntaxState, token: IToken): SyntaxState {
  return expectedStep(state, token) ?? recover(state, token);
}

/** Returns the transition for a token the grammar accepts in this state, or `undefined` for any other token. */
function expectedStep(state: SyntaxState, token: IToken): SyntaxState | undefined {
  const type = token.tokenType;
  const depth = state.depth;
  switch (state.kind) {
    case "conditionStart":
      if (type === t.RightParen && state.after === "open") return { kind: "afterCondition", depth: depth - 1 };
      if (type === t.In && state.fieldBeforeNot !== undefined) return { kind: "afterIn", field: state.fieldBeforeNot, depth };
      if (state.after === "and" || state.after === "or") return missingOperandStep(state.after, token, depth);
      return startCondition(token, depth);
    case "afterField":
      return operatorStep(state.field, token, depth) ?? fieldValueStep(token, depth) ?? afterConditionStep(token, depth);
    case "afterFieldNot":
      return type === t.In ? { kind: "afterIn", field: state.field, depth } : startCondition(token, depth);
    case "afterIn":
      return type === t.LeftParen ? { kind: "value", slot: "list", field: state.field, operator: undefined, depth } : undefined;
    case "value":
      if (valueTokenSet.has(type)) {
        if (state.slot === "list") return { kind: "afterListValue", field: state.field, depth };
        if (state.slot === "betweenLow") return { kind: "afterBetweenLow", field: state.field, depth };
        if (state.slot === "betweenHigh") return { kind: "afterCondition", depth };
        return fieldValueStep(token, depth);
      }
      // The value of a comparison may be missing; the grammar reports that and reads on.
      return state.slot === "comparison" ? afterConditionStep(token, depth) : undefined;
    case "afterWordValue":
      // The reading with the word as a value comes first; only a token it rejects makes the word a field.
      if (type === t.Not) return { kind: "conditionStart", after: "not", depth, fieldBeforeNot: state.word };
      return afterConditionStep(token, depth) ?? operatorStep(state.word, token, depth) ?? fieldValueStep(token, depth);
    case "afterListValue":
      if (type === t.Comma) return { kind: "value", slot: "list", field: state.field, operator: undefined, depth };
      return type === t.RightParen ? { kind: "afterCondition", depth } : undefined;
    case "afterBetweenLow":
      return type === t.And ? { kind: "value", slot: "betweenHigh", field: state.field, operator: undefined, depth } : undefined;
    case "afterIs":
      if (type === t.Not) return { kind: "afterIsNot", field: state.field, depth };
      return type === t.Null ? { kind: "afterCondition", depth } : undefined;
    case "afterIsNot":
      return type === t.Null ? { kind: "afterCondition", depth } : undefined;
    case "afterCondition":
      return afterConditionStep(token, depth);
  }
}

/** After a whole condition: AND, OR, ")" of a group, or a new condition with its AND missing. */
function afterConditionStep(token: IToken, depth: number): SyntaxState | undefined {
  const type = token.tokenType;
  if (andTokenSet.has(type)) return { kind: "conditionStart", after: "and", depth };
  if (orTokenSet.has(type)) return { kind: "conditionStart", after: "or", depth };
  if (type === t.RightParen && depth > 0) return { kind: "afterCondition", depth: depth - 1 };
  return startCondition(token, depth);
}

/** After AND or OR, where the operand may be missing: another connective or ")" ends the empty operand. */
function missingOperandStep(after: "and" | "or", token: IToken, depth: number): SyntaxState | undefined {
  const type = token.tokenType;
  // After OR, no AND can follow the missing operand, because AND joins conditions inside an operand of OR.
  if (after === "and" && andTokenSet.has(type)) return { kind: "conditionStart", after: "and", depth };
  if (orTokenSet.has(type)) return { kind: "conditionStart", after: "or", depth };
  if (type === t.RightParen && depth > 0) return { kind: "afterCondition", depth: depth - 1 };
  return startCondition(token, depth);
}

function startCondition(token: IToken, depth: number): SyntaxState | undefined {
  const type = token.tokenType;
  if (type === t.Not || type === t.Bang) return { kind: "conditionStart", after: "not", depth };
  if (type === t.LeftParen) return { kind: "conditionStart", after: "open", depth: depth + 1 };
  if (type === t.Word) return { kind: "afterField", field: token, depth };
  return undefined;
}

/** An operator after a field: a comparison operator, NOT (of NOT IN), IN, BETWEEN or IS. */
function operatorStep(field: IToken, token: IToken, depth: number): SyntaxState | undefined {
  const type = token.tokenType;
  if (comparisonTokenSet.has(type)) return { kind: "value", slot: "comparison", field, operator: token, depth };
  if (type === t.Not) return { kind: "afterFieldNot", field, depth };
  return keywordOperator(type, field, depth);
}

/** A value that ends a comparison, or follows a field with its operator missing. */
function fieldValueStep(token: IToken, depth: number): SyntaxState | undefined {
  const type = token.tokenType;
  if (type === t.Word) return { kind: "afterWordValue", word: token, depth };
  return valueTokenSet.has(type) ? { kind: "afterCondition", depth } : undefined;
}

function keywordOperator(type: TokenType, field: IToken | undefined, depth: number): SyntaxState | undefined {
  if (type === t.In) return { kind: "afterIn", field, depth };
  if (type === t.Between) return { kind: "value", slot: "betweenLow", field, operator: undefined, depth };
  if (type === t.Is) return { kind: "afterIs", field, depth };
  return undefined;
}

/**
 * Returns the state after a token the grammar does not accept here. Connectives and parentheses
 * resynchronise as they would in a valid query. An operator keeps the field of the condition being
 * written. A word starts a new condition, except inside an IN list, where it is read as a value
 * missing its comma.
 */
function recover(state: SyntaxState, token: IToken): SyntaxState {
  const type = token.tokenType;
  const depth = state.depth;
  const field = currentField(state);
  const inList = (state.kind === "value" && state.slot === "list") || state.kind === "afterListValue";

  if (andTokenSet.has(type)) return { kind: "conditionStart", after: "and", depth };
  if (orTokenSet.has(type)) return { kind: "conditionStart", after: "or", depth };
  if (type === t.Not || type === t.Bang) return { kind: "conditionStart", after: "not", depth };
  if (type === t.LeftParen) return { kind: "conditionStart", after: "open", depth: depth + 1 };
  if (type === t.RightParen) return { kind: "afterCondition", depth: inList ? depth : Math.max(0, depth - 1) };
  if (type === t.Comma) return inList ? { kind: "value", slot: "list", field, operator: undefined, depth } : state;
  if (comparisonTokenSet.has(type)) return { kind: "value", slot: "comparison", field, operator: token, depth };
  if (type === t.Null) return { kind: "afterCondition", depth };
  const keyword = keywordOperator(type, field, depth);
  if (keyword !== undefined) return keyword;
  if (inList) return { kind: "afterListValue", field, depth };
  if (type === t.Word) return { kind: "afterField", field: token, depth };
  // A quoted string or relative time where no value fits: read it as a value with its operator missing.
  return { kind: "afterCondition", depth };
}
