import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze } from "../src/checker/check.js";
import { compile, type Predicate } from "../src/compiler/compile.js";
import { defineDataset } from "../src/datasets/define.js";
import { codes } from "../src/diagnostics/codes.js";
import { GqlError } from "../src/errors.js";
import { createMatcher, type Matcher, type MatcherOptions } from "../src/matcher/matcher.js";
import { findRequirements } from "../src/matcher/requirements.js";

const FIXED_NOW = Date.parse("2024-06-01T12:00:00Z");
const fixedNow = (): number => FIXED_NOW;

function filesMatcher(): Matcher {
  return createMatcher({ dataset: "files", now: fixedNow });
}

/** Returns the error that `action` throws, failing the test when it does not throw a `GqlError`. */
function caught(action: () => unknown): GqlError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(GqlError);
    return error as GqlError;
  }
  throw new Error("expected a GqlError, but nothing was thrown");
}

describe("createMatcher options", () => {
  it("rejects an unknown dataset", () => {
    expect(caught(() => createMatcher({ dataset: "file" as never })).code).toBe(codes.unknownDataset);
  });

  it("rejects unknown options", () => {
    expect(caught(() => createMatcher({ dataset: "files", clock: fixedNow } as unknown as MatcherOptions)).code).toBe(codes.invalidOption);
  });

  it("rejects a now that is not a function", () => {
    expect(caught(() => createMatcher({ dataset: "files", now: 5 as never })).code).toBe(codes.invalidOption);
  });

  it("rejects invalid limits when created", () => {
    expect(caught(() => createMatcher({ dataset: "files", limits: { maxDepth: 0 } })).code).toBe(codes.invalidOption);
  });

  it("rejects an unknown mode", () => {
    expect(caught(() => createMatcher({ dataset: "files", mode: "fast" as never })).code).toBe(codes.invalidOption);
  });

  it("applies limits to each query", () => {
    const matcher = createMatcher({ dataset: "files", limits: { maxLength: 20 } });
    expect(caught(() => matcher.add("long", "flow = CLASSIFICATION AND size > 1")).code).toBe(codes.queryTooLong);
    expect(matcher.size).toBe(0);
  });

  it("accepts a dataset from defineDataset", () => {
    const dataset = defineDataset({ name: "tickets", fields: { queue: { type: "enum", labels: ["OPS", "DEV"] }, title: "string" } });
    const matcher = createMatcher({ dataset });
    matcher.add("ops", "queue = ops");
    expect(matcher.plan("ops")).toEqual({ kind: "indexed", field: "queue", values: ["ops"] });
    expect(matcher.match({ queue: "OPS", title: "x" })).toEqual(["ops"]);
    expect(matcher.match({ queue: "DEV" })).toEqual([]);
  });
});

