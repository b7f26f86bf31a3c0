import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "../src/index.js";
import { eventNumber, parseNumber, parseSize } from "../src/values/numbers.js";
import { decodeStringBody, encodeString } from "../src/values/strings.js";
import { DAY_MS, eventTimestamp, parseIsoTimestamp, parseRelativeTime, parseTimestampLiteral } from "../src/values/time.js";

describe("parseNumber", () => {
  const valid: [string, number][] = [
    ["42", 42],
    ["-3.5", -3.5],
    ["+7", 7],
    [".5", 0.5],
    ["5.", 5],
    ["1e6", 1e6],
    ["1E-3", 0.001],
    ["1.5e3", 1500],
    ["0", 0],
    ["007", 7],
    ["9007199254740992", 2 ** 53],
    ["9007199254740994", 2 ** 53 + 2],
    ["-9007199254740992", -(2 ** 53)],
    ["1e20", 1e20],
    ["1e-400", 0],
  ];
  for (const [text, value] of valid) {
    it(`reads ${text}`, () => {
      expect(parseNumber(text)).toEqual({ ok: true, value });
    });
  }

  it("rejects a large exponent whose value is not exactly the written integer", () => {
    // The rounded value has 309 digits, too many to print.
    expect(parseNumber("1.7976931348623157e308")).toEqual({ ok: false, unsafe: true, message: "is an integer beyond 2^53 that cannot be represented exactly." });
    expect(parseNumber("1e300")).toEqual({ ok: false, unsafe: true, message: "is an integer beyond 2^53 that cannot be represented exactly." });
  });

  it("prints the rounded integer only up to 30 digits", () => {
    expect(parseNumber("123456789012345678901234567891")).toEqual({
      ok: false,
      unsafe: true,
      message: "is an integer beyond 2^53 that cannot be represented exactly; it would be read as 123456789012345677877719597056.",
    });
    expect(parseNumber("1234567890123456789012345678901")).toEqual({ ok: false, unsafe: true, message: "is an integer beyond 2^53 that cannot be represented exactly." });
  });

  it("reads -0 as 0", () => {
    const result = parseNumber("-0");
    expect(result.ok).toBe(true);
    const value = result.ok ? result.value : Number.NaN;
    expect(Object.is(value, 0)).toBe(true);
  });

  const invalid: [string, string][] = [
    ["0x10", "is hexadecimal, which is not a number form here; write the decimal value."],
    ["-0X1f", "is hexadecimal, which is not a number form here; write the decimal value."],
    ["0b101", "is binary or octal, which is not a number form here; write the decimal value."],
    ["0o17", "is binary or octal, which is not a number form here; write the decimal value."],
    ["1_000", 'uses "_" as a digit separator, which is not a number form here; write 1000.'],
    ["1_000.5e3", 'uses "_" as a digit separator, which is not a number form here; write 1000.5e3.'],
    ["Infinity", "is not a finite number; only finite decimal numbers are allowed."],
    ["-inf", "is not a finite number; only finite decimal numbers are allowed."],
    ["NaN", "is not a finite number; only finite decimal numbers are allowed."],
    ["abc", "is not a number (examples: 42, -3.5, 1e6)."],
    ["", "is not a number (examples: 42, -3.5, 1e6)."],
    [" 1", "is not a number (examples: 42, -3.5, 1e6)."],
    ["1 ", "is not a number (examples: 42, -3.5, 1e6)."],
    ["1e", "is not a number (examples: 42, -3.5, 1e6)."],
    [".", "is not a number (examples: 42, -3.5, 1e6)."],
  ];
  for (const [text, message] of invalid) {
    it(`rejects ${JSON.stringify(text)}`, () => {
      expect(parseNumber(text)).toEqual({ ok: false, message });
    });
  }

  const unrepresentable: [string, string][] = [
    ["1e400", "is too large to be represented; the largest number is about 1.8e308."],
    ["-1e400", "is too large to be represented; the largest number is about 1.8e308."],
    ["9007199254740993", "is an integer beyond 2^53 that cannot be represented exactly; it would be read as 9007199254740992."],
    ["-9007199254740993", "is an integer beyond 2^53 that cannot be represented exactly; it would be read as -9007199254740992."],
    ["9007199254740993.5", "is an integer beyond 2^53 that cannot be represented exactly; it would be read as 9007199254740994."],
    ["1e23", "is an integer beyond 2^53 that cannot be represented exactly; it would be read as 99999999999999991611392."],
  ];
  for (const [text, message] of unrepresentable) {
    it(`rejects ${JSON.stringify(text)} as unsafe`, () => {
      expect(parseNumber(text)).toEqual({ ok: false, unsafe: true, message });
    });
  }

  it("agrees with Number on safe integers and decimals", () => {
    fc.assert(
      fc.property(fc.oneof(fc.maxSafeInteger(), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 })), (value) => {
        const text = String(value);
        const result = parseNumber(text);
        if (!/^-?\d/.test(text) || text.includes("e+") || !Number.isFinite(value)) return;
        expect(result).toEqual({ ok: true, value: Object.is(value, -0) ? 0 : value });
      }),
      { numRuns: 300 },
    );
  });
});

