/** Helpers for putting user input and data into terminal messages without control characters. */
import { quote } from "../diagnostics/quote.js";

/** Quotes a command-line argument for a message. */
export function describeArgument(text: string): string {
  return quote(text, 80);
}

/** Returns a file name as typed when it is printable, and quoted with escapes otherwise. */
export function displayPath(path: string): string {
  return /^[^\u0000-\u001f\u007f-\u009f\u2028\u2029"]*$/.test(path) ? path : quote(path, 200);
}

/** Replaces control characters, which could move the cursor or change colours, with `\uXXXX` escapes. */
export function escapeControlCharacters(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Returns the OS error of a failed file operation as "ENOENT: no such file or directory". */
export function describeSystemError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  // Node appends the system call and the path: "ENOENT: no such file or directory, open 'x.json'".
  const message = error.message.replace(/, \w+(?: '.*')?$/s, "");
  if (code !== undefined && !message.startsWith(code)) return `${code}: ${message}`;
  return message;
}