describe("matcher registry", () => {
  it("adds, lists and removes ids", () => {
    const matcher = filesMatcher();
    expect(matcher.size).toBe(0);
    matcher.add("a", "flow = CLASSIFICATION");
    matcher.add("b", "size > 1KB");
    expect(matcher.size).toBe(2);
    expect(matcher.has("a")).toBe(true);
    expect(matcher.has("c")).toBe(false);
    expect(matcher.ids()).toEqual(["a", "b"]);

    expect(matcher.remove("a")).toBe(true);
    expect(matcher.remove("a")).toBe(false);
    expect(matcher.has("a")).toBe(false);
    expect(matcher.size).toBe(1);
    expect(matcher.ids()).toEqual(["b"]);
    expect(matcher.match({ flow: "CLASSIFICATION", size: 5000 })).toEqual(["b"]);
  });

  it("returns a copy from ids", () => {
    const matcher = filesMatcher();
    matcher.add("a", "flow = CLASSIFICATION");
    matcher.ids().push("b");
    expect(matcher.ids()).toEqual(["a"]);
  });

  it("rejects an invalid query and keeps its state", () => {
    const matcher = filesMatcher();
    matcher.add("a", "flow = CLASSIFICATION");
    const query = "flow = CLASIFICATION AND size > big";
    const error = caught(() => matcher.add("b", query));
    const expected = caught(() => compile(query, { dataset: "files" }));
    expect(error.code).toBe(expected.code);
    expect(error.message).toBe(expected.message);
    expect(error.diagnostics).toEqual(expected.diagnostics);
    expect(error.diagnostics.length).toBe(2);
    expect(matcher.size).toBe(1);
    expect(matcher.has("b")).toBe(false);
    expect(matcher.ids()).toEqual(["a"]);
    expect(matcher.match({ flow: "classification" })).toEqual(["a"]);
    matcher.add("b", "size > 1");
    expect(matcher.ids()).toEqual(["a", "b"]);
  });

  it("rejects an empty query", () => {
    const matcher = filesMatcher();
    expect(caught(() => matcher.add("a", "   ")).code).toBe(codes.emptyQuery);
    expect(matcher.size).toBe(0);
  });

  it("rejects a duplicate id", () => {
    const matcher = filesMatcher();
    matcher.add("a", "flow = CLASSIFICATION");
    const error = caught(() => matcher.add("a", "flow = CATALOGUING"));
    expect(error.code).toBe(codes.invalidOption);
    expect(error.message).toContain('"a"');
    expect(matcher.size).toBe(1);
    expect(matcher.match({ flow: "CLASSIFICATION" })).toEqual(["a"]);
    expect(matcher.match({ flow: "CATALOGUING" })).toEqual([]);
  });

  it("checks a duplicate id before the query", () => {
    const matcher = filesMatcher();
    matcher.add("a", "flow = CLASSIFICATION");
    expect(caught(() => matcher.add("a", "flow = ")).code).toBe(codes.invalidOption);
  });

  it("rejects ids and queries that are not strings", () => {
    const matcher = filesMatcher();
    expect(caught(() => matcher.add(7 as never, "flow = CLASSIFICATION")).code).toBe(codes.invalidOption);
    expect(caught(() => matcher.add("a", { text: "flow = CLASSIFICATION" } as never)).code).toBe(codes.invalidOption);
    expect(matcher.size).toBe(0);
    expect(matcher.has(7 as never)).toBe(false);
    expect(matcher.remove(7 as never)).toBe(false);
  });

  it("replaces a query in place", () => {
    const matcher = filesMatcher();
    matcher.add("a", "flow = CLASSIFICATION");
    matcher.add("b", "flow = CLASSIFICATION");
    matcher.replace("a", "flow = CATALOGUING OR size > 10");
    expect(matcher.ids()).toEqual(["a", "b"]);
    expect(matcher.size).toBe(2);
    expect(matcher.match({ flow: "CLASSIFICATION" })).toEqual(["b"]);
    expect(matcher.match({ flow: "CATALOGUING" })).toEqual(["a"]);
    expect(matcher.match({ flow: "CLASSIFICATION", size: 11 })).toEqual(["a", "b"]);
    expect(matcher.plan("a")).toEqual({ kind: "fallback" });
  });

  it("keeps the old query when the replacement is invalid", () => {
    const matcher = filesMatcher();
    matcher.add("a", "flow = CLASSIFICATION");
    const error = caught(() => matcher.replace("a", "flow = CLASSIFICATION AND"));
    expect(error.diagnostics.length).toBeGreaterThan(0);
    expect(matcher.plan("a")).toEqual({ kind: "indexed", field: "flow", values: ["classification"] });
    expect(matcher.match({ flow: "CLASSIFICATION" })).toEqual(["a"]);
  });

  it("rejects replacing an unknown id", () => {
    const matcher = filesMatcher();
    const error = caught(() => matcher.replace("missing", "flow = CLASSIFICATION"));
    expect(error.code).toBe(codes.invalidOption);
    expect(matcher.size).toBe(0);
  });

  it("shares a text between ids", () => {
    const matcher = filesMatcher();
    matcher.add("a", "flow = CLASSIFICATION");
    matcher.add("b", "flow = CLASSIFICATION");
    expect(matcher.match({ flow: "CLASSIFICATION" })).toEqual(["a", "b"]);
    matcher.remove("a");
    expect(matcher.match({ flow: "CLASSIFICATION" })).toEqual(["b"]);
    matcher.replace("b", "flow = CLASSIFICATION");
    expect(matcher.match({ flow: "CLASSIFICATION" })).toEqual(["b"]);
    matcher.add("a", "flow = CLASSIFICATION");
    expect(matcher.match({ flow: "CLASSIFICATION" })).toEqual(["b", "a"]);
  });
});

