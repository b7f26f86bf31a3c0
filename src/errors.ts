import { codes } from "./diagnostics/codes.js";
import type { Diagnostic } from "./diagnostics/diagnostic.js";

/**
 * The one error class of the library. A query that does not check carries every diagnostic found;
 * an invalid dataset definition or option carries a code and an empty list.
 */
/** Throws `GqlError` GQL902 unless the query text is a string. */
export function requireQueryText(source: unknown, functionName: string): asserts source is string {
  if (typeof source !== "string") {
    throw new GqlError(`${functionName} expects the query as a string, not ${describeKind(source)}.`, { code: codes.invalidOption });
  }
}

function describeKind(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/** Runs `walk` over a caller's tree and turns anything it throws but a GqlError into GqlError GQL902. */
export function walkCallerTree<T>(walk: () => T): T {
  try {
    return walk();
  } catch (caught) {
    if (caught instanceof GqlError) throw caught;
    const reason = caught instanceof Error ? caught.message : String(caught);
    throw new GqlError(`The tree is not a valid query tree (${reason}); pass a tree from parse, or the query text.`, { code: codes.invalidOption });
  }
}

export class GqlError extends Error {
  override readonly name = "GqlError";
  /** The code of the first error diagnostic, or the code of a definition or option error. */
  readonly code: string;
  readonly diagnostics: readonly Diagnostic[];
  /** The query text the diagnostics point into, when there is one. */
  readonly source: string | undefined;

  constructor(message: string, options: { code: string; diagnostics?: readonly Diagnostic[]; source?: string }) {
    super(message);
    this.code = options.code;
    this.diagnostics = options.diagnostics ?? [];
    this.source = options.source;
  }
}
