/**
 * Matchers for `~`. A pattern with an unescaped `*` or `?` matches the whole text: `*` is any run
 * of characters, `/` included, and `?` one character (a surrogate pair counts as one). `\*`, `\?`
 * and `\\` are a literal star, question mark and backslash; a backslash before anything else is
 * itself. Without wildcards the pattern is a substring test. Both
 * sides are compared in lower case, and a match costs at most O(text length × pattern length).
 */

/** A prepared matcher; `test` expects text already in lower case. */
export interface TextMatcher {
  readonly kind: "substring" | "wildcard";
  /** The pattern in lower case with escapes resolved, for messages and code generation. */
  readonly literal: string;
  test(lowerText: string): boolean;
}

type Piece = { kind: "text"; text: string } | { kind: "star" } | { kind: "any" };

/** Splits a pattern into literal runs, stars and single-character wildcards. */
function readPattern(pattern: string): Piece[] {
  const pieces: Piece[] = [];
  let text = "";
  const flush = (): void => {
    if (text !== "") pieces.push({ kind: "text", text });
    text = "";
  };
  for (let i = 0; i < pattern.length; i++) {
    const character = pattern[i] as string;
    const next = pattern[i + 1];
    if (character === "\\" && (next === "*" || next === "?" || next === "\\")) {
      text += next;
      i++;
    } else if (character === "*") {
      flush();
      if (pieces[pieces.length - 1]?.kind !== "star") pieces.push({ kind: "star" });
    } else if (character === "?") {
      flush();
      pieces.push({ kind: "any" });
    } else {
      text += character;
    }
  }
  flush();
  return pieces;
}

/** Spells a piece as in a pattern with its escapes resolved: the text itself, `*` or `?`. */
function pieceText(piece: Piece): string {
  if (piece.kind === "text") return piece.text;
  return piece.kind === "star" ? "*" : "?";
}

/** Tells whether a `~` pattern contains an unescaped `*` or `?`. */
export function hasWildcard(pattern: string): boolean {
  return readPattern(pattern).some((piece) => piece.kind !== "text");
}

/** Builds the matcher for a `~` value. */
export function createTextMatcher(pattern: string): TextMatcher {
  const pieces = readPattern(pattern.toLowerCase());
  if (pieces.every((piece) => piece.kind === "text")) {
    const literal = pieces.map((piece) => (piece.kind === "text" ? piece.text : "")).join("");
    return { kind: "substring", literal, test: (text) => text.includes(literal) };
  }
  const literal = pieces.map(pieceText).join("");
  if (!pieces.some((piece) => piece.kind === "any")) return starMatcher(pieces, literal);
  return { kind: "wildcard", literal, test: (text) => matchPieces(pieces, text) };
}

/**
 * Stars only: the first run must start the text, the last must end it, and the runs between are
 * found leftmost in order, which is correct because a star can absorb anything between them.
 */
function starMatcher(pieces: Piece[], literal: string): TextMatcher {
  const runs = pieces.map((piece) => (piece.kind === "text" ? piece.text : null));
  const prefix = runs[0] ?? null;
  const suffix = runs.length > 1 ? (runs[runs.length - 1] ?? null) : null;
  const middle = runs.slice(prefix === null ? 0 : 1, suffix === null ? runs.length : -1).filter((run): run is string => run !== null);
  const minimumLength = (prefix?.length ?? 0) + (suffix?.length ?? 0);
  return {
    kind: "wildcard",
    literal,
    test(text) {
      if (text.length < minimumLength) return false;
      if (prefix !== null && !text.startsWith(prefix)) return false;
      if (suffix !== null && !text.endsWith(suffix)) return false;
      let position = prefix?.length ?? 0;
      const limit = text.length - (suffix?.length ?? 0);
      for (const run of middle) {
        const found = text.indexOf(run, position);
        if (found === -1 || found + run.length > limit) return false;
        position = found + run.length;
      }
      return true;
    },
  };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Width of the character at `index`: 2 for a surrogate pair, else 1. */
function characterWidth(text: string, index: number): number {
  return isHighSurrogate(text.charCodeAt(index)) && isLowSurrogate(text.charCodeAt(index + 1)) ? 2 : 1;
}

/**
 * General matcher with `?`: greedy with one resumption point at the last star. When a later star is
 * met the earlier resumption point is dropped, so each text position is retried at most once per
 * star, which bounds the work by text length × pattern length.
 */
function matchPieces(pieces: Piece[], text: string): boolean {
  let pieceIndex = 0;
  let position = 0;
  let starPiece = -1;
  let starPosition = 0;
  while (position < text.length || pieceIndex < pieces.length) {
    const piece = pieces[pieceIndex];
    if (piece !== undefined) {
      if (piece.kind === "star") {
        starPiece = pieceIndex;
        starPosition = position;
        pieceIndex++;
        continue;
      }
      if (piece.kind === "any" && position < text.length) {
        position += characterWidth(text, position);
        pieceIndex++;
        continue;
      }
      if (piece.kind === "text" && text.startsWith(piece.text, position)) {
        position += piece.text.length;
        pieceIndex++;
        continue;
      }
    }
    if (starPiece === -1 || starPosition >= text.length) return false;
    starPosition += characterWidth(text, starPosition);
    position = starPosition;
    pieceIndex = starPiece + 1;
  }
  return true;
}