describe("match order", () => {
  it("returns ids in insertion order", () => {
    const matcher = filesMatcher();
    matcher.add("z", "size > 1");
    matcher.add("m", "flow = CLASSIFICATION");
    matcher.add("a", "compliance = GDPR");
    matcher.add("q", "owner = bob");
    matcher.add("b", "flow = CATALOGUING");
    const event = { flow: "CLASSIFICATION", size: 2, compliance: ["gdpr"], owner: "Bob" };
    expect(matcher.match(event)).toEqual(["z", "m", "a", "q"]);
  });

  it("puts a removed and added id last", () => {
    const matcher = filesMatcher();
    matcher.add("a", "flow = CLASSIFICATION");
    matcher.add("b", "size > 1");
    matcher.add("c", "compliance = GDPR");
    matcher.remove("a");
    matcher.add("a", "flow = CLASSIFICATION");
    expect(matcher.ids()).toEqual(["b", "c", "a"]);
    expect(matcher.match({ flow: "CLASSIFICATION", size: 2, compliance: ["GDPR"] })).toEqual(["b", "c", "a"]);
  });
});

describe("requirement extraction", () => {
  const cases: { query: string; dataset?: "files" | "streaming"; plan: unknown }[] = [
    { query: "flow = CLASSIFICATION", plan: { kind: "indexed", field: "flow", values: ["classification"] } },
    { query: "FLOW == classification", plan: { kind: "indexed", field: "flow", values: ["classification"] } },
    { query: "flow IN (CLASSIFICATION, CATALOGUING)", plan: { kind: "indexed", field: "flow", values: ["cataloguing", "classification"] } },
    { query: "flow = CLASSIFICATION AND size > 1", plan: { kind: "indexed", field: "flow", values: ["classification"] } },
    {
      query: "(flow = CLASSIFICATION AND size > 1) OR (flow = CATALOGUING AND critical = true)",
      plan: { kind: "indexed", field: "flow", values: ["cataloguing", "classification"] },
    },
    { query: "flow = CLASSIFICATION OR size > 1", plan: { kind: "fallback" } },
    { query: "NOT flow = CLASSIFICATION", plan: { kind: "fallback" } },
    { query: "flow != CLASSIFICATION", plan: { kind: "fallback" } },
    { query: "flow NOT IN (CLASSIFICATION)", plan: { kind: "fallback" } },
    { query: "NOT flow != CLASSIFICATION", plan: { kind: "indexed", field: "flow", values: ["classification"] } },
    { query: "NOT (flow != CLASSIFICATION OR size > 1)", plan: { kind: "indexed", field: "flow", values: ["classification"] } },
    { query: "NOT (flow != CLASSIFICATION AND size > 1)", plan: { kind: "fallback" } },
    { query: "flow = CLASSIFICATION AND flow IN (CLASSIFICATION, CATALOGUING)", plan: { kind: "indexed", field: "flow", values: ["classification"] } },
    { query: "flow = CLASSIFICATION AND flow = CATALOGUING", plan: { kind: "indexed", field: "flow", values: [] } },
    { query: "compliance = GDPR", plan: { kind: "indexed", field: "compliance", values: ["gdpr"] } },
    { query: "compliance IN (GDPR, PCI) AND compliance = PII", plan: { kind: "indexed", field: "compliance", values: ["pii"] } },
    { query: "classification >= CONFIDENTIAL", plan: { kind: "indexed", field: "classification", values: ["confidential", "highly_confidential"] } },
    { query: "classification < INTERNAL", plan: { kind: "indexed", field: "classification", values: ["public"] } },
    { query: "classification BETWEEN INTERNAL AND CONFIDENTIAL", plan: { kind: "indexed", field: "classification", values: ["confidential", "internal"] } },
    { query: "flow = CLASSIFICATION AND dataSource = BOX", plan: { kind: "indexed", field: "dataSource", values: ["box"], with: { field: "flow", values: ["classification"] } } },
    { query: "dataSource = BOX AND owner = Bob", plan: { kind: "indexed", field: "owner", values: ["bob"], with: { field: "dataSource", values: ["box"] } } },
    { query: "owner = \"Bob Smith\"", plan: { kind: "indexed", field: "owner", values: ["bob smith"] } },
    { query: "owner ~ bob", plan: { kind: "fallback" } },
    { query: "owner =~ \"^bob\"", plan: { kind: "fallback" } },
    { query: "owner IS NULL", plan: { kind: "fallback" } },
    { query: "owner IS NOT NULL", plan: { kind: "fallback" } },
    { query: "sensitive = true", plan: { kind: "fallback" } },
    { query: "size > 1MB", plan: { kind: "fallback" } },
    { query: "actor.name = Bob", dataset: "streaming", plan: { kind: "indexed", field: "actor.name", values: ["bob"] } },
    { query: "eventType IN (SHARED, unshared) AND risk >= HIGH", dataset: "streaming", plan: { kind: "indexed", field: "eventType", values: ["shared", "unshared"], with: { field: "risk", values: ["critical", "high"] } } },
  ];

  for (const { query, dataset, plan } of cases) {
    it(`plans ${query}`, () => {
      const matcher = createMatcher({ dataset: dataset ?? "files" });
      matcher.add("q", query);
      expect(matcher.plan("q")).toEqual(plan);
    });
  }

  it("plans an unknown id as undefined", () => {
    expect(filesMatcher().plan("nothing")).toBeUndefined();
  });

  it("prefers a field that other queries share", () => {
    const matcher = filesMatcher();
    matcher.add("first", "classification = PUBLIC AND risk = LOW");
    expect(matcher.plan("first")).toMatchObject({ field: "classification" });
    matcher.add("risky", "risk = HIGH");
    matcher.add("risky2", "risk = CRITICAL");
    matcher.add("second", "classification = PUBLIC AND risk = LOW");
    expect(matcher.plan("second")).toMatchObject({ field: "risk" });
  });

  it("finds requirements of every field all branches need", () => {
    const analysis = analyze("(flow = CLASSIFICATION AND dataSource = BOX) OR (flow = CATALOGUING AND dataSource IN (SMB, box))", { dataset: "files" });
    const requirements = findRequirements(analysis.bound!).map((requirement) => [requirement.field.path, [...requirement.values].sort()]);
    expect(requirements).toEqual([
      ["flow", ["cataloguing", "classification"]],
      ["dataSource", ["box", "smb"]],
    ]);
  });
});