describe("parseSize", () => {
  const valid: [string, number][] = [
    ["10", 10],
    ["10B", 10],
    ["10b", 10],
    ["10KB", 10_000],
    ["10kb", 10_000],
    ["10Kb", 10_000],
    ["1.5MB", 1_500_000],
    ["2GB", 2e9],
    ["1TB", 1e12],
    ["1KiB", 1024],
    ["1kib", 1024],
    ["0.5KiB", 512],
    ["1MiB", 1024 ** 2],
    ["1GiB", 1024 ** 3],
    ["1TiB", 1024 ** 4],
    ["8TiB", 8 * 1024 ** 4],
    ["1e3KB", 1e6],
  ];
  for (const [text, value] of valid) {
    it(`reads ${text}`, () => {
      expect(parseSize(text)).toEqual({ ok: true, value });
    });
  }

  const invalid: [string, string][] = [
    ["10XB", "is not a size (examples: 500, 10KB, 1.5MiB)."],
    ["10PB", "is not a size (examples: 500, 10KB, 1.5MiB)."],
    ["KB", "is not a size (examples: 500, 10KB, 1.5MiB)."],
    ["", "is not a size (examples: 500, 10KB, 1.5MiB)."],
    ["10 KB", "is not a size (examples: 500, 10KB, 1.5MiB)."],
    ["0x10KB", "is hexadecimal, which is not a number form here; write the decimal value."],
    ["1_000KB", 'uses "_" as a digit separator, which is not a number form here; write 1000.'],
  ];
  for (const [text, message] of invalid) {
    it(`rejects ${JSON.stringify(text)}`, () => {
      expect(parseSize(text)).toEqual({ ok: false, message });
    });
  }

  const unrepresentable: [string, string][] = [
    ["1e20", "is larger than 2^53 bytes, which cannot be represented exactly."],
    ["9008TB", "is larger than 2^53 bytes, which cannot be represented exactly."],
    ["1e400", "is larger than 2^53 bytes, which cannot be represented exactly."],
    ["1e300TB", "is larger than 2^53 bytes, which cannot be represented exactly."],
  ];
  for (const [text, message] of unrepresentable) {
    it(`rejects ${JSON.stringify(text)} as unsafe`, () => {
      expect(parseSize(text)).toEqual({ ok: false, unsafe: true, message });
    });
  }
});

