import { execFile } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { GqlError } from "../src/errors.js";
import { assertValidGql, gqlMatchers, type GqlMatchers } from "../src/testing/index.js";

declare module "vitest" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Assertion<T> extends GqlMatchers<T> {}
}

expect.extend(gqlMatchers);

const event = { flow: "CLASSIFICATION", size: 2048, classification: "CONFIDENTIAL" };

describe("assertValidGql", () => {
  it("accepts a valid query", () => {
    expect(() => assertValidGql("flow = CLASSIFICATION", "files")).not.toThrow();
  });

  it("throws the rendered diagnostics", () => {
    let caught: unknown;
    try {
      assertValidGql("size > big AND flw = X", "files");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(GqlError);
    const error = caught as GqlError;
    expect(error.message).toBe(
      [
        'error[GQL402]: size is a size in bytes. "big" is not a size (examples: 500, 10KB, 1.5MiB).',
        "  --> 1:8",
        "  |",
        "1 | size > big AND flw = X",
        "  |        ^^^",
        "",
        'error[GQL200]: The dataset files has no field "flw". Did you mean flow?',
        "  --> 1:16",
        "  |",
        "1 | size > big AND flw = X",
        "  |                ^^^",
        "  = help: Replace with flow.",
      ].join("\n"),
    );
    expect(error.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["GQL402", "GQL200"]);
  });

  it("ignores warnings", () => {
    expect(() => assertValidGql("flow = CLASSIFICATION AND flow = CLASSIFICATION", "files")).not.toThrow();
  });
});

describe("vitest matchers", () => {
  it("toBeValidGql passes and negates", () => {
    expect("flow = CLASSIFICATION").toBeValidGql("files");
    expect("size > big").not.toBeValidGql("files");
  });

  it("toBeValidGql failure shows diagnostics", () => {
    expect(() => expect("size > big").toBeValidGql("files")).toThrow(/Expected valid GQL for the files dataset:\nerror\[GQL402\]/);
  });

  it("toMatchEvent passes and negates", () => {
    expect("flow = CLASSIFICATION AND size < 10KB").toMatchEvent("files", event);
    expect("size > 10MB").not.toMatchEvent("files", event);
  });

  it("toMatchEvent failure names the deciding condition", () => {
    expect(() => expect("flow = CLASSIFICATION AND size > 10MB").toMatchEvent("files", event)).toThrow(
      'Expected "flow = CLASSIFICATION AND size > 10MB" to match the event, but it did not.\n`size > 10MB` was false: size is 2,048 bytes.',
    );
  });

  it("negated toMatchEvent failure names the deciding condition", () => {
    expect(() => expect("flow = CATALOGUING OR classification >= CONFIDENTIAL").not.toMatchEvent("files", event)).toThrow(
      '`classification >= CONFIDENTIAL` was true: classification is "CONFIDENTIAL".',
    );
  });

  it("toMatchEvent on an invalid query fails with diagnostics", () => {
    expect(() => expect("size > big").toMatchEvent("files", event)).toThrow(/The query is not valid GQL for the files dataset:\nerror\[GQL402\]/);
  });

  it("rejects a non-string query", () => {
    expect(() => expect(42).toBeValidGql("files")).toThrow("Expected a GQL query string, but received number.");
  });
});

describe("jest matchers", () => {
  it("run in a real jest process", async () => {
    const directory = await mkdtemp(join(tmpdir(), "gql-jest-"));
    const outputFile = join(directory, "results.json");
    const jest = join(process.cwd(), "node_modules", "jest", "bin", "jest.js");
    const config = join(process.cwd(), "test", "fixtures", "jest", "jest.config.cjs");
    await promisify(execFile)(process.execPath, [jest, "--config", config, "--ci", "--json", `--outputFile=${outputFile}`], {
      cwd: process.cwd(),
    }).catch((error: { code?: number }) => {
      // Jest exits with 1 because the "fails:" tests fail on purpose.
      if (error.code !== 1) throw error;
    });
    const report = JSON.parse(await readFile(outputFile, "utf8")) as {
      testResults: { assertionResults: { title: string; status: string; failureMessages: string[] }[] }[];
    };
    const results = report.testResults.flatMap((file) => file.assertionResults);
    const byTitle = new Map(results.map((result) => [result.title, result]));
    expect(results).toHaveLength(8);
    for (const result of results) {
      expect(result.status, result.title).toBe(result.title.startsWith("fails:") ? "failed" : "passed");
    }
    expect(byTitle.get("fails: invalid query")?.failureMessages[0]).toContain('error[GQL402]: size is a size in bytes. "big" is not a size');
    expect(byTitle.get("fails: event does not match")?.failureMessages[0]).toContain("`size > 10MB` was false: size is 2,048 bytes.");
    expect(byTitle.get("fails: event matches under not")?.failureMessages[0]).toContain(
      '`classification >= CONFIDENTIAL` was true: classification is "CONFIDENTIAL".',
    );
  });
});
