/**
 * Splits a stream of bytes into NDJSON lines without decoding what it does not need. Lines end at
 * "\n"; a "\r" just before it is part of the terminator. Memory is bounded by the longest line
 * kept (at most `maxLineBytes`), whatever the size of the input.
 */

const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

export interface LineHandler {
  /** Receives one line without its terminator. The buffer may share memory with the input chunk. */
  line(bytes: Buffer, lineNumber: number): void;
  /** Receives a line that was longer than the limit; its bytes were dropped while it was read. */
  oversized(lineNumber: number, byteLength: number): void;
}

/** Splits one input (a file or standard input); feed it chunks in order and call `end` once. */
export class LineSplitter {
  /** Pieces of the line in progress, which started in an earlier chunk. */
  private pending: Buffer[] = [];
  private pendingLength = 0;
  /** Length of the line in progress once it went over the limit; its bytes are no longer kept. */
  private droppedLength: number | undefined;
  private lineNumber = 0;

  constructor(
    private readonly maxLineBytes: number,
    private readonly handler: LineHandler,
  ) {}

  push(chunk: Buffer): void {
    let start = 0;
    for (;;) {
      const lineFeed = chunk.indexOf(LINE_FEED, start);
      if (lineFeed === -1) {
        this.keep(chunk.subarray(start));
        return;
      }
      this.finishLine(chunk.subarray(start, lineFeed));
      start = lineFeed + 1;
    }
  }

  /** Ends the input: a last line without a terminator is still a line. */
  end(): void {
    if (this.pendingLength > 0 || this.droppedLength !== undefined) this.finishLine(Buffer.alloc(0));
  }

  private keep(piece: Buffer): void {
    if (piece.length === 0) return;
    if (this.droppedLength !== undefined) {
      this.droppedLength += piece.length;
      return;
    }
    // One byte of slack: a "\r" at the end of a line at the limit belongs to the terminator.
    if (this.pendingLength + piece.length > this.maxLineBytes + 1) {
      this.droppedLength = this.pendingLength + piece.length;
      this.pending = [];
      this.pendingLength = 0;
      return;
    }
    this.pending.push(piece);
    this.pendingLength += piece.length;
  }

  private finishLine(tail: Buffer): void {
    this.lineNumber++;
    if (this.droppedLength !== undefined) {
      const length = this.droppedLength + tail.length;
      this.droppedLength = undefined;
      this.handler.oversized(this.lineNumber, length);
      return;
    }

    let line = tail;
    if (this.pendingLength > 0) {
      this.pending.push(tail);
      line = Buffer.concat(this.pending, this.pendingLength + tail.length);
      this.pending = [];
      this.pendingLength = 0;
    }
    if (line.length > 0 && line[line.length - 1] === CARRIAGE_RETURN) line = line.subarray(0, line.length - 1);
    if (this.lineNumber === 1 && hasByteOrderMark(line)) line = line.subarray(3);

    if (line.length > this.maxLineBytes) this.handler.oversized(this.lineNumber, line.length);
    else this.handler.line(line, this.lineNumber);
  }
}

function hasByteOrderMark(line: Buffer): boolean {
  return line.length >= 3 && line[0] === 0xef && line[1] === 0xbb && line[2] === 0xbf;
}

/** Tells whether a line holds only JSON white space (space, tab, carriage return). */
export function isBlankLine(line: Buffer): boolean {
  for (let index = 0; index < line.length; index++) {
    const byte = line[index];
    if (byte !== 0x20 && byte !== 0x09 && byte !== CARRIAGE_RETURN) return false;
  }
  return true;
}
