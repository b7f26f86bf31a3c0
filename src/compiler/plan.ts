/** Compile-time preparation shared by the generated and the closure predicates. */

export function isAscii(text: string): boolean {
  return /^[\u0000-\u007f]*$/.test(text);
}

/**
 * Returns the engine's internal copy of a string (property keys are interned in V8), so that
 * comparisons with equal strings from parsed JSON can often succeed on identity.
 */
export function internalize(text: string): string {
  const holder: Record<string, true> = {};
  holder[text] = true;
  return Object.keys(holder)[0] ?? text;
}
