/**
 * Sets of real numbers as sorted, disjoint intervals. The contradiction lint uses them to tell
 * whether range and equality conditions on one numeric field leave any value.
 */
import type { OrderOperator } from "../bound.js";

/** An interval of real numbers; an infinite end is never included. */
export interface Interval {
  readonly low: number;
  readonly lowIncluded: boolean;
  readonly high: number;
  readonly highIncluded: boolean;
}

/** A union of non-empty, disjoint, non-touching intervals in ascending order; `[]` is the empty set. */
export type NumberSet = readonly Interval[];

function isEmptyInterval(interval: Interval): boolean {
  return interval.low > interval.high || (interval.low === interval.high && !(interval.lowIncluded && interval.highIncluded));
}

/** Tells whether `a` starts before `b` (a tie goes to the interval that includes its start). */
function startsBefore(a: Interval, b: Interval): boolean {
  return a.low < b.low || (a.low === b.low && a.lowIncluded && !b.lowIncluded);
}

/** Tells whether `a` ends before `b` (a tie goes to the interval that excludes its end). */
function endsBefore(a: Interval, b: Interval): boolean {
  return a.high < b.high || (a.high === b.high && !a.highIncluded && b.highIncluded);
}

/** Builds a set from any intervals: drops empty ones, then sorts and merges overlapping or touching ones. */
export function unionOf(intervals: readonly Interval[]): NumberSet {
  const sorted = intervals.filter((interval) => !isEmptyInterval(interval)).sort((a, b) => (startsBefore(a, b) ? -1 : startsBefore(b, a) ? 1 : 0));
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    const joins = last !== undefined && (last.high > interval.low || (last.high === interval.low && (last.highIncluded || interval.lowIncluded)));
    if (last === undefined || !joins) {
      merged.push(interval);
    } else if (endsBefore(last, interval)) {
      merged[merged.length - 1] = { low: last.low, lowIncluded: last.lowIncluded, high: interval.high, highIncluded: interval.highIncluded };
    }
  }
  return merged;
}

export function pointSet(value: number): NumberSet {
  return [{ low: value, lowIncluded: true, high: value, highIncluded: true }];
}

/** Builds the set of numbers from `low` to `high`, each end included or not. */
export function rangeSet(low: number, lowIncluded: boolean, high: number, highIncluded: boolean): NumberSet {
  return unionOf([{ low, lowIncluded: lowIncluded && Number.isFinite(low), high, highIncluded: highIncluded && Number.isFinite(high) }]);
}

/** Builds the set of numbers `x` for which `x operator value` is true. */
export function raySet(operator: OrderOperator, value: number): NumberSet {
  switch (operator) {
    case "<":
      return rangeSet(-Infinity, false, value, false);
    case "<=":
      return rangeSet(-Infinity, false, value, true);
    case ">":
      return rangeSet(value, false, Infinity, false);
    case ">=":
      return rangeSet(value, true, Infinity, false);
  }
}

/** Intersects two sets in time linear in their numbers of intervals. */
export function intersect(a: NumberSet, b: NumberSet): NumberSet {
  const result: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const left = a[i] as Interval;
    const right = b[j] as Interval;
    const lowFromLeft = startsBefore(right, left);
    const highFromLeft = endsBefore(left, right);
    const overlap: Interval = {
      low: lowFromLeft ? left.low : right.low,
      lowIncluded: lowFromLeft ? left.lowIncluded : right.lowIncluded,
      high: highFromLeft ? left.high : right.high,
      highIncluded: highFromLeft ? left.highIncluded : right.highIncluded,
    };
    if (!isEmptyInterval(overlap)) result.push(overlap);
    if (endsBefore(left, right)) i++;
    else if (endsBefore(right, left)) j++;
    else {
      i++;
      j++;
    }
  }
  return result;
}

/** Returns the real numbers that are not in the set. */
export function complement(set: NumberSet): NumberSet {
  const result: Interval[] = [];
  let low = -Infinity;
  let lowIncluded = false;
  for (const interval of set) {
    const gap: Interval = { low, lowIncluded, high: interval.low, highIncluded: !interval.lowIncluded };
    if (!isEmptyInterval(gap)) result.push(gap);
    low = interval.high;
    lowIncluded = !interval.highIncluded && Number.isFinite(interval.high);
  }
  const last: Interval = { low, lowIncluded, high: Infinity, highIncluded: false };
  if (!isEmptyInterval(last)) result.push(last);
  return result;
}
