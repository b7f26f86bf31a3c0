import type { Diagnostic } from "./diagnostics/diagnostic.js";

/**
 * The one error class of the library. A query that does not check carries every diagnostic found;
 * an invalid dataset definition or option carries a code and an empty list.
 */
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