describe("eventNumber", () => {
  const cases: [unknown, number | undefined][] = [
    [42, 42],
    [-0.5, -0.5],
    ["42", 42],
    ["1e3", 1000],
    ["-.5", -0.5],
    ["+7", 7],
    [Number.NaN, undefined],
    [Number.POSITIVE_INFINITY, undefined],
    [Number.NEGATIVE_INFINITY, undefined],
    ["Infinity", undefined],
    ["NaN", undefined],
    ["1e400", undefined],
    [" 42", undefined],
    ["42 ", undefined],
    ["0x2A", undefined],
    ["", undefined],
    [true, undefined],
    [null, undefined],
    [42n, undefined],
    [[42], undefined],
  ];
  for (const [value, expected] of cases) {
    it(`reads ${typeof value === "string" ? JSON.stringify(value) : String(value)}`, () => {
      expect(eventNumber(value)).toBe(expected);
    });
  }
});

describe("parseIsoTimestamp", () => {
  const valid: [string, number, boolean][] = [
    ["2024-03-01", Date.UTC(2024, 2, 1), true],
    ["2024-03-01T12:00:00Z", Date.UTC(2024, 2, 1, 12), false],
    ["2024-03-01T12:00:00z", Date.UTC(2024, 2, 1, 12), false],
    ["2024-03-01t12:00:00Z", Date.UTC(2024, 2, 1, 12), false],
    ["2024-03-01T12:00:00", Date.UTC(2024, 2, 1, 12), false],
    ["2024-03-01T12:00", Date.UTC(2024, 2, 1, 12), false],
    ["2024-03-01T12:00Z", Date.UTC(2024, 2, 1, 12), false],
    ["2024-03-01T12:00:00+02:00", Date.UTC(2024, 2, 1, 10), false],
    ["2024-03-01T12:00:00+0200", Date.UTC(2024, 2, 1, 10), false],
    ["2024-03-01T12:00:00+02", Date.UTC(2024, 2, 1, 10), false],
    ["2024-03-01T12:00:00-05:30", Date.UTC(2024, 2, 1, 17, 30), false],
    ["2024-03-01T00:30:00+01:00", Date.UTC(2024, 1, 29, 23, 30), false],
    ["2024-03-01T12:00:00+23:59", Date.UTC(2024, 2, 1, 12) - (23 * 60 + 59) * 60_000, false],
    ["2024-03-01T12:00:00.5Z", Date.UTC(2024, 2, 1, 12, 0, 0, 500), false],
    ["2024-03-01T12:00:00,25Z", Date.UTC(2024, 2, 1, 12, 0, 0, 250), false],
    ["2024-03-01T12:00:00.123Z", Date.UTC(2024, 2, 1, 12, 0, 0, 123), false],
    ["2024-03-01T12:00:00.1239Z", Date.UTC(2024, 2, 1, 12, 0, 0, 123), false],
    ["2024-03-01T12:00:00.999999999Z", Date.UTC(2024, 2, 1, 12, 0, 0, 999), false],
    ["2024-03-01T23:59:59.999Z", Date.UTC(2024, 2, 1, 23, 59, 59, 999), false],
    ["2024-02-29", Date.UTC(2024, 1, 29), true],
    ["2000-02-29", Date.UTC(2000, 1, 29), true],
    ["1970-01-01T00:00:00Z", 0, false],
    ["1969-12-31T23:59:59.999Z", -1, false],
    ["9999-12-31T23:59:59Z", Date.UTC(9999, 11, 31, 23, 59, 59), false],
    ["0000-01-01", Date.parse("0000-01-01T00:00:00Z"), true],
    ["0000-02-29", Date.parse("0000-02-29T00:00:00Z"), true],
    ["0004-02-29", Date.parse("0004-02-29T00:00:00Z"), true],
    ["0099-12-31T23:59:59Z", Date.parse("0099-12-31T23:59:59Z"), false],
    ["0050-06-15T12:00:00+02:00", Date.parse("0050-06-15T10:00:00Z"), false],
  ];
  for (const [text, epochMs, dateOnly] of valid) {
    it(`reads ${text}`, () => {
      expect(parseIsoTimestamp(text)).toEqual({ epochMs, dateOnly });
    });
  }

  it("reads years 0 to 99 as themselves, not as 1900 to 1999", () => {
    expect(parseIsoTimestamp("0050-01-01")?.epochMs).toBe(-60589296000000);
    expect(new Date(parseIsoTimestamp("0099-12-31")?.epochMs ?? Number.NaN).getUTCFullYear()).toBe(99);
  });

  const invalid = [
    "2023-02-29",
    "1900-02-29",
    "0100-02-29",
    "2024-04-31",
    "2024-13-01",
    "2024-00-10",
    "2024-01-00",
    "2024-1-2",
    "2024-01-2",
    "24-01-02",
    "20240102",
    "+002024-01-01",
    "2024-01-02 12:00:00",
    "2024-01-02T24:00:00",
    "2024-01-02T12:60:00",
    "2024-01-02T23:59:60",
    "2024-01-02T12",
    "2024-01-02T12:00:00+24:00",
    "2024-01-02T12:00:00+02:60",
    "2024-01-02T12:00:00+2:00",
    "2024-01-02T12:00:00+020",
    "2024-01-02T12:00:00.Z",
    "2024-01-02T12:00:00.1234567890Z",
    "2024-01-02T12:00:00Zjunk",
    "yesterday",
    "now",
    "",
  ];
  for (const text of invalid) {
    it(`rejects ${JSON.stringify(text)}`, () => {
      expect(parseIsoTimestamp(text)).toBeUndefined();
    });
  }

  it("agrees with Date.parse on date-times with a zone", () => {
    const dateTime = fc
      .record({
        epochMs: fc.integer({ min: Date.parse("0000-01-02T00:00:00Z"), max: Date.parse("9999-12-30T00:00:00Z") }),
        offsetMinutes: fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 }),
        fraction: fc.boolean(),
      })
      .map(({ epochMs, offsetMinutes, fraction }) => {
        const local = new Date(epochMs + offsetMinutes * 60_000).toISOString();
        const sign = offsetMinutes < 0 ? "-" : "+";
        const absolute = Math.abs(offsetMinutes);
        const zone = offsetMinutes === 0 ? "Z" : `${sign}${String(Math.floor(absolute / 60)).padStart(2, "0")}:${String(absolute % 60).padStart(2, "0")}`;
        return `${fraction ? local.slice(0, 23) : local.slice(0, 19)}${zone}`;
      });
    fc.assert(
      fc.property(dateTime, (text) => {
        expect(parseIsoTimestamp(text)).toEqual({ epochMs: Date.parse(text), dateOnly: false });
      }),
      { numRuns: 500 },
    );
  });
});

