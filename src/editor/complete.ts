/**
 * Completion for GQL: what may be typed at a cursor. The syntax automaton (syntax.ts) decides what
 * kind of thing comes next from the tokens before the cursor, and the dataset decides which fields,
 * operators and values fit. It works on half-typed and broken queries.
 */
import type { IToken } from "chevrotain";
import type { OperatorName } from "../checker/operators.js";
import { allowedOperators } from "../checker/operators.js";
import type { Dataset, ResolvedField } from "../datasets/dataset.js";
import { SourceMap, type Range, type Span } from "../diagnostics/diagnostic.js";
import * as t from "../lexer/tokens.js";
import { readCursor, spanOf, tokenAround, tokenEnd, tokensBefore, wordAt, type Cursor, type EditorOptions } from "./cursor.js";
import { allOperators, fieldDocumentation, keywordDetails, keywordMeanings, operatorMeaning, typeDetail } from "./meanings.js";
import { readSyntaxState, type SyntaxState } from "./syntax.js";
import { valueSuggestions } from "./values.js";

export type CompletionKind = "field" | "operator" | "value" | "keyword" | "punctuation";

/** One suggestion: replace the text in `range` with `insertText`. */
export interface CompletionItem {
  /** The text shown in the list, and the text that the typed prefix is matched against. */
  label: string;
  kind: CompletionKind;
  /** One line shown next to the label: a field's type, an operator's meaning, a size in bytes. */
  detail?: string;
  /** Longer Markdown text, such as a field's description and labels. */
  documentation?: string;
  insertText: string;
  /** The text the item replaces: the word at the cursor, or an empty range at the cursor. */
  range: Range;
  /** Sorts the items in the order returned (schema order, then declared label order). */
  sortText: string;
}

export interface CompletionResult {
  items: CompletionItem[];
  /** The text that every item replaces, equal to each item's `range`. */
  range: Range;
}

export type CompletionOptions = EditorOptions;

/** An item before it gets its range and sort key. */
type Candidate = Omit<CompletionItem, "range" | "sortText">;

/**
 * Lists what may be typed at `offset` (UTF-16 code units, clamped into the text). When the cursor is
 * in or at the end of a word, that word is the range and the items are those whose label starts with
 * the part before the cursor, ignoring case. Inside a quoted string it offers nothing, except the
 * closing quote at the end of an unterminated string. Does not throw for any text and offset (a
 * fast-check property in test/editor.test.ts checks this). Throws `GqlError` only for an unknown
 * or missing dataset, and passes on any exception that `options.now` throws.
 */
export function complete(source: string, offset: number, options: CompletionOptions): CompletionResult {
  const cursor = readCursor(source, offset, options);
  const map = new SourceMap(cursor.source);
  const { span, candidates } = findCandidates(cursor, options);
  const range = map.range(span);
  const items = candidates.map((candidate, index) => ({ ...candidate, range, sortText: String(index).padStart(4, "0") }));
  return { items, range };
}

function findCandidates(cursor: Cursor, options: CompletionOptions): { span: Span; candidates: Candidate[] } {
  const { tokens, offset } = cursor;
  const atCursor: Span = { start: offset, end: offset };

  const last = tokens[tokens.length - 1];
  if (last !== undefined && last.tokenType === t.UnterminatedString && last.startOffset < offset) {
    // An unterminated string runs to the end of the text, so the cursor is inside it.
    return { span: atCursor, candidates: closingQuote(last, offset) };
  }
  const around = tokenAround(tokens, offset);
  const word = wordAt(tokens, offset);
  if (around !== undefined && word === undefined) {
    // Inside a quoted string or between the characters of an operator such as != or &&.
    return { span: atCursor, candidates: [] };
  }

  if (word !== undefined) {
    const span = spanOf(word);
    const prefix = cursor.source.slice(word.startOffset, offset);
    const state = readSyntaxState(tokensBefore(tokens, word.startOffset));
    const typing: Typing = { cursor, options, prefix, word };
    return { span, candidates: filterByPrefix(candidatesFor(state, typing), prefix) };
  }

  const before = tokensBefore(tokens, offset);
  const previous = before[before.length - 1];
  if (previous !== undefined && previous.tokenType === t.Bang && tokenEnd(previous) === offset) {
    // `field !` is the start of != or !~, not a NOT.
    const state = readSyntaxState(before.slice(0, -1));
    if (state.kind === "afterField") {
      const field = cursor.dataset.field(state.field.image);
      return { span: spanOf(previous), candidates: filterByPrefix(operatorCandidates(field), "!") };
    }
  }
  const typing: Typing = { cursor, options, prefix: "", word: undefined };
  return { span: atCursor, candidates: candidatesFor(readSyntaxState(before), typing) };
}

function filterByPrefix(candidates: Candidate[], prefix: string): Candidate[] {
  const lower = prefix.toLowerCase().replace(/\s+/g, "");
  if (lower === "") return candidates;
  return candidates.filter((candidate) => candidate.label.toLowerCase().startsWith(lower));
}

/** Offers the closing quote at the end of an unterminated string, when adding it ends the string there. */
function closingQuote(token: IToken, offset: number): Candidate[] {
  if (offset !== tokenEnd(token)) return [];
  const quote = token.image[0] as string;
  const closed = quote === '"' ? t.DoubleQuotedString : t.SingleQuotedString;
  const pattern = closed.PATTERN as RegExp;
  const whole = new RegExp(`^(?:${pattern.source})$`);
  if (!whole.test(token.image + quote)) return [];
  return [{ label: quote, kind: "punctuation", detail: "close the string", insertText: quote }];
}

