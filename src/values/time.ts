/**
 * Timestamps: strict ISO 8601 dates and date-times, relative times such as `now-7d`, and the
 * reading of timestamps carried by events. A date-time without a zone is UTC.
 */
import { types } from "node:util";
import type { ValueResult } from "./numbers.js";

export const DAY_MS = 86_400_000;

/** A timestamp literal: an instant, a UTC day, or an offset from the evaluation time. */
export type TimestampLiteral =
  | { kind: "instant"; epochMs: number }
  | { kind: "day"; epochMs: number }
  | { kind: "relative"; offsetMs: number };

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;

/**
 * Reads an ISO 8601 date (`2024-03-01`) or date-time (`2024-03-01T12:00:00.5+02:00`). Returns the
 * epoch milliseconds and whether only a date was given, or `undefined` when the text is not one.
 */
export function parseIsoTimestamp(text: string): { epochMs: number; dateOnly: boolean } | undefined {
  const match = ISO.exec(text);
  if (!match) return undefined;
  const [, yearText, monthText, dayText, hourText, minuteText, secondText, fractionText, zone] = match;
  const year = Number(yearText);
  const month = Number(monthText);
  const day = Number(dayText);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  const dayStart = utcDayStart(year, month, day);
  if (hourText === undefined) return { epochMs: dayStart, dateOnly: true };

  const hour = Number(hourText);
  const minute = Number(minuteText);
  const second = secondText === undefined ? 0 : Number(secondText);
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const milliseconds = fractionText === undefined ? 0 : Math.floor(Number(`0.${fractionText}`) * 1000 + 1e-7);
  let zoneOffsetMinutes = 0;
  if (zone !== undefined && zone !== "Z" && zone !== "z") {
    const sign = zone[0] === "-" ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    if (digits.length !== 4 && digits.length !== 2) return undefined;
    const zoneHours = Number(digits.slice(0, 2));
    const zoneMinutes = digits.length === 4 ? Number(digits.slice(2)) : 0;
    if (zoneHours > 23 || zoneMinutes > 59) return undefined;
    zoneOffsetMinutes = sign * (zoneHours * 60 + zoneMinutes);
  }
  const epochMs = dayStart + ((hour * 60 + minute - zoneOffsetMinutes) * 60 + second) * 1000 + milliseconds;
  return { epochMs, dateOnly: false };
}

/** Unlike Date.UTC, setUTCFullYear does not map the years 0 to 99 onto 1900 to 1999. */
function utcDayStart(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const durationUnits: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: DAY_MS, w: 7 * DAY_MS };

const RELATIVE = /^now(?:([+-])(\d+(?:\.\d+)?)([a-z]+))?$/i;

/** Reads `now`, `now-7d` or `now+1.5h` (spaces already removed). Units: s, m, h, d, w. */
export function parseRelativeTime(text: string): ValueResult<number> | undefined {
  const match = RELATIVE.exec(text);
  if (!match) {
    if (/^now[+-]/i.test(text)) {
      return { ok: false, message: "is not a relative time; write now, then + or -, then an amount and a unit s, m, h, d or w (example: now-7d)." };
    }
    return undefined;
  }
  const [, sign, amountText, unitText] = match;
  if (sign === undefined) return { ok: true, value: 0 };
  const unit = (unitText as string).toLowerCase();
  const unitMs = durationUnits[unit];
  if (unitMs === undefined) {
    return { ok: false, message: `has the unit "${unitText}", which is not a time unit; use s, m, h, d or w (example: now-7d).` };
  }
  const offsetMs = Number(amountText) * unitMs * (sign === "-" ? -1 : 1);
  if (!Number.isSafeInteger(Math.round(offsetMs)) || Math.abs(offsetMs) > 8.64e15) {
    return { ok: false, message: "is further from now than a timestamp can reach." };
  }
  return { ok: true, value: Math.round(offsetMs) };
}

