/**
 * The streaming loop of gql filter. It reads each input chunk by chunk and splits it into lines.
 * After each chunk it writes the matching lines and the reports of malformed lines, and waits for
 * standard output and standard error to drain before it reads on.
 */
import { isUtf8 } from "node:buffer";
import { createReadStream } from "node:fs";
import type { Predicate } from "../compiler/compile.js";
import type { LinePrefilter } from "../stream/prefilter.js";
import { isBlankLine, LineSplitter } from "./ndjson.js";
import type { OutputStream } from "./output.js";
import { describeSystemError, displayPath, escapeControlCharacters } from "./text.js";

export interface FilterTotals {
  /** Lines that are not blank, malformed ones included. */
  read: number;
  matched: number;
  /** Lines that the --fast prefilter found unable to match, so they were not parsed. */
  skipped: number;
  malformed: number;
  /** Inputs that could not be opened or failed while being read. */
  unreadable: number;
}

export interface FilterStreamOptions {
  predicate: Predicate;
  /** With --fast: skips JSON.parse for lines that cannot match; those lines are counted as skipped. */
  prefilter?: LinePrefilter | undefined;
  maxLineBytes: number;
  openStdin: () => NodeJS.ReadableStream;
  stdout: OutputStream;
  stderr: OutputStream;
}

/** Name of standard input in reports of malformed lines. */
const stdinName = "<stdin>";
const readChunkBytes = 1024 * 1024;
const lineFeed = Buffer.from("\n");

/**
 * Filters the inputs in order ("-" is standard input) and returns the totals. Stops early when
 * writing to standard output fails, for instance because its reader closed the pipe.
 */
export async function filterInputs(inputs: readonly string[], options: FilterStreamOptions): Promise<FilterTotals> {
  const totals: FilterTotals = { read: 0, matched: 0, skipped: 0, malformed: 0, unreadable: 0 };
  for (const input of inputs) {
    await filterInput(input, options, totals);
    if (options.stdout.error !== undefined) break;
  }
  return totals;
}

async function filterInput(input: string, options: FilterStreamOptions, totals: FilterTotals): Promise<void> {
  const { predicate, prefilter, maxLineBytes, stdout, stderr } = options;
  const name = input === "-" ? stdinName : displayPath(input);
  const matches: Buffer[] = [];
  const reports: string[] = [];

  const reportMalformed = (lineNumber: number, reason: string): void => {
    totals.malformed++;
    reports.push(`gql filter: ${name}:${lineNumber}: ${reason}\n`);
  };

  const splitter = new LineSplitter(maxLineBytes, {
    line(bytes, lineNumber) {
      if (isBlankLine(bytes)) return;
      totals.read++;
      if (prefilter !== undefined && !prefilter.mustParse(bytes)) {
        totals.skipped++;
        return;
      }
      if (!isUtf8(bytes)) {
        reportMalformed(lineNumber, "invalid UTF-8");
        return;
      }
      let value: unknown;
      try {
        value = JSON.parse(bytes.toString("utf8"));
      } catch (error) {
        reportMalformed(lineNumber, `invalid JSON: ${escapeControlCharacters((error as Error).message)}`);
        return;
      }
      if (value === null || typeof value !== "object" || Array.isArray(value)) {
        reportMalformed(lineNumber, `the JSON value is ${describeJsonValue(value)}, not an object`);
        return;
      }
      if (predicate(value)) {
        totals.matched++;
        matches.push(bytes, lineFeed);
      }
    },
    oversized(lineNumber, byteLength) {
      totals.read++;
      reportMalformed(lineNumber, `the line is ${byteLength} bytes long, over the limit of ${maxLineBytes} bytes (--max-line-size)`);
    },
  });

  // Lines may share memory with the chunk they came from, so the matches are copied out by
  // Buffer.concat before the next chunk is read.
  const flush = async (): Promise<void> => {
    if (matches.length > 0) {
      const data = Buffer.concat(matches);
      matches.length = 0;
      await stdout.write(data);
    }
    if (reports.length > 0) {
      const text = reports.join("");
      reports.length = 0;
      await stderr.write(text);
    }
  };

  const source: AsyncIterable<Buffer | string> = input === "-" ? options.openStdin() : createReadStream(input, { highWaterMark: readChunkBytes });
  try {
    for await (const chunk of source) {
      splitter.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
      await flush();
      if (stdout.error !== undefined) return;
    }
  } catch (error) {
    // The lines before the failure were already written; a partial last line is dropped.
    await flush();
    totals.unreadable++;
    await stderr.writeLine(`gql filter: cannot read ${name}: ${describeSystemError(error)}`);
    return;
  }
  splitter.end();
  await flush();
}

function describeJsonValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return `a ${typeof value}`;
}