describe("match on indexed fields", () => {
  it("ignores the case of event values", () => {
    const matcher = filesMatcher();
    matcher.add("flow", "flow = CLASSIFICATION");
    matcher.add("owner", "owner = bob");
    for (const flow of ["CLASSIFICATION", "classification", "ClAsSiFiCaTiOn"]) {
      expect(matcher.match({ flow })).toEqual(["flow"]);
    }
    for (const owner of ["bob", "BOB", "Bob"]) {
      expect(matcher.match({ owner })).toEqual(["owner"]);
    }
  });

  it("matches any element of a list", () => {
    const matcher = filesMatcher();
    matcher.add("gdpr", "compliance = GDPR");
    matcher.add("pci", "compliance IN (PCI, PII)");
    matcher.add("both", "compliance = GDPR AND compliance = PCI");
    expect(matcher.match({ compliance: ["pci", "Gdpr"] })).toEqual(["gdpr", "pci", "both"]);
    expect(matcher.match({ compliance: ["GDPR", "gdpr", "PII", "pci"] })).toEqual(["gdpr", "pci", "both"]);
    expect(matcher.match({ compliance: ["GDPR"] })).toEqual(["gdpr"]);
    expect(matcher.match({ compliance: [7, null, "phi"] })).toEqual([]);
    expect(matcher.match({ compliance: "GDPR" })).toEqual([]);
    expect(matcher.match({ compliance: [] })).toEqual([]);
  });

  it("reads nested fields", () => {
    const matcher = createMatcher({ dataset: "streaming" });
    matcher.add("bob", "actor.name = Bob AND eventType = SHARED");
    matcher.add("alice", "actor.name = alice");
    expect(matcher.plan("bob")).toMatchObject({ field: "actor.name" });
    expect(matcher.match({ actor: { name: "BOB" }, eventType: "shared" })).toEqual(["bob"]);
    expect(matcher.match({ actor: { name: "Alice" } })).toEqual(["alice"]);
    expect(matcher.match({ actor: [{ name: "alice" }] })).toEqual([]);
    expect(matcher.match({ actor: null })).toEqual([]);
    expect(matcher.match({ "actor.name": "alice" })).toEqual([]);
  });

  it("skips a pinned query when the field is missing", () => {
    const matcher = filesMatcher();
    matcher.add("pinned", "flow = CLASSIFICATION");
    matcher.add("negated", "flow != CLASSIFICATION");
    expect(matcher.match({})).toEqual(["negated"]);
    expect(matcher.match({ flow: null })).toEqual(["negated"]);
    expect(matcher.match({ flow: 3 })).toEqual(["negated"]);
    expect(matcher.match({ flow: ["CLASSIFICATION"] })).toEqual(["negated"]);
  });

  it("never returns a query that cannot be true", () => {
    const matcher = filesMatcher();
    matcher.add("never", "flow = CLASSIFICATION AND flow = CATALOGUING");
    expect(matcher.match({ flow: "CLASSIFICATION" })).toEqual([]);
    expect(matcher.match({ flow: "CATALOGUING" })).toEqual([]);
  });

  it("reads inherited values only as the predicates do", () => {
    const matcher = filesMatcher();
    matcher.add("a", "flow = CLASSIFICATION");
    const event = Object.create({ flow: "CLASSIFICATION" }) as object;
    expect(matcher.match(event)).toEqual([]);
  });
});

