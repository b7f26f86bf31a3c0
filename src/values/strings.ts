/**
 * Decoding of quoted strings. The escapes are \" \' \\ \n \r \t \uXXXX and \u{X...}. A backslash
 * before any other character is kept with it, so a wildcard can still tell \* (a literal star) from
 * *, and a regular expression such as "^\d+\.txt$" needs no doubled backslashes. A malformed \u
 * escape is an error. No Unicode normalisation is applied.
 */

export type DecodeResult =
  | { ok: true; value: string }
  | { ok: false; message: string; start: number; end: number };

const simpleEscapes: Record<string, string> = { '"': '"', "'": "'", "\\": "\\", n: "\n", r: "\r", t: "\t" };

/**
 * Decodes the body of a quoted string (the text between the quotes). On failure, `start` and `end`
 * are offsets into `body` around the malformed escape.
 */
export function decodeStringBody(body: string): DecodeResult {
  if (!body.includes("\\")) return { ok: true, value: body };
  let value = "";
  let i = 0;
  while (i < body.length) {
    const character = body[i] as string;
    if (character !== "\\") {
      value += character;
      i++;
      continue;
    }
    const next = body[i + 1];
    if (next === undefined) {
      return { ok: false, message: "A backslash ends the string; write \\\\ for a literal backslash.", start: i, end: i + 1 };
    }
    const simple = simpleEscapes[next];
    if (simple !== undefined) {
      value += simple;
      i += 2;
    } else if (next === "u") {
      const decoded = decodeUnicodeEscape(body, i);
      if (!decoded.ok) return decoded;
      value += decoded.value;
      i = decoded.end;
    } else {
      value += `\\${next}`;
      i += 2;
    }
  }
  return { ok: true, value };
}

function decodeUnicodeEscape(
  body: string,
  start: number,
): { ok: true; value: string; end: number } | { ok: false; message: string; start: number; end: number } {
  if (body[start + 2] === "{") {
    const close = body.indexOf("}", start + 3);
    const digits = close === -1 ? "" : body.slice(start + 3, close);
    if (close === -1 || !/^[0-9a-fA-F]{1,6}$/.test(digits) || Number.parseInt(digits, 16) > 0x10ffff) {
      const end = close === -1 ? Math.min(body.length, start + 3) : close + 1;
      return {
        ok: false,
        message: `The escape ${body.slice(start, end)} is invalid; write \\u{...} with 1 to 6 hexadecimal digits up to 10FFFF.`,
        start,
        end,
      };
    }
    return { ok: true, value: String.fromCodePoint(Number.parseInt(digits, 16)), end: close + 1 };
  }
  const digits = body.slice(start + 2, start + 6);
  if (!/^[0-9a-fA-F]{4}$/.test(digits)) {
    const end = Math.min(body.length, start + 6);
    return {
      ok: false,
      message: `The escape ${body.slice(start, end)} is invalid; write \\u with exactly 4 hexadecimal digits, or \\u{...}.`,
      start,
      end,
    };
  }
  return { ok: true, value: String.fromCharCode(Number.parseInt(digits, 16)), end: start + 6 };
}

/** Encodes a value as a double-quoted string that `decodeStringBody` reads back to the same value. */
export function encodeString(value: string): string {
  let body = "";
  for (let i = 0; i < value.length; i++) {
    const character = value[i] as string;
    const code = value.charCodeAt(i);
    if (character === "\\") {
      const next = value[i + 1];
      if (next === "*" || next === "?") {
        body += `\\${next}`;
        i++;
      } else {
        body += "\\\\";
      }
    } else if (character === '"') body += '\\"';
    else if (character === "\n") body += "\\n";
    else if (character === "\r") body += "\\r";
    else if (character === "\t") body += "\\t";
    else if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029) {
      body += `\\u${code.toString(16).padStart(4, "0")}`;
    } else body += character;
  }
  return `"${body}"`;
}
