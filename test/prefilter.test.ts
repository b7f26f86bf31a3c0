import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileChecked } from "../src/compiler/compile.js";
import { createLinePrefilter } from "../src/stream/prefilter.js";
import { FIXED_NOW, queryWithEvents } from "./support/arbitraries.js";

function prefilterFor(query: string) {
  const { bound, predicate } = compileChecked(query, { dataset: "files", now: () => FIXED_NOW });
  return { prefilter: createLinePrefilter(bound), predicate };
}

function mustParse(query: string, line: string): boolean {
  const { prefilter } = prefilterFor(query);
  if (prefilter === undefined) throw new Error(`no prefilter for ${query}`);
  return prefilter.mustParse(Buffer.from(line, "utf8"));
}

/** Re-encodes a JSON text with the same meaning: escapes, white space, letter case of \u digits. */
const reencoded = (json: string): fc.Arbitrary<string> =>
  fc.record({ escapeEvery: fc.integer({ min: 0, max: 6 }), spaces: fc.boolean(), upperHex: fc.boolean() }).map(({ escapeEvery, spaces, upperHex }) => {
    let inString = false;
    let output = "";
    let count = 0;
    for (let index = 0; index < json.length; index++) {
      const character = json[index] as string;
      if (character === "\\" && inString) {
        output += character + (json[index + 1] ?? "");
        index++;
        continue;
      }
      if (character === '"') inString = !inString;
      if (inString && character !== '"' && escapeEvery > 0 && ++count % escapeEvery === 0) {
        const hex = character.charCodeAt(0).toString(16).padStart(4, "0");
        output += `\\u${upperHex ? hex.toUpperCase() : hex}`;
        continue;
      }
      output += spaces && !inString && (character === ":" || character === ",") ? ` ${character} ` : character;
    }
    return output;
  });

describe("line prefilter", () => {
  it("has no prefilter without a required text value", () => {
    expect(prefilterFor("size > 10MB").prefilter).toBeUndefined();
    expect(prefilterFor("flow = CLASSIFICATION OR size > 1").prefilter).toBeUndefined();
    expect(prefilterFor("flow != CLASSIFICATION").prefilter).toBeUndefined();
  });

  it("skips an ASCII line without the value", () => {
    expect(mustParse("flow = CLASSIFICATION", '{"flow":"CATALOGUING","size":5}')).toBe(false);
  });

  it("keeps the value in any letter case", () => {
    expect(mustParse("flow = CLASSIFICATION", '{"flow":"ClassiFication"}')).toBe(true);
  });

  it("skips the value used only as a key", () => {
    expect(mustParse("flow = CLASSIFICATION", '{"classification" : "PUBLIC","flow":"CATALOGUING"}')).toBe(false);
  });

  it("keeps a value followed by white space and a comma", () => {
    expect(mustParse("flow = CLASSIFICATION", '{"flow":"classification" ,"classification":"PUBLIC"}')).toBe(true);
  });

  it("keeps lines with escapes or non-ASCII", () => {
    expect(mustParse("flow = CLASSIFICATION", '{"flow":"CLASSIFICATIO\\u004e"}')).toBe(true);
    expect(mustParse("flow = CLASSIFICATION", '{"flow":"CATALOGUING","owner":"é"}')).toBe(true);
  });

  it("keeps a list element", () => {
    expect(mustParse("compliance = gdpr", '{"compliance":["PCI","GDPR"]}')).toBe(true);
    expect(mustParse("compliance = gdpr", '{"compliance":["PCI"]}')).toBe(false);
  });

  it("skips every ASCII line when the query cannot be true", () => {
    expect(mustParse("flow = CLASSIFICATION AND flow = CATALOGUING", '{"flow":"CLASSIFICATION"}')).toBe(false);
  });

  it("never skips a line that matches", () => {
    fc.assert(
      fc.property(
        queryWithEvents().chain(({ query, events }) =>
          fc.tuple(fc.constant(query.text), fc.tuple(...events.map((event) => reencoded(JSON.stringify(event))))),
        ),
        ([query, lines]) => {
          const { prefilter, predicate } = prefilterFor(query);
          if (prefilter === undefined) return;
          for (const line of lines) {
            if (predicate(JSON.parse(line))) expect(prefilter.mustParse(Buffer.from(line, "utf8")), `${query} on ${line}`).toBe(true);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe("gql filter --fast", () => {
  it("writes the same lines as the full path", async () => {
    const directory = await mkdtemp(join(tmpdir(), "gql-fast-"));
    const file = join(directory, "events.ndjson");
    const lines = [
      '{"flow":"CLASSIFICATION","size":1}',
      '{"flow":"CATALOGUING","classification":"PUBLIC"}',
      '{"flow":"classification","size":2}',
      '{"flow":"CLASSIFICATIO\\u004e"}',
      "not json and no value",
      '{"flow":"CATALOGUING"}',
      '{"flow":"CLASSIFICATION", "owner":"é"}',
    ];
    await writeFile(file, `${lines.join("\n")}\n`);
    const run = (extra: string[]) =>
      promisify(execFile)(process.execPath, ["dist/cli.js", "filter", "--dataset", "files", ...extra, "flow = CLASSIFICATION", file]);
    const full = await run([]);
    const fast = await run(["--fast"]);
    expect(fast.stdout).toBe(full.stdout);
    expect(full.stdout.split("\n").filter((line) => line !== "")).toHaveLength(4);
    expect(full.stderr).toContain("read 7, matched 4, malformed 1");
    expect(fast.stderr).toContain("read 7, matched 4, malformed 0, skipped without parsing 3");
  });
});