describe("eventTimestamp", () => {
  it("reads ISO strings, finite numbers and valid Dates", () => {
    expect(eventTimestamp("2024-03-01T12:00:00Z")).toBe(Date.UTC(2024, 2, 1, 12));
    expect(eventTimestamp("2024-03-01T12:00:00.250+01:00")).toBe(Date.UTC(2024, 2, 1, 11, 0, 0, 250));
    expect(eventTimestamp("2024-03-01")).toBe(Date.UTC(2024, 2, 1));
    expect(eventTimestamp(1_700_000_000_000)).toBe(1_700_000_000_000);
    expect(eventTimestamp(-1)).toBe(-1);
    expect(eventTimestamp(new Date(5))).toBe(5);
  });

  it("rejects other values", () => {
    for (const value of ["2024-1-2", "yesterday", "1700000000000", "", Number.NaN, Number.POSITIVE_INFINITY, new Date(Number.NaN), null, undefined, true, {}, [0]]) {
      expect(eventTimestamp(value), String(value)).toBeUndefined();
    }
  });

  it("agrees with parseIsoTimestamp on date-times with fractions of up to 9 digits", () => {
    const text = fc
      .record({
        epochSeconds: fc.integer({ min: -62_000_000_000, max: 250_000_000_000 }),
        digits: fc.string({ unit: fc.constantFrom("0", "1", "5", "9"), minLength: 0, maxLength: 9 }),
        zone: fc.constantFrom("Z", "z", "+00:00", "-05:30", "+14:00", "+0100", "+01"),
        separator: fc.constantFrom("T", "t"),
      })
      .map(({ epochSeconds, digits, zone, separator }) => {
        const base = new Date(epochSeconds * 1000).toISOString().slice(0, 19).replace("T", separator);
        return `${base}${digits === "" ? "" : `.${digits}`}${zone}`;
      });
    fc.assert(
      fc.property(text, (value) => {
        expect(eventTimestamp(value)).toBe(parseIsoTimestamp(value)?.epochMs);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("parseRelativeTime", () => {
  const valid: [string, number][] = [
    ["now", 0],
    ["NOW", 0],
    ["now-7d", -7 * DAY_MS],
    ["now+2h", 2 * 3_600_000],
    ["NOW+2H", 2 * 3_600_000],
    ["now-30s", -30_000],
    ["now-90m", -90 * 60_000],
    ["now-2w", -14 * DAY_MS],
    ["now-1.5h", -5_400_000],
    ["now+0.5s", 500],
  ];
  for (const [text, offsetMs] of valid) {
    it(`reads ${text}`, () => {
      expect(parseRelativeTime(text)).toEqual({ ok: true, value: offsetMs });
    });
  }

  const invalid: [string, string][] = [
    ["now-7x", 'has the unit "x", which is not a time unit; use s, m, h, d or w (example: now-7d).'],
    ["now-7days", 'has the unit "days", which is not a time unit; use s, m, h, d or w (example: now-7d).'],
    ["now-7", "is not a relative time; write now, then + or -, then an amount and a unit s, m, h, d or w (example: now-7d)."],
    ["now-", "is not a relative time; write now, then + or -, then an amount and a unit s, m, h, d or w (example: now-7d)."],
    ["now-1e3d", "is not a relative time; write now, then + or -, then an amount and a unit s, m, h, d or w (example: now-7d)."],
    ["now+99999999999w", "is further from now than a timestamp can reach."],
  ];
  for (const [text, message] of invalid) {
    it(`rejects ${text}`, () => {
      expect(parseRelativeTime(text)).toEqual({ ok: false, message });
    });
  }

  it("leaves other text to the other readers", () => {
    expect(parseRelativeTime("nowhere")).toBeUndefined();
    expect(parseRelativeTime("2024-01-01")).toBeUndefined();
    expect(parseRelativeTime("")).toBeUndefined();
  });
});

describe("parseTimestampLiteral", () => {
  it("tells days, instants and relative times apart", () => {
    expect(parseTimestampLiteral("2024-03-01")).toEqual({ ok: true, value: { kind: "day", epochMs: Date.UTC(2024, 2, 1) } });
    expect(parseTimestampLiteral("2024-03-01T00:00:00Z")).toEqual({ ok: true, value: { kind: "instant", epochMs: Date.UTC(2024, 2, 1) } });
    expect(parseTimestampLiteral("now-1d")).toEqual({ ok: true, value: { kind: "relative", offsetMs: -DAY_MS } });
  });

  it("rejects text that is no timestamp", () => {
    const message = "is not a timestamp; write an ISO 8601 date or date-time (2024-03-01, 2024-03-01T12:00:00Z) or a relative time (now-7d).";
    expect(parseTimestampLiteral("yesterday")).toEqual({ ok: false, message });
    expect(parseTimestampLiteral("2024-1-2")).toEqual({ ok: false, message });
    expect(parseTimestampLiteral("1700000000000")).toEqual({ ok: false, message });
  });
});

describe("decodeStringBody", () => {
  const valid: [string, string][] = [
    ["plain", "plain"],
    ['\\"', '"'],
    ["\\'", "'"],
    ["\\\\", "\\"],
    ["\\n\\r\\t", "\n\r\t"],
    ["\\u0041", "A"],
    ["\\u00e9", "é"],
    ["\\uD83D\\uDE00", "😀"],
    ["\\u{1F600}", "😀"],
    ["\\u{41}", "A"],
    ["\\u{10FFFF}", "\u{10FFFF}"],
    ["\\d+\\.txt", "\\d+\\.txt"],
    ["\\*\\?", "\\*\\?"],
    ["\\x", "\\x"],
    ["", ""],
  ];
  for (const [body, value] of valid) {
    it(`decodes ${body}`, () => {
      expect(decodeStringBody(body)).toEqual({ ok: true, value });
    });
  }

  const invalid: [string, string, number, number][] = [
    ["\\uZZZZ", "The escape \\uZZZZ is invalid; write \\u with exactly 4 hexadecimal digits, or \\u{...}.", 0, 6],
    ["ab\\u12", "The escape \\u12 is invalid; write \\u with exactly 4 hexadecimal digits, or \\u{...}.", 2, 6],
    ["\\u{}", "The escape \\u{} is invalid; write \\u{...} with 1 to 6 hexadecimal digits up to 10FFFF.", 0, 4],
    ["\\u{110000}", "The escape \\u{110000} is invalid; write \\u{...} with 1 to 6 hexadecimal digits up to 10FFFF.", 0, 10],
    ["\\u{1234567}", "The escape \\u{1234567} is invalid; write \\u{...} with 1 to 6 hexadecimal digits up to 10FFFF.", 0, 11],
    ["\\u{41", "The escape \\u{ is invalid; write \\u{...} with 1 to 6 hexadecimal digits up to 10FFFF.", 0, 3],
    ["abc\\", "A backslash ends the string; write \\\\ for a literal backslash.", 3, 4],
  ];
  for (const [body, message, start, end] of invalid) {
    it(`rejects ${body}`, () => {
      expect(decodeStringBody(body)).toEqual({ ok: false, message, start, end });
    });
  }
});

describe("encodeString", () => {
  const anyText = fc.string({
    maxLength: 40,
    unit: fc.oneof(
      { weight: 3, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }) },
      { weight: 2, arbitrary: fc.constantFrom("\\", '"', "'", "*", "?", "u", "{", "\n", "\r", "\t", "\u2028", "\u2029", "\u0000", "\u007f") },
      { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)) },
    ),
  });

  it("decodes back to the same text", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const encoded = encodeString(text);
        expect(encoded.startsWith('"')).toBe(true);
        expect(encoded.endsWith('"')).toBe(true);
        expect(decodeStringBody(encoded.slice(1, -1))).toEqual({ ok: true, value: text });
      }),
      { numRuns: 1000 },
    );
  });

  it("writes no raw line break, control character or unescaped quote", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const body = encodeString(text).slice(1, -1);
        expect(body).not.toMatch(/[\u0000-\u001f\u007f\u2028\u2029]/);
        expect(body.replace(/\\[\s\S]/g, "")).not.toContain('"');
      }),
      { numRuns: 1000 },
    );
  });

  it("parses back as a string literal with the same text", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = parse(`name = ${encodeString(text)}`);
        expect(result.diagnostics).toEqual([]);
        expect(result.ast.body).toMatchObject({ type: "Comparison", value: { form: "string", text } });
      }),
      { numRuns: 500 },
    );
  });

  it("keeps \\* and \\? as written", () => {
    expect(encodeString("a\\*b\\?c")).toBe('"a\\*b\\?c"');
    expect(encodeString("a\\b")).toBe('"a\\\\b"');
    expect(encodeString('say "hi"\n')).toBe('"say \\"hi\\"\\n"');
    expect(encodeString("\u2028")).toBe('"\\u2028"');
  });
});