/** Reads a timestamp literal from the query. */
export function parseTimestampLiteral(text: string): ValueResult<TimestampLiteral> {
  const relative = parseRelativeTime(text);
  if (relative !== undefined) {
    return relative.ok ? { ok: true, value: { kind: "relative", offsetMs: relative.value } } : relative;
  }
  const iso = parseIsoTimestamp(text);
  if (iso === undefined) {
    return {
      ok: false,
      message: "is not a timestamp; write an ISO 8601 date or date-time (2024-03-01, 2024-03-01T12:00:00Z) or a relative time (now-7d).",
    };
  }
  if (Math.abs(iso.epochMs) > 8.64e15) return { ok: false, message: "is outside the range of timestamps." };
  return { ok: true, value: { kind: iso.dateOnly ? "day" : "instant", epochMs: iso.epochMs } };
}

/**
 * Reads a timestamp carried by an event: an ISO 8601 string, finite epoch milliseconds, or a
 * valid Date. Anything else, other strings included, is `undefined`.
 */
export function eventTimestamp(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "string") {
    const fast = parseCommonIsoDateTime(value);
    return Number.isNaN(fast) ? parseIsoTimestamp(value)?.epochMs : fast;
  }
  // types.isDate also recognises Dates from another realm, such as a vm context.
  if (types.isDate(value)) {
    const time = Date.prototype.getTime.call(value);
    return Number.isNaN(time) ? undefined : time;
  }
  return undefined;
}

/** Reads two ASCII digits at `index`, or returns NaN. */
function twoDigits(text: string, index: number): number {
  const high = text.charCodeAt(index) - 48;
  const low = text.charCodeAt(index + 1) - 48;
  return high >= 0 && high <= 9 && low >= 0 && low <= 9 ? high * 10 + low : Number.NaN;
}

/** Days from 1970-01-01 to a proleptic Gregorian date, without a Date object. */
function daysFromCivil(year: number, month: number, day: number): number {
  const shiftedYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(shiftedYear / 400);
  const yearOfEra = shiftedYear - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/**
 * Reads the shape that most events carry, `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`, with
 * character codes instead of a regular expression. Returns NaN for any other text; the caller then
 * falls back to `parseIsoTimestamp`, which accepts the same texts and more shapes.
 */
function parseCommonIsoDateTime(text: string): number {
  const length = text.length;
  if (length < 20 || length > 35) return Number.NaN;
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) {
    return Number.NaN;
  }
  const year = twoDigits(text, 0) * 100 + twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && hour <= 23 && minute <= 59 && second <= 59)) {
    return Number.NaN;
  }
  let index = 19;
  let milliseconds = 0;
  if (text.charCodeAt(index) === 46) {
    let scale = 100;
    index++;
    const fractionStart = index;
    while (index < length) {
      const digit = text.charCodeAt(index) - 48;
      if (digit < 0 || digit > 9) break;
      milliseconds += digit * scale;
      scale /= 10;
      index++;
    }
    if (index === fractionStart || index - fractionStart > 9) return Number.NaN;
    milliseconds = Math.floor(milliseconds + 1e-7);
  }
  let offsetMinutes = 0;
  const zone = text.charCodeAt(index);
  if (zone === 90 && index + 1 === length) {
    offsetMinutes = 0;
  } else if ((zone === 43 || zone === 45) && index + 6 === length && text.charCodeAt(index + 3) === 58) {
    const zoneHours = twoDigits(text, index + 1);
    const zoneMinutes = twoDigits(text, index + 4);
    if (!(zoneHours <= 23 && zoneMinutes <= 59)) return Number.NaN;
    offsetMinutes = (zone === 45 ? -1 : 1) * (zoneHours * 60 + zoneMinutes);
  } else {
    return Number.NaN;
  }
  const days = daysFromCivil(year, month, day);
  return ((days * 24 + hour) * 60 + minute - offsetMinutes) * 60_000 + second * 1000 + milliseconds;
}
