/**
 * The one diagnostic shape of the library. Offsets count UTF-16 code units from 0, as JavaScript
 * strings and editors do; lines and columns are 1-based and derived from the offsets.
 */

export type Severity = "error" | "warning";

/** A place in the query text. */
export interface Position {
  /** UTF-16 code units before this position, from 0. */
  offset: number;
  /** Line number, from 1. Lines end at `\n`, `\r\n` or `\r`. */
  line: number;
  /** UTF-16 code units before this position on its line, plus 1. */
  column: number;
}

/** A half-open span of the query text: `start` is inside it, `end` is just past it. */
export interface Range {
  start: Position;
  end: Position;
}

/** A machine-applicable fix: replace the text in `range` with `replacement`. */
export interface Suggestion {
  /** One sentence for a button or a hint, such as "Replace with classification.". */
  message: string;
  range: Range;
  replacement: string;
}

export interface Diagnostic {
  severity: Severity;
  /** Stable code such as `GQL201`; the families are listed in grammar/DIAGNOSTICS.md. */
  code: string;
  /** Complete sentences: what is wrong with the quoted input, then what to do. */
  message: string;
  range: Range;
  suggestions?: Suggestion[];
}

/** Offsets of a span before line and column are known: `end` is exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** Converts offsets into positions for one source text, in O(log lines) per lookup. */
export class SourceMap {
  private readonly lineStarts: number[] = [0];

  constructor(readonly source: string) {
    for (let i = 0; i < source.length; i++) {
      const code = source.charCodeAt(i);
      if (code === 10) {
        this.lineStarts.push(i + 1);
      } else if (code === 13) {
        if (source.charCodeAt(i + 1) === 10) i++;
        this.lineStarts.push(i + 1);
      }
    }
  }

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.source.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.lineStarts[middle] as number) <= clamped) low = middle;
      else high = middle - 1;
    }
    return { offset: clamped, line: low + 1, column: clamped - (this.lineStarts[low] as number) + 1 };
  }

  range(span: Span): Range {
    return { start: this.position(span.start), end: this.position(span.end) };
  }

  /** Returns the text of a 1-based line without its line break. */
  lineText(line: number): string {
    const start = this.lineStarts[line - 1] ?? this.source.length;
    const next = this.lineStarts[line];
    let end = next === undefined ? this.source.length : next;
    while (end > start && (this.source.charCodeAt(end - 1) === 10 || this.source.charCodeAt(end - 1) === 13)) end--;
    return this.source.slice(start, end);
  }
}
