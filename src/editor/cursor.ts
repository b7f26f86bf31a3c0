/** Shared by completion and hover: the options, the clamped cursor and the tokens around it. */
import { requireQueryText } from "../errors.js";
import type { IToken, TokenType } from "chevrotain";
import type { Dataset } from "../datasets/dataset.js";
import { resolveDataset, type BuiltinDatasetName } from "../datasets/define.js";
import type { Span } from "../diagnostics/diagnostic.js";
import { tokenize } from "../lexer/lexer.js";
import * as t from "../lexer/tokens.js";

export interface EditorOptions {
  /** A built-in dataset name (`files`, `activity`, `streaming`) or a dataset from `defineDataset`. */
  dataset: BuiltinDatasetName | Dataset;
  /**
   * Returns the current time in epoch milliseconds. Completion uses it only to date the ISO example
   * of a timestamp. Default `Date.now`.
   */
  now?: () => number;
}

/** Token types that the cursor can be in the middle of as in a word: names, values and keywords. */
const wordLikeTypes: ReadonlySet<TokenType> = new Set([t.Word, t.RelativeTime, t.And, t.Or, t.Not, t.In, t.Between, t.Is, t.Null]);

export function isWordLike(token: IToken): boolean {
  return wordLikeTypes.has(token.tokenType);
}

export function tokenEnd(token: IToken): number {
  return token.startOffset + token.image.length;
}

export function spanOf(token: IToken): Span {
  return { start: token.startOffset, end: tokenEnd(token) };
}

/**
 * Turns any offset into one inside the text: negative and NaN become 0, offsets past the end become
 * the length, and fractions are cut.
 */
export function clampOffset(offset: number, length: number): number {
  if (typeof offset !== "number" || Number.isNaN(offset)) return 0;
  return Math.max(0, Math.min(Math.trunc(offset), length));
}

/** The query text and cursor that completion and hover work on, with the tokens of the whole text. */
export interface Cursor {
  source: string;
  offset: number;
  tokens: IToken[];
  dataset: Dataset;
}

/** Reads the options. Throws `GqlError` GQL901 only for an unknown or missing dataset, as `check` does. */
export function readCursor(source: string, offset: number, options: EditorOptions): Cursor {
  requireQueryText(source, "complete or hover");
  const dataset = resolveDataset(options?.dataset);
  const text = source;
  return { source: text, offset: clampOffset(offset, text.length), tokens: tokenize(text).tokens, dataset };
}

/**
 * Finds the word the cursor is in, at the end of, or at the start of. A word that ends at the cursor
 * wins over one that starts there, because that is the word being typed.
 */
export function wordAt(tokens: readonly IToken[], offset: number): IToken | undefined {
  let startingHere: IToken | undefined;
  for (const token of tokens) {
    if (token.startOffset > offset) break;
    if (!isWordLike(token)) continue;
    const end = tokenEnd(token);
    if (token.startOffset < offset && offset <= end) return token;
    if (token.startOffset === offset) startingHere = token;
  }
  return startingHere;
}

/** Finds the token that the offset falls strictly inside, between two of its characters. */
export function tokenAround(tokens: readonly IToken[], offset: number): IToken | undefined {
  for (const token of tokens) {
    if (token.startOffset >= offset) return undefined;
    if (offset < tokenEnd(token)) return token;
  }
  return undefined;
}

/** Returns the tokens that end at or before the offset. */
export function tokensBefore(tokens: readonly IToken[], offset: number): IToken[] {
  const before: IToken[] = [];
  for (const token of tokens) {
    if (tokenEnd(token) > offset) break;
    before.push(token);
  }
  return before;
}
