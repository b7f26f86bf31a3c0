import { execFileSync } from "node:child_process";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { check, compile, complete, defineDataset, explain, format, GqlError, hover, parse } from "../src/index.js";
import type { Query } from "../src/index.js";

function thrown(run: () => unknown): GqlError {
  try {
    run();
  } catch (error) {
    if (error instanceof GqlError) return error;
    throw error;
  }
  throw new Error("expected a GqlError");
}

describe("non-string queries", () => {
  const cases: [string, () => unknown, string][] = [
    ["parse(null)", () => parse(null as unknown as string), "parse expects the query as a string, not null."],
    ["check(42)", () => check(42 as unknown as string, { dataset: "files" }), "check expects the query as a string, not a number."],
    ["compile({})", () => compile({} as unknown as string, { dataset: "files" }), "compile expects the query as a string, not an object."],
    ["format(42)", () => format(42 as unknown as string), "format expects the query as a string, not a number."],
    ["explain([])", () => explain([] as unknown as string, { dataset: "files" }, {}), "explain expects the query as a string, not an array."],
    ["complete(undefined)", () => complete(undefined as unknown as string, 0, { dataset: "files" }), "complete or hover expects the query as a string, not undefined."],
    ["hover(null)", () => hover(null as unknown as string, 0, { dataset: "files" }), "complete or hover expects the query as a string, not null."],
  ];
  for (const [title, run, message] of cases) {
    it(`${title} raises GQL902`, () => {
      const error = thrown(run);
      expect(error.code).toBe("GQL902");
      expect(error.message).toBe(message);
    });
  }
});

describe("malformed trees", () => {
  const weird = { type: "Query", body: { type: "Weird" }, span: { start: 0, end: 0 } } as unknown as Query;

  it("check raises GQL902", () => {
    const error = thrown(() => check(weird, { dataset: "files" }));
    expect(error.code).toBe("GQL902");
    expect(error.message).toMatch(/^The tree is not a valid query tree \(.+\); pass a tree from parse, or the query text\.$/);
  });

  it("format raises GQL902", () => {
    expect(thrown(() => format(weird)).code).toBe("GQL902");
  });

  it("format of a cyclic tree raises GQL902", () => {
    const not: { type: string; operand?: unknown; span: { start: number; end: number } } = { type: "Not", span: { start: 0, end: 0 } };
    not.operand = not;
    const cyclic = { type: "Query", body: not, span: { start: 0, end: 0 } } as unknown as Query;
    expect(thrown(() => format(cyclic)).code).toBe("GQL902");
  });
});

describe("maxDepth ceiling", () => {
  it("rejects a maxDepth above 200", () => {
    const error = thrown(() => check("size > 1", { dataset: "files", limits: { maxDepth: 201 } }));
    expect(error.code).toBe("GQL902");
    expect(error.message).toBe(
      "The limit maxDepth can be at most 200, not 201: deeper nesting would exhaust the JavaScript stack. Remove redundant parentheses instead.",
    );
  });

  it("checks 200 levels of parentheses", () => {
    const query = `${"(".repeat(200)}size > 1${")".repeat(200)}`;
    expect(check(query, { dataset: "files", limits: { maxDepth: 200 } }).ok).toBe(true);
  });
});

describe("explain on odd values", () => {
  it("describes epoch milliseconds beyond dates", () => {
    const explanation = explain("modifiedAt > 2020-01-01", { dataset: "files" }, { modifiedAt: 1e20 });
    expect(explanation.result).toBe(true);
    expect(explanation.reasons).toEqual([
      "`modifiedAt > 2020-01-01` was true: modifiedAt is 100000000000000000000 (epoch milliseconds beyond the range of dates).",
    ]);
  });

  it("survives a fake Date", () => {
    const explanation = explain("modifiedAt > 2020-01-01", { dataset: "files" }, { modifiedAt: Object.create(Date.prototype) as unknown });
    expect(explanation.result).toBe(false);
  });

  it("survives a throwing getter", () => {
    const event = Object.defineProperty({}, "size", {
      enumerable: true,
      get() {
        throw new Error("boom");
      },
    });
    const explanation = explain("size > 1", { dataset: "files" }, event);
    expect(explanation.result).toBe(false);
    expect(explanation.reasons).toEqual(["`size > 1` was false: size could not be read (the event threw an error)."]);
  });
});

describe("dates from another realm", () => {
  it("count as timestamps", () => {
    const date = runInNewContext('new Date("2024-03-01T10:00:00Z")') as unknown;
    expect(compile("modifiedAt = 2024-03-01", { dataset: "files" })({ modifiedAt: date })).toBe(true);
    expect(compile("modifiedAt = 2024-03-01", { dataset: "files", mode: "closure" })({ modifiedAt: date })).toBe(true);
  });
});

describe("defineDataset definitions", () => {
  it("appends labels without after", () => {
    const dataset = defineDataset({ name: "x", extends: "files", labels: { classification: { labels: ["SECRET"] } } });
    const type = dataset.field("classification")?.type;
    expect(type?.kind === "enum" ? type.labels : []).toEqual(["PUBLIC", "INTERNAL", "CONFIDENTIAL", "HIGHLY_CONFIDENTIAL", "SECRET"]);
  });

  it("rejects an unknown key", () => {
    const error = thrown(() => defineDataset({ name: "x", fields: { a: "string" }, bogus: 1 } as never));
    expect(error.code).toBe("GQL900");
    expect(error.message).toBe('Unknown key "bogus" in the definition of "x"; the keys are name, description, extends, fields and labels.');
  });

  it("rejects a dataset without fields", () => {
    const error = thrown(() => defineDataset({ name: "x", fields: {} }));
    expect(error.code).toBe("GQL900");
    expect(error.message).toBe('The dataset "x" has no fields; declare at least one under fields, or extend a dataset.');
  });
});

describe("CommonJS build", () => {
  it("keeps class names", () => {
    const names = execFileSync(process.execPath, ["-e", 'const g = require("./dist/index.cjs"); process.stdout.write(g.GqlError.name + " " + g.Dataset.name)'], {
      encoding: "utf8",
    });
    expect(names).toBe("GqlError Dataset");
  });
});
