import { execFile } from "node:child_process";
import { mkdtemp, readFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";

// The benchmarks run here with tiny sizes so that they keep working; no time is asserted.
it("bench smoke run completes", async () => {
  const directory = await mkdtemp(join(tmpdir(), "gql-bench-"));
  await promisify(execFile)(process.execPath, ["bench/run.mjs", "--smoke", "--strict", "--out", directory], { maxBuffer: 64 * 1024 * 1024 });
  const results = JSON.parse(await readFile(join(directory, "results.json"), "utf8")) as unknown;
  const statuses = JSON.stringify(results).match(/"status":"[a-z-]+"/g) ?? [];
  // --strict already fails the run when the hand-written or closure predicate disagrees with dspm-gql.
  expect(statuses).toContain('"status":"ok"');
  expect((await stat(join(directory, "RESULTS.md"))).size).toBeGreaterThan(0);
  expect((await readFile(join(directory, "ratios.svg"), "utf8")).startsWith("<svg")).toBe(true);
}, 300_000);