describe("match with relative times", () => {
  it("reads the clock once per event", () => {
    let calls = 0;
    const matcher = createMatcher({
      dataset: "files",
      now: () => {
        calls++;
        return FIXED_NOW;
      },
    });
    matcher.add("recent", "modifiedAt > now-7d");
    matcher.add("recent2", "modifiedAt > now-1d OR size > 1");
    matcher.add("old", "modifiedAt < now-30d");
    const event = { modifiedAt: new Date(FIXED_NOW - 2 * 86_400_000).toISOString() };
    expect(matcher.match(event)).toEqual(["recent"]);
    expect(calls).toBe(1);
    matcher.match(event);
    expect(calls).toBe(2);
  });

  it("tests an indexed query only for its values", () => {
    let calls = 0;
    const matcher = createMatcher({
      dataset: "files",
      now: () => {
        calls++;
        return FIXED_NOW;
      },
    });
    matcher.add("recent", "flow = CLASSIFICATION AND modifiedAt > now-7d");
    expect(matcher.match({ flow: "CATALOGUING", modifiedAt: FIXED_NOW })).toEqual([]);
    expect(calls).toBe(0);
    expect(matcher.match({ flow: "Classification", modifiedAt: FIXED_NOW })).toEqual(["recent"]);
    expect(calls).toBe(1);
  });

  it("reads the clock again after it throws", () => {
    let calls = 0;
    const matcher = createMatcher({
      dataset: "files",
      now: () => {
        calls++;
        if (calls === 1) throw new Error("clock unavailable");
        return FIXED_NOW;
      },
    });
    matcher.add("a", "modifiedAt > now-7d");
    matcher.add("b", "modifiedAt > now-7d AND size >= 0");
    expect(matcher.match({ modifiedAt: FIXED_NOW, size: 1 })).toEqual(["b"]);
    expect(matcher.match({ modifiedAt: FIXED_NOW, size: 1 })).toEqual(["a", "b"]);
  });
});

