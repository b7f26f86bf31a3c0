import { codes } from "./diagnostics/codes.js";
import { quote } from "./diagnostics/quote.js";
import { GqlError } from "./errors.js";

/** The hard limits on a query. Each one, when hit, produces a diagnostic that names it. */
export interface Limits {
  /** Maximum length of the query text, in UTF-16 code units. */
  maxLength: number;
  /**
   * Deepest nesting: at most this many open parentheses at any point of the text, and at most this
   * many levels in the syntax tree, where each NOT, AND, OR and condition is a level.
   */
  maxDepth: number;
  /** Most diagnostics returned for one query; the rest are summed up in one last diagnostic. */
  maxDiagnostics: number;
}

/**
 * The largest maxDepth accepted. The parser and the tree walks recurse once per level, and at about
 * 330 levels of parentheses they exhaust Node.js's default stack (measured on Node.js 20), so the
 * limit cannot be raised past a depth that leaves room for the caller's own frames.
 */
export const maxDepthCeiling = 200;

export const defaultLimits: Readonly<Limits> = Object.freeze({
  maxLength: 262_144,
  maxDepth: 200,
  maxDiagnostics: 100,
});

/**
 * Merges user limits over the defaults. Throws `GqlError` GQL902 for an unknown key or a value that
 * is not a positive integer.
 */
export function resolveLimits(limits: Partial<Limits> | undefined): Readonly<Limits> {
  if (limits === undefined) return defaultLimits;
  const resolved: Limits = { ...defaultLimits };
  for (const [key, value] of Object.entries(limits)) {
    if (!Object.hasOwn(defaultLimits, key)) {
      throw new GqlError(`Unknown limit ${quote(key)}; the limits are ${Object.keys(defaultLimits).join(", ")}.`, {
        code: codes.invalidOption,
      });
    }
    if (value === undefined) continue;
    if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 1) {
      throw new GqlError(`The limit ${key} must be a positive integer, not ${quote(String(value))}.`, { code: codes.invalidOption });
    }
    if (key === "maxDepth" && value > maxDepthCeiling) {
      throw new GqlError(
        `The limit maxDepth can be at most ${maxDepthCeiling}, not ${value}: deeper nesting would exhaust the JavaScript stack. Remove redundant parentheses instead.`,
        { code: codes.invalidOption },
      );
    }
    resolved[key as keyof Limits] = value;
  }
  return Object.freeze(resolved);
}
