/**
 * Helpers shared by the generated predicates and the reference evaluator: reading own properties of
 * an event and reading event values as numbers and timestamps.
 */
import { eventNumber } from "../values/numbers.js";
import { eventTimestamp } from "../values/time.js";

export const hasOwn: (object: object, key: PropertyKey) => boolean = Object.hasOwn;

/** The stand-in a predicate reads fields from when the event is not an object: it has no fields. */
export const emptyEvent: object = Object.freeze(Object.create(null));

/** Reads a dotted path through own properties of plain objects; anything else is `undefined`. */
export function readPath(event: unknown, segments: readonly string[]): unknown {
  let value = event;
  for (const segment of segments) {
    if (value === null || typeof value !== "object" || Array.isArray(value) || !hasOwn(value, segment)) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

/** Reads an event value as a finite number (see `eventNumber`), or NaN, which every comparison rejects. */
export function toNumber(value: unknown): number {
  return eventNumber(value) ?? Number.NaN;
}

/** Reads an event value as epoch milliseconds, or NaN: ISO 8601 strings, finite numbers and valid Dates. */
export function toTime(value: unknown): number {
  return eventTimestamp(value) ?? Number.NaN;
}

/** Tells whether a value counts as null: missing or null, and for a list field also an empty array. */
export function isNullValue(value: unknown, list: boolean): boolean {
  return value === undefined || value === null || (list && Array.isArray(value) && value.length === 0);
}

/** Tells whether any string element of a list satisfies the test; non-strings never do. */
export function anyText(value: unknown, test: (text: string) => boolean): boolean {
  if (!Array.isArray(value)) return false;
  for (const element of value) {
    if (typeof element === "string" && test(element)) return true;
  }
  return false;
}

/** Reads the current time in epoch milliseconds from the `now` option; a non-finite result becomes NaN. */
export function readClock(now: () => number): number {
  const value = now();
  return typeof value === "number" && Number.isFinite(value) ? value : Number.NaN;
}