describe("match on unusual events", () => {
  const queries = ["flow = CLASSIFICATION", "flow != CLASSIFICATION", "compliance = GDPR", "owner IS NULL", "size > 1"];
  const throwingProxy = new Proxy(
    {},
    {
      getOwnPropertyDescriptor() {
        throw new Error("no access");
      },
      get() {
        throw new Error("no access");
      },
    },
  );
  const revocable = Proxy.revocable({ flow: "CLASSIFICATION" }, {});
  revocable.revoke();
  const throwingGetter = Object.defineProperty({ size: 5 }, "flow", {
    enumerable: true,
    get() {
      throw new Error("no flow");
    },
  });
  const throwingList = { compliance: new Proxy(["GDPR", "PCI"], { get: (target, key) => (key === "1" ? assertUnreachable() : Reflect.get(target, key)) }) };
  const arrayWithFlow = Object.assign(["x"], { flow: "CLASSIFICATION" });
  const events: unknown[] = [null, undefined, 42, "CLASSIFICATION", [], [{ flow: "CLASSIFICATION" }], arrayWithFlow, throwingProxy, revocable.proxy, throwingGetter, throwingList];

  function assertUnreachable(): never {
    throw new Error("element not readable");
  }

  for (const mode of ["generated", "closure"] as const) {
    it(`agrees with each predicate in ${mode} mode`, () => {
      const matcher = createMatcher({ dataset: "files", mode });
      const predicates = queries.map((query) => compile(query, { dataset: "files", mode }));
      queries.forEach((query, index) => matcher.add(`q${index}`, query));
      for (const event of events) {
        const expected = queries.map((_, index) => `q${index}`).filter((_, index) => (predicates[index] as Predicate)(event));
        expect(matcher.match(event)).toEqual(expected);
      }
    });
  }
});

// Property: the matcher returns exactly the ids whose own predicate is true, after any sequence of changes.

interface PinField {
  path: string;
  values: readonly string[];
  list?: boolean;
}

interface DatasetModel {
  name: "files" | "streaming";
  pins: readonly PinField[];
  /** Conditions with no equality on a text field. */
  others: readonly string[];
  /** Values for fields that `others` read. */
  extras: Record<string, fc.Arbitrary<unknown>>;
}

const filesModel: DatasetModel = {
  name: "files",
  pins: [
    { path: "flow", values: ["CATALOGUING", "CLASSIFICATION"] },
    { path: "dataSource", values: ["SMB", "BOX", "ONEDRIVE", "AWS_S3"] },
    { path: "compliance", values: ["GDPR", "PCI", "PII"], list: true },
    { path: "owner", values: ["bob", "Alice", "Zoë"] },
    { path: "classification", values: ["PUBLIC", "INTERNAL", "CONFIDENTIAL", "HIGHLY_CONFIDENTIAL"] },
  ],
  others: [
    "size > 1KB",
    "sensitive = true",
    "owner ~ b",
    "owner IS NULL",
    "compliance IS NULL",
    "flow IS NOT NULL",
    "classification >= CONFIDENTIAL",
    "classification BETWEEN INTERNAL AND CONFIDENTIAL",
    "modifiedAt > now-7d",
    "compliance ~ \"p*\"",
  ],
  extras: {
    size: fc.constantFrom(0, 500, 5000, "2000", "big"),
    sensitive: fc.constantFrom(true, false, "true"),
    modifiedAt: fc.constantFrom(FIXED_NOW, FIXED_NOW - 30 * 86_400_000, "2024-05-31T00:00:00Z", "yesterday"),
  },
};

const streamingModel: DatasetModel = {
  name: "streaming",
  pins: [
    { path: "eventType", values: ["CREATED", "SHARED", "DELETED"] },
    { path: "dataSource", values: ["BOX", "AZURE_AD", "LDAP"] },
    { path: "compliance", values: ["GDPR", "HIPAA"], list: true },
    { path: "actor.name", values: ["bob", "alice"] },
    { path: "resource.type", values: ["FILE", "FOLDER", "USER"] },
  ],
  others: ["resource.size > 1KB", "actor.name ~ o", "sharingScope = PUBLIC", "eventTime > now-1d", "actor.email IS NULL", "risk >= HIGH"],
  extras: {
    "resource.size": fc.constantFrom(0, 5000),
    sharingScope: fc.constantFrom("PUBLIC", "private"),
    eventTime: fc.constantFrom(FIXED_NOW, FIXED_NOW - 5 * 86_400_000),
    "actor.email": fc.constantFrom("bob@example.com", null),
    risk: fc.constantFrom("HIGH", "low", "CRITICAL"),
  },
};

