/**
 * Test helpers for services that hold GQL queries: an assertion and matchers for vitest and jest.
 * Register the matchers once with `expect.extend(gqlMatchers)`.
 */
import { check } from "../checker/check.js";
import type { Dataset } from "../datasets/dataset.js";
import type { BuiltinDatasetName } from "../datasets/define.js";
import { formatDiagnostics } from "../diagnostics/format.js";
import { GqlError } from "../errors.js";
import { explain, formatExplanation } from "../explain/explain.js";

export type DatasetOption = BuiltinDatasetName | Dataset;

/**
 * Throws a `GqlError` whose message is the rendered diagnostics when the query has an error for
 * the dataset. Warnings do not throw.
 */
export function assertValidGql(query: string, dataset: DatasetOption): void {
  const result = check(query, { dataset });
  if (result.ok) return;
  const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === "error");
  throw new GqlError(formatDiagnostics(query, errors), {
    code: errors[0]?.code ?? "GQL108",
    diagnostics: result.diagnostics,
    source: query,
  });
}

/** The result a custom matcher returns to vitest and jest. */
export interface MatcherResult {
  pass: boolean;
  message: () => string;
}

interface MatcherContext {
  isNot?: boolean;
}

function describeDataset(dataset: DatasetOption): string {
  return typeof dataset === "string" ? dataset : dataset.name;
}

/** Checks that `received` is a string that checks against the dataset without errors. */
function toBeValidGql(this: MatcherContext, received: unknown, dataset: DatasetOption): MatcherResult {
  if (typeof received !== "string") {
    return { pass: false, message: () => `Expected a GQL query string, but received ${typeof received}.` };
  }
  const result = check(received, { dataset });
  const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === "error");
  return {
    pass: result.ok,
    message: () =>
      result.ok
        ? `Expected ${JSON.stringify(received)} not to be valid GQL for the ${describeDataset(dataset)} dataset, but it is.`
        : `Expected valid GQL for the ${describeDataset(dataset)} dataset:\n${formatDiagnostics(received, errors)}`,
  };
}

/** Checks that the query matches the event, and explains which conditions decided when it does not. */
function toMatchEvent(this: MatcherContext, received: unknown, dataset: DatasetOption, event: unknown): MatcherResult {
  if (typeof received !== "string") {
    return { pass: false, message: () => `Expected a GQL query string, but received ${typeof received}.` };
  }
  try {
    const explanation = explain(received, { dataset }, event);
    const expectation = explanation.result ? "not to match the event, but it matched" : "to match the event, but it did not";
    return {
      pass: explanation.result,
      message: () => `Expected ${JSON.stringify(received)} ${expectation}.\n${explanation.reasons.join("\n")}\n\n${formatExplanation(explanation)}`,
    };
  } catch (caught) {
    if (!(caught instanceof GqlError)) throw caught;
    return { pass: false, message: () => `The query is not valid GQL for the ${describeDataset(dataset)} dataset:\n${formatDiagnostics(received, caught.diagnostics)}` };
  }
}

/** Matchers for `expect.extend`: `expect(query).toBeValidGql(dataset)` and `expect(query).toMatchEvent(dataset, event)`. */
export const gqlMatchers = { toBeValidGql, toMatchEvent };

/** The matcher signatures, for declaring them on your test framework's `Assertion` or `Matchers` type. */
export interface GqlMatchers<R = unknown> {
  toBeValidGql(dataset: DatasetOption): R;
  toMatchEvent(dataset: DatasetOption, event: unknown): R;
}
