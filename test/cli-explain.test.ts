import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function gql(args: string[], input?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ["dist/cli.js", ...args], (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === "number" ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
    child.stdin?.end(input ?? "");
  });
}

const query = "flow = CLASSIFICATION AND (size > 10MB OR classification >= CONFIDENTIAL) AND owner != bob";

describe("gql explain", () => {
  it("prints the tree and the deciding conditions", async () => {
    const run = await gql(["explain", "--dataset", "files", query, '{"flow":"CLASSIFICATION","size":2048,"classification":"internal"}']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      [
        "false  AND",
        '  true   flow = CLASSIFICATION  (flow is "CLASSIFICATION")',
        "  false  OR",
        "    false  size > 10MB  (size is 2,048 bytes)",
        '    false  classification >= CONFIDENTIAL  (classification is "internal")',
        "  true   owner != bob  (owner is missing)",
        "",
        "No match.",
        "`size > 10MB` was false: size is 2,048 bytes.",
        '`classification >= CONFIDENTIAL` was false: classification is "internal".',
        "",
      ].join("\n"),
    );
  });

  it("reads the event from standard input", async () => {
    const run = await gql(["explain", "--dataset", "files", "size > 10MB"], '{"size": 20000000}');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("true   size > 10MB  (size is 20,000,000 bytes)");
  });

  it("prints the generated code on request", async () => {
    const run = await gql(["explain", "--dataset", "files", "--code", "owner = bob", '{"owner":"Bob"}']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("return function gqlPredicate(event)");
    expect(run.stdout).not.toContain('"bob"');
  });

  it("prints JSON", async () => {
    const run = await gql(["explain", "--dataset", "files", "--json", "size > 1", '{"size": 2}']);
    const parsed = JSON.parse(run.stdout) as { result: boolean; root: { kind: string; value: string } };
    expect(parsed.result).toBe(true);
    expect(parsed.root.kind).toBe("condition");
    expect(parsed.root.value).toBe("size is 2 bytes");
  });

  it("uses --now for relative times", async () => {
    const run = await gql(["explain", "--dataset", "files", "--now", "2024-03-10T00:00:00Z", "modifiedAt > now-7d", '{"modifiedAt":"2024-03-05T00:00:00Z"}']);
    expect(run.code).toBe(0);
  });

  it("rejects an event that is not an object", async () => {
    const run = await gql(["explain", "--dataset", "files", "size > 1", "[1]"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("the event must be a JSON object");
    expect(run.stderr).not.toContain("    at ");
  });

  it("reports an invalid query", async () => {
    const run = await gql(["explain", "--dataset", "files", "size > big", "{}"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("error[GQL402]");
  });
});