/** Returns one of several spellings of a value: as written, lower case, upper case, or alternating case. */
function spelling(value: string): fc.Arbitrary<string> {
  const alternating = [...value].map((character, index) => (index % 2 === 0 ? character.toLowerCase() : character.toUpperCase())).join("");
  return fc.constantFrom(value, value.toLowerCase(), value.toUpperCase(), alternating);
}

function quoted(value: string): string {
  return `"${value}"`;
}

/** Returns a condition on one text field: `=`, `IN` with up to three values, or `!=`. */
function pinCondition(model: DatasetModel): fc.Arbitrary<string> {
  return fc.constantFrom(...model.pins).chain((pin) =>
    fc.oneof(
      fc.constantFrom(...pin.values).chain((value) => spelling(value).map((text) => `${pin.path} = ${quoted(text)}`)),
      fc.uniqueArray(fc.constantFrom(...pin.values), { minLength: 1, maxLength: 3 }).map((values) => `${pin.path} IN (${values.map(quoted).join(", ")})`),
      fc.constantFrom(...pin.values).map((value) => `${pin.path} != ${quoted(value)}`),
    ),
  );
}

function queryText(model: DatasetModel): fc.Arbitrary<string> {
  const pinned = pinCondition(model);
  const other = fc.constantFrom(...model.others);
  const tree = fc.letrec<{ expression: string }>((tie) => ({
    expression: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      { arbitrary: pinned, weight: 4 },
      { arbitrary: other, weight: 2 },
      { arbitrary: fc.tuple(tie("expression"), tie("expression")).map(([left, right]) => `(${left} AND ${right})`), weight: 3 },
      { arbitrary: fc.tuple(tie("expression"), tie("expression")).map(([left, right]) => `(${left} OR ${right})`), weight: 2 },
      { arbitrary: tie("expression").map((operand) => `NOT ${operand}`), weight: 1 },
    ),
  })).expression;
  const orOfPins = fc
    .tuple(fc.constantFrom(...model.pins), fc.array(fc.tuple(fc.nat(), other), { minLength: 2, maxLength: 3 }))
    .map(([pin, branches]) => branches.map(([choice, condition]) => `(${pin.path} = ${quoted(pin.values[choice % pin.values.length] as string)} AND ${condition})`).join(" OR "));
  const invalid = fc.constantFrom(`${model.pins[0]?.path} = NO_SUCH_LABEL`, "size >", "unknownField = 1", "(");
  return fc.oneof(
    { arbitrary: pinned, weight: 4 },
    { arbitrary: fc.tuple(pinned, other).map(([pin, condition]) => `${pin} AND ${condition}`), weight: 4 },
    { arbitrary: orOfPins, weight: 2 },
    { arbitrary: pinned.map((pin) => `NOT (${pin})`), weight: 1 },
    { arbitrary: other, weight: 1 },
    { arbitrary: tree, weight: 4 },
    { arbitrary: invalid, weight: 1 },
  );
}

/** Sets a dotted path in a plain object, creating the objects on the way. */
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const segments = path.split(".");
  let current = target;
  segments.slice(0, -1).forEach((segment) => {
    const next = current[segment];
    if (next === null || typeof next !== "object" || Array.isArray(next)) current[segment] = {};
    current = current[segment] as Record<string, unknown>;
  });
  current[segments[segments.length - 1] as string] = value;
}

function pinValue(pin: PinField): fc.Arbitrary<unknown> {
  const text = fc.constantFrom(...pin.values, "other").chain(spelling);
  if (pin.list) return fc.array(fc.oneof({ arbitrary: text, weight: 5 }, { arbitrary: fc.constantFrom(7, null), weight: 1 }), { maxLength: 4 });
  return fc.oneof({ arbitrary: text, weight: 8 }, { arbitrary: fc.constantFrom(null, 42, ["BOX"]), weight: 1 });
}

function eventOf(model: DatasetModel): fc.Arbitrary<unknown> {
  const fields: [string, fc.Arbitrary<unknown>][] = [...model.pins.map((pin): [string, fc.Arbitrary<unknown>] => [pin.path, pinValue(pin)]), ...Object.entries(model.extras)];
  const present = fields.map(([path, value]) => fc.option(value.map((chosen) => [path, chosen] as const), { freq: 4 }));
  return fc.tuple(...present).map((entries) => {
    const event: Record<string, unknown> = {};
    for (const entry of entries) {
      if (entry !== null) setPath(event, entry[0], entry[1]);
    }
    return event;
  });
}

