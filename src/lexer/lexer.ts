import { Lexer, type IToken } from "chevrotain";
import { allTokens } from "./tokens.js";

/** One lexer for the process: Chevrotain lexers are stateless between calls. */
const lexer = new Lexer(allTokens, {
  positionTracking: "onlyOffset",
  ensureOptimizations: true,
  skipValidations: true,
});

export interface LexResult {
  tokens: IToken[];
  /** Offsets of text no token matched; with the current token set every character is matched. */
  errors: { offset: number; length: number }[];
}

export function tokenize(source: string): LexResult {
  const result = lexer.tokenize(source);
  return {
    tokens: result.tokens,
    errors: result.errors.map((error) => ({ offset: error.offset, length: error.length })),
  };
}
