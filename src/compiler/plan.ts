/** Compile-time preparation shared by the generated and the closure predicates. */
import type { Test } from "../checker/bound.js";

/** The lower-case labels whose declared rank satisfies an order test on an ordered enum. */
export function acceptedLabels(labels: readonly string[], test: Extract<Test, { op: "rankOrder" | "rankBetween" }>): string[] {
  return labels
    .filter((_, rank) => {
      if (test.op === "rankBetween") return rank >= test.low && rank <= test.high;
      switch (test.operator) {
        case "<":
          return rank < test.rank;
        case "<=":
          return rank <= test.rank;
        case ">":
          return rank > test.rank;
        case ">=":
          return rank >= test.rank;
      }
    })
    .map((label) => label.toLowerCase());
}

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
