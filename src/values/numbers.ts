/**
 * Number and size literals. A number is decimal with an optional sign, fraction and exponent. A
 * value that JavaScript would round (an integer beyond 2^53 written exactly) or that overflows to
 * infinity is rejected instead of being read approximately.
 */

/** A value read from a literal, or why not. `unsafe` marks a value that exists but cannot be represented exactly. */
export type ValueResult<T> = { ok: true; value: T } | { ok: false; message: string; unsafe?: boolean };

const DECIMAL = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+))?$/;

/** Reads a decimal number; the message of a failure quotes nothing, so callers add the literal. */
export function parseNumber(text: string): ValueResult<number> {
  const match = DECIMAL.exec(text);
  if (!match) return { ok: false, message: describeNonNumber(text) };
  const value = Number(text);
  if (!Number.isFinite(value)) return { ok: false, unsafe: true, message: "is too large to be represented; the largest number is about 1.8e308." };
  if (Number.isInteger(value) && Math.abs(value) > Number.MAX_SAFE_INTEGER && !isExact(match, value)) {
    const readAs = String(BigInt(value));
    const detail = readAs.length <= 30 ? `; it would be read as ${readAs}` : "";
    return { ok: false, unsafe: true, message: `is an integer beyond 2^53 that cannot be represented exactly${detail}.` };
  }
  return { ok: true, value: Object.is(value, -0) ? 0 : value };
}

/** Tells whether an integer literal beyond 2^53 denotes exactly the double it was read as. */
function isExact(match: RegExpExecArray, value: number): boolean {
  const sign = match[1] === "-" ? "-" : "";
  const [whole = "", fraction = ""] = (match[2] as string).split(".");
  const exponent = Number(match[3] ?? "0");
  let digits = whole + fraction;
  let scale = exponent - fraction.length;
  while (scale < 0 && digits.endsWith("0")) {
    digits = digits.slice(0, -1);
    scale++;
  }
  if (scale < 0) return false;
  if (scale > 400) return false;
  return BigInt(sign + digits + "0".repeat(scale)) === BigInt(value);
}

function describeNonNumber(text: string): string {
  if (/^[+-]?0[xX][0-9a-fA-F]+$/.test(text)) return "is hexadecimal, which is not a number form here; write the decimal value.";
  if (/^[+-]?0[bBoO][0-9]+$/.test(text)) return "is binary or octal, which is not a number form here; write the decimal value.";
  if (/^[+-]?[\d.]+(?:_[\d.]+)+(?:[eE][+-]?\d+)?$/.test(text)) {
    return `uses "_" as a digit separator, which is not a number form here; write ${text.replace(/_/g, "")}.`;
  }
  if (/^[+-]?(?:infinity|inf|nan)$/i.test(text)) return "is not a finite number; only finite decimal numbers are allowed.";
  return "is not a number (examples: 42, -3.5, 1e6).";
}

const SIZE = /^([\s\S]*?)(b|kb|mb|gb|tb|kib|mib|gib|tib)?$/i;

const sizeUnits: Record<string, number> = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
  tib: 1024 ** 4,
};

/** Reads a size in bytes: a number with an optional unit; KB, MB, GB, TB are powers of 1000 and KiB to TiB of 1024. */
export function parseSize(text: string): ValueResult<number> {
  const match = SIZE.exec(text) as RegExpExecArray;
  const amountText = match[1] as string;
  const unit = (match[2] ?? "b").toLowerCase();
  if (DECIMAL.test(amountText) && Math.abs(Number(amountText) * (sizeUnits[unit] as number)) > Number.MAX_SAFE_INTEGER) {
    const bound = amountText.startsWith("-") ? "smaller than -2^53" : "larger than 2^53";
    return { ok: false, unsafe: true, message: `is ${bound} bytes, which cannot be represented exactly.` };
  }
  const amount = parseNumber(amountText);
  if (!amount.ok || amountText === "") {
    const specific = !amount.ok && !amount.message.startsWith("is not a number");
    if (specific) return amount;
    return { ok: false, message: "is not a size (examples: 500, 10KB, 1.5MiB)." };
  }
  const bytes = amount.value * (sizeUnits[unit] as number);
  if (!Number.isFinite(bytes) || Math.abs(bytes) > Number.MAX_SAFE_INTEGER) {
    return { ok: false, unsafe: true, message: "is larger than 2^53 bytes, which cannot be represented exactly." };
  }
  return { ok: true, value: bytes };
}

/** Reads a number from an event: a finite number, or a string in the literal number syntax. */
export function eventNumber(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "string" && DECIMAL.test(value)) {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}