type Operation = { kind: "add" | "replace"; id: string; query: string } | { kind: "remove"; id: string };

function operationOf(model: DatasetModel): fc.Arbitrary<Operation> {
  const id = fc.constantFrom("w0", "w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8", "w9", "w10", "w11");
  return fc.oneof(
    { arbitrary: fc.record({ kind: fc.constant("add" as const), id, query: queryText(model) }), weight: 6 },
    { arbitrary: fc.record({ kind: fc.constant("replace" as const), id, query: queryText(model) }), weight: 2 },
    { arbitrary: fc.record({ kind: fc.constant("remove" as const), id }), weight: 2 },
  );
}

/** The expected state: ids in order, each with its own compiled predicate. */
class ReferenceModel {
  private entries: { id: string; predicate: Predicate }[] = [];

  constructor(private readonly options: { dataset: "files" | "streaming"; now: () => number; mode: "generated" | "closure" }) {}

  /** Applies an operation; returns the code of the error it should throw, or `undefined`. */
  apply(operation: Operation): string | undefined {
    const position = this.entries.findIndex((entry) => entry.id === operation.id);
    if (operation.kind === "remove") {
      if (position !== -1) this.entries.splice(position, 1);
      return undefined;
    }
    if (operation.kind === "add" && position !== -1) return codes.invalidOption;
    if (operation.kind === "replace" && position === -1) return codes.invalidOption;
    let predicate: Predicate;
    try {
      predicate = compile(operation.query, this.options);
    } catch (error) {
      return (error as GqlError).code;
    }
    if (operation.kind === "add") this.entries.push({ id: operation.id, predicate });
    else this.entries[position] = { id: operation.id, predicate };
    return undefined;
  }

  ids(): string[] {
    return this.entries.map((entry) => entry.id);
  }

  match(event: unknown): string[] {
    return this.entries.filter((entry) => entry.predicate(event)).map((entry) => entry.id);
  }
}

function runOperations(matcher: Matcher, reference: ReferenceModel, operations: Operation[], events: unknown[]): void {
  for (const operation of operations) {
    const expectedCode = reference.apply(operation);
    let actualCode: string | undefined;
    try {
      if (operation.kind === "add") matcher.add(operation.id, operation.query);
      else if (operation.kind === "replace") matcher.replace(operation.id, operation.query);
      else matcher.remove(operation.id);
    } catch (error) {
      actualCode = (error as GqlError).code;
    }
    expect(actualCode).toBe(expectedCode);
    expect(matcher.ids()).toEqual(reference.ids());
    expect(matcher.size).toBe(reference.ids().length);
    for (const event of events) {
      expect(matcher.match(event)).toEqual(reference.match(event));
    }
  }
}

describe("matcher property", () => {
  for (const model of [filesModel, streamingModel]) {
    it(`equals each predicate on ${model.name} events`, () => {
      fc.assert(
        fc.property(
          fc.array(queryText(model), { minLength: 1, maxLength: 25 }),
          fc.array(eventOf(model), { minLength: 1, maxLength: 15 }),
          fc.constantFrom("generated" as const, "closure" as const),
          (queries, events, mode) => {
            const options = { dataset: model.name, now: fixedNow, mode };
            const matcher = createMatcher(options);
            const reference = new ReferenceModel(options);
            const operations = queries.map((query, index): Operation => ({ kind: "add", id: `q${index}`, query }));
            runOperations(matcher, reference, operations, events);
          },
        ),
        { numRuns: 200 },
      );
    });

    it(`equals each predicate after changes on ${model.name}`, () => {
      fc.assert(
        fc.property(fc.array(operationOf(model), { minLength: 1, maxLength: 30 }), fc.array(eventOf(model), { minLength: 1, maxLength: 8 }), (operations, events) => {
          const options = { dataset: model.name, now: fixedNow, mode: "generated" as const };
          runOperations(createMatcher(options), new ReferenceModel(options), operations, events);
        }),
        { numRuns: 150 },
      );
    });
  }
});