/** The text typed so far at the cursor and the word that completion replaces. */
interface Typing {
  cursor: Cursor;
  options: CompletionOptions;
  prefix: string;
  word: IToken | undefined;
}

function candidatesFor(state: SyntaxState, typing: Typing): Candidate[] {
  const dataset = typing.cursor.dataset;
  switch (state.kind) {
    case "conditionStart": {
      const starts = state.after === "not" ? [openParenthesis] : [notKeyword, openParenthesis];
      return [...fieldCandidates(dataset), ...starts];
    }
    case "afterField":
      return operatorCandidates(dataset.field(state.field.image));
    case "afterFieldNot": {
      const field = dataset.field(state.field.image);
      return [{ label: "IN", kind: "operator", detail: operatorMeaning("NOT IN", field?.type), insertText: "IN" }];
    }
    case "afterIn":
      return [{ label: "(", kind: "punctuation", detail: "open the list of values", insertText: "(" }];
    case "value":
      return valueCandidates(state, typing);
    case "afterListValue":
      return [
        { label: ",", kind: "punctuation", detail: "another value", insertText: "," },
        { label: ")", kind: "punctuation", detail: "close the list of values", insertText: ")" },
      ];
    case "afterBetweenLow":
      return [{ label: "AND", kind: "keyword", detail: "then the upper bound of BETWEEN", insertText: "AND" }];
    case "afterIs":
    case "afterIsNot": {
      const type = state.field === undefined ? undefined : dataset.field(state.field.image)?.type;
      const isNull: Candidate = { label: "NULL", kind: "operator", detail: operatorMeaning(state.kind === "afterIs" ? "IS NULL" : "IS NOT NULL", type), insertText: "NULL" };
      if (state.kind === "afterIsNot") return [isNull];
      return [isNull, { label: "NOT NULL", kind: "operator", detail: operatorMeaning("IS NOT NULL", type), insertText: "NOT NULL" }];
    }
    case "afterWordValue":
    case "afterCondition": {
      const connectives = [andKeyword, orKeyword];
      return state.depth > 0 ? [...connectives, closeParenthesis] : connectives;
    }
  }
}

const notKeyword: Candidate = { label: "NOT", kind: "keyword", detail: keywordDetails.NOT, documentation: keywordMeanings.NOT, insertText: "NOT" };
const andKeyword: Candidate = { label: "AND", kind: "keyword", detail: keywordDetails.AND, documentation: keywordMeanings.AND, insertText: "AND" };
const orKeyword: Candidate = { label: "OR", kind: "keyword", detail: keywordDetails.OR, documentation: keywordMeanings.OR, insertText: "OR" };
const openParenthesis: Candidate = { label: "(", kind: "punctuation", detail: "start a group", insertText: "(" };
const closeParenthesis: Candidate = { label: ")", kind: "punctuation", detail: "close the group", insertText: ")" };

function fieldCandidates(dataset: Dataset): Candidate[] {
  return dataset.fields.map((field) => ({
    label: field.path,
    kind: "field",
    detail: typeDetail(field.type),
    documentation: fieldDocumentation(field),
    insertText: field.path,
  }));
}

/** Lists the operators that apply to the field's type, or all operators when the dataset has no such field. */
function operatorCandidates(field: ResolvedField | undefined): Candidate[] {
  const operators: readonly OperatorName[] = field === undefined ? allOperators : allowedOperators(field.type);
  return operators.map((operator) => ({
    label: operator,
    kind: "operator",
    detail: operatorMeaning(operator, field?.type),
    insertText: operator,
  }));
}

function valueCandidates(state: Extract<SyntaxState, { kind: "value" }>, typing: Typing): Candidate[] {
  const { cursor, options, prefix, word } = typing;
  if (state.field === undefined) return [];
  const field = cursor.dataset.field(state.field.image);
  if (field === undefined) return [];
  const listed = state.slot === "list" ? valuesInList(cursor.tokens, state.field, word) : [];
  const nowMs = field.type.kind === "timestamp" ? (options.now ?? Date.now)() : Number.NaN;
  return valueSuggestions(field, prefix, listed, nowMs).map((suggestion) => ({ ...suggestion, kind: "value" }));
}

/**
 * Collects the values written in the IN list that follows a field, up to its ")" or the end of the
 * text, leaving out the word being typed.
 */
function valuesInList(tokens: readonly IToken[], field: IToken, typed: IToken | undefined): string[] {
  const values: string[] = [];
  let index = tokens.indexOf(field);
  while (index >= 0 && index < tokens.length && (tokens[index] as IToken).tokenType !== t.LeftParen) index++;
  for (index++; index < tokens.length; index++) {
    const token = tokens[index] as IToken;
    if (token.tokenType === t.RightParen || token.tokenType === t.LeftParen) break;
    if (token === typed) continue;
    if (token.tokenType === t.Word) values.push(token.image);
    else if (token.tokenType === t.DoubleQuotedString || token.tokenType === t.SingleQuotedString) values.push(token.image.slice(1, -1));
  }
  return values;
}
