/**
 * The line prefilter of `gql filter --fast`: decides from the raw bytes of an NDJSON line, without
 * JSON.parse, that the line cannot match a query. It uses a value the query requires (from
 * `findRequirements`): a line whose field equals "classification" in any letter case must contain
 * the JSON string "classification", in some letter case, in a place other than an object key.
 * That is only certain for lines of ASCII without backslashes, where a JSON string is spelt as its
 * value; every other line is parsed. A line it rejects is not parsed, so it is not checked for
 * being well-formed either.
 */
import { isAscii } from "node:buffer";
import type { BoundExpression } from "../checker/bound.js";
import { findRequirements } from "../matcher/requirements.js";

/** More values than this make the search cost more than it saves. */
const maxValues = 16;
const backslash = 0x5c;

export interface LinePrefilter {
  /** Returns `false` only for a line that cannot match, whether or not it is well-formed JSON. */
  mustParse(line: Uint8Array): boolean;
}

/** Builds the prefilter for a checked query, or `undefined` when the query requires no text value. */
export function createLinePrefilter(expression: BoundExpression): LinePrefilter | undefined {
  const requirements = findRequirements(expression).filter((requirement) => requirement.values.size <= maxValues);
  if (requirements.length === 0) return undefined;
  const chosen = requirements.reduce((best, requirement) => (requirement.values.size < best.values.size ? requirement : best));
  // A value with characters outside ASCII, a quote, a backslash or a control character can only be
  // spelt in a line that takes the JSON.parse path, so it needs no search here.
  const needles = [...chosen.values].filter((value) => /^[\x20-\x7e]*$/.test(value) && !/["\\]/.test(value)).map((value) => `"${value}"`);
  return {
    mustParse(line) {
      if (line.indexOf(backslash) !== -1 || !isAscii(line)) return true;
      const lower = Buffer.from(line.buffer, line.byteOffset, line.byteLength).toString("latin1").toLowerCase();
      for (const needle of needles) {
        if (containsAsValue(lower, needle)) return true;
      }
      return false;
    },
  };
}

/**
 * Tells whether a quoted needle occurs where it is not an object key: a key is followed by ":",
 * and a value such as "classification" is often also the name of a field.
 */
function containsAsValue(text: string, needle: string): boolean {
  let index = text.indexOf(needle);
  while (index !== -1) {
    let next = index + needle.length;
    while (next < text.length && (text.charCodeAt(next) === 0x20 || text.charCodeAt(next) === 0x09)) next++;
    if (text.charCodeAt(next) !== 0x3a) return true;
    index = text.indexOf(needle, index + 1);
  }
  return false;
}
