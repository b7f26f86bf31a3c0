/**
 * The tokens of GQL. Keywords are whole words only: each keyword has `Word` as its longer
 * alternative, so `orlando`, `notes.txt` and `index` lex as words, never as a keyword plus a rest.
 */
import { createToken, Lexer, type TokenType } from "chevrotain";

/** Characters that end a bare word: white space, quotes, parentheses, comma and operator characters. */
const WORD_PATTERN = /(?:[^\s()"',=!<>~&|]|&(?!&)|\|(?!\|))+/;

export const WhiteSpace = createToken({ name: "WhiteSpace", pattern: /\s+/, group: Lexer.SKIPPED });

/**
 * Every UTF-16 code unit that can start a word. Chevrotain cannot derive first characters from a
 * pattern built on a complement set, and without them for every token its lexer tries each pattern
 * at each position; with them it tries only the tokens that can start with the character there.
 */
const notWordStart = new Set([..."()\"',=!<>~ \t\n\v\f\r\u00a0"].map((character) => character.charCodeAt(0)));
const wordStartCodes: number[] = [];
for (let code = 0; code < 256; code++) if (!notWordStart.has(code)) wordStartCodes.push(code);
// NOTE: above 255, Chevrotain 11 files character codes in blocks of 255 (code / 255), so one code
// per block stands for the whole block; listing all 65,280 codes made start-up 70 ms slower.
for (let code = 256; code <= 0xffff; code++) if (code === 256 || Math.floor(code / 255) !== Math.floor((code - 1) / 255)) wordStartCodes.push(code);

export const Word = createToken({ name: "Word", pattern: WORD_PATTERN, label: "a value or field name", start_chars_hint: wordStartCodes });

/**
 * `now` followed by a signed offset, with optional spaces around the sign and before a one-letter
 * unit: `now-7d`, `now - 7d`, `now - 7 d`.
 */
export const RelativeTime = createToken({
  name: "RelativeTime",
  pattern: /now\s*[+-]\s*[0-9.][^\s()"',=!<>~&|]*(?:\s+[smhdw](?![^\s()"',=!<>~&|]))?/i,
  label: "a relative time",
});

export const DoubleQuotedString = createToken({
  name: "DoubleQuotedString",
  pattern: /"(?:[^"\\]|\\[\s\S])*"/,
  label: "a string",
});
export const SingleQuotedString = createToken({
  name: "SingleQuotedString",
  pattern: /'(?:[^'\\]|\\[\s\S])*'/,
  label: "a string",
});
/** A string that reaches the end of the query: the parser accepts it and reports it. */
export const UnterminatedString = createToken({
  name: "UnterminatedString",
  pattern: /["'](?:[^\\]|\\[\s\S])*\\?/,
  label: "a string",
});

function keyword(name: string, label: string): TokenType {
  return createToken({ name, pattern: new RegExp(name, "i"), longer_alt: Word, label });
}

export const And = keyword("AND", "AND");
export const Or = keyword("OR", "OR");
export const Not = keyword("NOT", "NOT");
export const In = keyword("IN", "IN");
export const Between = keyword("BETWEEN", "BETWEEN");
export const Is = keyword("IS", "IS");
export const Null = keyword("NULL", "NULL");

export const AndSymbol = createToken({ name: "AndSymbol", pattern: /&&/, label: "&&" });
export const OrSymbol = createToken({ name: "OrSymbol", pattern: /\|\|/, label: "||" });

export const RegexMatch = createToken({ name: "RegexMatch", pattern: /=~/, label: "=~" });
export const Equals = createToken({ name: "Equals", pattern: /==?/, label: "=" });
export const NotEquals = createToken({ name: "NotEquals", pattern: /!=|<>/, label: "!=" });
export const NotContains = createToken({ name: "NotContains", pattern: /!~/, label: "!~" });
export const Bang = createToken({ name: "Bang", pattern: /!/, label: "!" });
export const LessOrEqual = createToken({ name: "LessOrEqual", pattern: /<=/, label: "<=" });
export const Less = createToken({ name: "Less", pattern: /</, label: "<" });
export const GreaterOrEqual = createToken({ name: "GreaterOrEqual", pattern: />=/, label: ">=" });
export const Greater = createToken({ name: "Greater", pattern: />/, label: ">" });
export const Contains = createToken({ name: "Contains", pattern: /~/, label: "~" });

export const LeftParen = createToken({ name: "LeftParen", pattern: /\(/, label: "(" });
export const RightParen = createToken({ name: "RightParen", pattern: /\)/, label: ")" });
export const Comma = createToken({ name: "Comma", pattern: /,/, label: "," });

/** Order matters: the lexer takes the first pattern that matches, so longer operators come first. */
export const allTokens: TokenType[] = [
  WhiteSpace,
  DoubleQuotedString,
  SingleQuotedString,
  UnterminatedString,
  RelativeTime,
  And,
  Or,
  Not,
  In,
  Between,
  Is,
  Null,
  AndSymbol,
  OrSymbol,
  RegexMatch,
  NotEquals,
  Equals,
  NotContains,
  Bang,
  LessOrEqual,
  Less,
  GreaterOrEqual,
  Greater,
  Contains,
  LeftParen,
  RightParen,
  Comma,
  Word,
];

export const comparisonTokens = [RegexMatch, Equals, NotEquals, NotContains, LessOrEqual, Less, GreaterOrEqual, Greater, Contains];
