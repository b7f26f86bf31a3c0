/**
 * The gql command line, run as a real child process: `node dist/cli.js ...`. Run `npm run build`
 * first, because these tests exercise the bundled file that package.json publishes as `gql`.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compile } from "../src/index.js";

const root = resolve(import.meta.dirname, "..");
const cliPath = join(root, "dist", "cli.js");
const version = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version;

let workDir = "";

beforeAll(() => {
  if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing; run npm run build before these tests.`);
  workDir = mkdtempSync(join(tmpdir(), "gql-cli-test-"));
});

afterAll(() => {
  if (workDir !== "") rmSync(workDir, { recursive: true, force: true });
});

interface RunResult {
  status: number | null;
  stdout: Buffer;
  stderr: string;
}

interface RunOptions {
  input?: string | Buffer;
  environment?: NodeJS.ProcessEnv;
}

/** Runs `node dist/cli.js ...args`, feeding `input` to standard input, and collects its output. */
function runGql(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const environment = options.environment ?? withoutColorVariables(process.env);
    const child = spawn(process.execPath, [cliPath, ...args], { cwd: workDir, env: environment, stdio: ["pipe", "pipe", "pipe"] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", reject);
    child.on("close", (status) => resolvePromise({ status, stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr).toString("utf8") }));
    // The child may exit before reading all of its input, for instance on a usage error.
    child.stdin.on("error", () => undefined);
    child.stdin.end(options.input ?? "");
  });
}

function withoutColorVariables(environment: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...environment };
  delete copy["NO_COLOR"];
  delete copy["FORCE_COLOR"];
  return copy;
}

function writeTemp(name: string, content: string | Buffer): string {
  const path = join(workDir, name);
  writeFileSync(path, content);
  return path;
}

function lines(text: string): string[] {
  return text.split("\n").filter((line) => line !== "");
}

const stackTraceLine = "    at ";
const commandNames = ["check", "filter", "fields", "fmt", "help"];

describe("help and version", () => {
  it("gql --help lists every command", async () => {
    const result = await runGql(["--help"]);
    expect(result.status).toBe(0);
    const text = result.stdout.toString();
    for (const name of commandNames) expect(text).toMatch(new RegExp(`^  ${name} `, "m"));
  });

  it("gql -h prints the main help", async () => {
    const result = await runGql(["-h"]);
    expect(result.status).toBe(0);
    expect(result.stdout.toString()).toContain("Usage: gql COMMAND");
  });

  it("gql help without a command prints the main help", async () => {
    const result = await runGql(["help"]);
    expect(result.status).toBe(0);
    expect(result.stdout.toString()).toContain("Usage: gql COMMAND");
  });

  it.each(commandNames)("gql %s --help matches gql help", async (name) => {
    const viaOption = await runGql([name, "--help"]);
    const viaCommand = await runGql(["help", name]);
    expect(viaOption.status).toBe(0);
    expect(viaCommand.status).toBe(0);
    expect(viaOption.stdout.toString()).toContain(`Usage: gql ${name}`);
    expect(viaCommand.stdout.toString()).toBe(viaOption.stdout.toString());
    expect(viaOption.stderr).toBe("");
  });

  it("command --help wins over other errors", async () => {
    const result = await runGql(["filter", "--no-such-option", "--help"]);
    expect(result.status).toBe(0);
    expect(result.stdout.toString()).toContain("Usage: gql filter");
  });

  it("-h inside a short option group", async () => {
    const result = await runGql(["filter", "-qh"]);
    expect(result.status).toBe(0);
    expect(result.stdout.toString()).toContain("Usage: gql filter");
  });

  it("filter --help documents the line handling", async () => {
    const text = (await runGql(["filter", "--help"])).stdout.toString();
    expect(text).toContain('"\\r\\n"');
    expect(text).toContain("read N, matched M, malformed K");
    expect(text).toContain("--strict");
  });

  it("help for an unknown command is a usage error", async () => {
    const result = await runGql(["help", "fitler"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("Did you mean filter?");
  });

  it("--version prints the package version", async () => {
    for (const flag of ["--version", "-V"]) {
      const result = await runGql([flag]);
      expect(result.status).toBe(0);
      expect(result.stdout.toString()).toBe(`${version}\n`);
    }
  });
});

describe("usage errors", () => {
  const cases: { name: string; args: string[]; message: string; help: string }[] = [
    { name: "no command", args: [], message: "no command given", help: "Run gql --help for usage." },
    { name: "unknown command", args: ["chek"], message: 'unknown command "chek". Did you mean check?', help: "Run gql --help for usage." },
    { name: "option before command", args: ["--dataset", "files"], message: "expected a command", help: "Run gql --help for usage." },
    {
      name: "unknown option",
      args: ["check", "--dataset", "files", "--jsno", "a = 1"],
      message: 'unknown option "--jsno". Did you mean --json?',
      help: "Run gql check --help for usage.",
    },
    { name: "missing query", args: ["check", "--dataset", "files"], message: "the query is missing", help: "Run gql check --help for usage." },
    {
      name: "two query arguments",
      args: ["check", "--dataset", "files", "size", "> 1"],
      message: "expected one query argument, got 2",
      help: "Run gql check --help for usage.",
    },
    { name: "missing dataset", args: ["check", "size > 1"], message: "the dataset is missing", help: "Run gql check --help for usage." },
    {
      name: "unknown dataset",
      args: ["filter", "--dataset", "fils", "size > 1"],
      message: 'unknown dataset "fils"; the built-in datasets are files, activity and streaming. Did you mean files?',
      help: "Run gql filter --help for usage.",
    },
    {
      name: "both dataset options",
      args: ["fields", "--dataset", "files", "--dataset-file", "x.json"],
      message: "either --dataset or --dataset-file",
      help: "Run gql fields --help for usage.",
    },
    { name: "option without value", args: ["fields", "--dataset"], message: "the option --dataset needs a value", help: "Run gql fields --help for usage." },
    {
      name: "option value that is an option",
      args: ["fields", "--dataset", "--json"],
      message: "the option --dataset needs a value",
      help: "Run gql fields --help for usage.",
    },
    { name: "value for a flag", args: ["fields", "--dataset", "files", "--json=yes"], message: "takes no value", help: "Run gql fields --help for usage." },
    { name: "argument to fields", args: ["fields", "--dataset", "files", "extra"], message: 'unexpected argument "extra"', help: "Run gql fields --help for usage." },
    { name: "invalid --now", args: ["filter", "--dataset", "files", "--now", "yesterday", "size > 1"], message: '--now "yesterday" is not a timestamp', help: "Run gql filter --help for usage." },
    {
      name: "invalid --max-line-size",
      args: ["filter", "--dataset", "files", "--max-line-size", "0", "size > 1"],
      message: '--max-line-size "0" is invalid',
      help: "Run gql filter --help for usage.",
    },
    { name: "stdin twice", args: ["filter", "--dataset", "files", "size > 1", "-", "-"], message: "standard input (-) can be given only once", help: "Run gql filter --help for usage." },
  ];

  it.each(cases)("$name exits 2 with one line and a hint", async ({ args, message, help }) => {
    const result = await runGql(args);
    expect(result.status).toBe(2);
    expect(result.stdout.length).toBe(0);
    const [first, second, ...rest] = lines(result.stderr);
    expect(first).toContain(message);
    expect(second).toBe(help);
    expect(rest).toEqual([]);
    expect(result.stderr).not.toContain(stackTraceLine);
  });
});

describe("gql check", () => {
  it("prints valid for a valid query", async () => {
    const result = await runGql(["check", "--dataset", "files", "classification >= CONFIDENTIAL AND size > 10MB"]);
    expect(result.status).toBe(0);
    expect(result.stdout.toString()).toBe("valid\n");
  });

  it("prints diagnostics for an invalid query", async () => {
    const result = await runGql(["check", "--dataset", "files", "classification >= confidental"]);
    expect(result.status).toBe(1);
    const text = result.stdout.toString();
    expect(text).toContain("error[GQL301]");
    expect(text).toContain("Did you mean CONFIDENTIAL?");
    expect(text).toContain("--> 1:19");
    expect(text).not.toContain("\u001b[");
    expect(result.stderr).toBe("");
  });

  it("--json reports ok and full ranges", async () => {
    const invalid = await runGql(["check", "--dataset", "files", "--json", "siz > 1"]);
    expect(invalid.status).toBe(1);
    const report = JSON.parse(invalid.stdout.toString()) as { ok: boolean; diagnostics: { code: string; range: unknown }[] };
    expect(report.ok).toBe(false);
    expect(report.diagnostics[0]?.code).toBe("GQL200");
    expect(report.diagnostics[0]?.range).toEqual({ start: { offset: 0, line: 1, column: 1 }, end: { offset: 3, line: 1, column: 4 } });

    const valid = await runGql(["check", "--dataset", "files", "--json", "size > 1"]);
    expect(valid.status).toBe(0);
    expect(JSON.parse(valid.stdout.toString())).toEqual({ ok: true, diagnostics: [] });
  });

  it("--color forces colour and --no-color after it removes it", async () => {
    const colored = await runGql(["check", "--dataset", "files", "--color", "siz > 1"]);
    expect(colored.stdout.toString()).toContain("\u001b[");
    const plain = await runGql(["check", "--dataset", "files", "--color", "--no-color", "siz > 1"]);
    expect(plain.stdout.toString()).not.toContain("\u001b[");
    expect(plain.status).toBe(1);
  });

  it("reports an empty query as invalid", async () => {
    const result = await runGql(["check", "--dataset", "files", ""]);
    expect(result.status).toBe(1);
    expect(result.stdout.toString()).toContain("GQL108");
  });
});

describe("gql fields", () => {
  it("prints a table with ordered labels", async () => {
    const result = await runGql(["fields", "--dataset", "files"]);
    expect(result.status).toBe(0);
    const text = result.stdout.toString();
    expect(text).toMatch(/^FIELD +TYPE +DESCRIPTION$/m);
    expect(text).toMatch(/^classification +ordered enum +Classification label/m);
    expect(text).toContain("order: PUBLIC < INTERNAL < CONFIDENTIAL < HIGHLY_CONFIDENTIAL");
    expect(text).toContain("labels: CATALOGUING, CLASSIFICATION");
    expect(text).toContain("range: 0 to 100");
  });

  it("lists nested fields of activity", async () => {
    const result = await runGql(["fields", "--dataset", "activity"]);
    expect(result.stdout.toString()).toMatch(/^file\.path +string/m);
  });

  it("--json round-trips through --dataset-file", async () => {
    const first = await runGql(["fields", "--dataset", "streaming", "--json"]);
    expect(first.status).toBe(0);
    const spec = JSON.parse(first.stdout.toString()) as { name: string; fields: Record<string, { type: string; ordered?: boolean }> };
    expect(spec.name).toBe("streaming");
    expect(spec.fields["risk"]).toMatchObject({ type: "enum", ordered: true });
    expect(spec.fields["sharedWith"]?.type).toBe("string[]");

    const path = writeTemp("streaming.json", first.stdout);
    const second = await runGql(["fields", "--dataset-file", path, "--json"]);
    expect(second.status).toBe(0);
    expect(second.stdout.toString()).toBe(first.stdout.toString());
  });
});

describe("gql fmt", () => {
  it("prints the canonical form", async () => {
    const result = await runGql(["fmt", "a=1 && !(b ~ 'x*' || c<>d)"]);
    expect(result.status).toBe(0);
    expect(result.stdout.toString()).toBe('a = 1 AND NOT (b ~ "x*" OR c != d)\n');
  });

  it("--dataset takes the schema spelling", async () => {
    const result = await runGql(["fmt", "--dataset", "files", "CLASSIFICATION>=confidential and OWNER = bob"]);
    expect(result.status).toBe(0);
    expect(result.stdout.toString()).toBe("classification >= CONFIDENTIAL AND owner = bob\n");
  });

  it("prints diagnostics on stderr for an invalid query", async () => {
    const result = await runGql(["fmt", "a = = 1"]);
    expect(result.status).toBe(1);
    expect(result.stdout.length).toBe(0);
    expect(result.stderr).toContain("error[GQL107]");
    expect(result.stderr).not.toContain(stackTraceLine);
  });

  it("checks against the dataset when given", async () => {
    const result = await runGql(["fmt", "--dataset", "files", "nosuchfield = 1"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("GQL200");
  });
});

describe("--dataset-file", () => {
  it("checks and filters with custom fields", async () => {
    const path = writeTemp("service.json", JSON.stringify({ name: "service", extends: "files", fields: { tenant: "string", tier: { type: "enum", labels: ["FREE", "PRO"], ordered: true } } }));
    const checked = await runGql(["check", "--dataset-file", path, "tenant = acme AND tier >= pro"]);
    expect(checked.status).toBe(0);
    expect(checked.stdout.toString()).toBe("valid\n");

    const input = '{"tenant":"acme","tier":"PRO"}\n{"tenant":"acme","tier":"FREE"}\n';
    const filtered = await runGql(["filter", "--dataset-file", path, "--quiet", "tenant = acme AND tier >= pro"], { input });
    expect(filtered.stdout.toString()).toBe('{"tenant":"acme","tier":"PRO"}\n');
  });

  it("an invalid file is a user error without stack trace", async () => {
    const cases: { content: string | undefined; message: string }[] = [
      { content: "{ not json", message: "is not valid JSON" },
      { content: "[]", message: "must contain a JSON object" },
      { content: JSON.stringify({ name: "x", fields: { a: "text" } }), message: 'has the type "text"' },
      { content: undefined, message: "ENOENT" },
    ];
    for (const [index, { content, message }] of cases.entries()) {
      const path = content === undefined ? join(workDir, "missing-dataset.json") : writeTemp(`bad-${index}.json`, content);
      const result = await runGql(["fields", "--dataset-file", path]);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(message);
      expect(result.stderr).not.toContain(stackTraceLine);
    }
  });
});

const fixedNow = "2024-03-01T12:00:00Z";

describe("gql filter", () => {
  const query = "classification >= CONFIDENTIAL";
  const matchA = '{"id":"a","classification":"CONFIDENTIAL"}';
  const matchB = '{"id":"b","classification":"highly_confidential","size":5}';
  const skip = '{"id":"c","classification":"PUBLIC"}';

  it("reads a file and writes the matching lines", async () => {
    const path = writeTemp("plain.ndjson", [matchA, skip, matchB, ""].join("\n"));
    const result = await runGql(["filter", "--dataset", "files", query, path]);
    expect(result.status).toBe(0);
    expect(result.stdout.toString()).toBe(`${matchA}\n${matchB}\n`);
    expect(result.stderr).toBe("read 3, matched 2, malformed 0\n");
  });

  it("reads standard input without files or with -", async () => {
    const input = [skip, matchA, ""].join("\n");
    const implicit = await runGql(["filter", "--dataset", "files", query], { input });
    expect(implicit.stdout.toString()).toBe(`${matchA}\n`);
    const path = writeTemp("before-stdin.ndjson", `${matchB}\n`);
    const explicit = await runGql(["filter", "--dataset", "files", query, path, "-"], { input });
    expect(explicit.stdout.toString()).toBe(`${matchB}\n${matchA}\n`);
    expect(explicit.stderr).toBe("read 3, matched 2, malformed 0\n");
  });

  it("reads several files in order", async () => {
    const first = writeTemp("first.ndjson", `${matchB}\n${skip}\n`);
    const second = writeTemp("second.ndjson", `${matchA}\n`);
    const result = await runGql(["filter", "--dataset", "files", query, second, first, second]);
    expect(result.stdout.toString()).toBe(`${matchA}\n${matchB}\n${matchA}\n`);
    expect(result.stderr).toBe("read 4, matched 3, malformed 0\n");
  });

  it("reports malformed lines with file and line number", async () => {
    const content = [matchA, "not json", "", "[1, 2]", "   ", matchB, '"text"', "null", '{"open": ', matchA].join("\n");
    const path = writeTemp("malformed.ndjson", content);
    const result = await runGql(["filter", "--dataset", "files", query, path]);
    expect(result.status).toBe(0);
    expect(result.stdout.toString()).toBe(`${matchA}\n${matchB}\n${matchA}\n`);
    const reports = lines(result.stderr);
    expect(reports[0]).toMatch(/^gql filter: .*malformed\.ndjson:2: invalid JSON/);
    expect(reports[1]).toMatch(/malformed\.ndjson:4: the JSON value is an array, not an object$/);
    expect(reports[2]).toMatch(/malformed\.ndjson:7: the JSON value is a string, not an object$/);
    expect(reports[3]).toMatch(/malformed\.ndjson:8: the JSON value is null, not an object$/);
    expect(reports[4]).toMatch(/malformed\.ndjson:9: invalid JSON/);
    expect(reports[5]).toBe("read 8, matched 3, malformed 5");
    expect(reports).toHaveLength(6);
  });

  it("--strict exits 1 after reading every line", async () => {
    const path = writeTemp("strict.ndjson", `${matchA}\nbroken\n${matchB}\n`);
    const result = await runGql(["filter", "--dataset", "files", "--strict", query, path]);
    expect(result.status).toBe(1);
    expect(result.stdout.toString()).toBe(`${matchA}\n${matchB}\n`);
    expect(result.stderr).toContain("strict.ndjson:2: invalid JSON");
    expect(result.stderr).toContain("read 3, matched 2, malformed 1");

    const clean = writeTemp("strict-clean.ndjson", `${matchA}\n`);
    expect((await runGql(["filter", "--dataset", "files", "--strict", query, clean])).status).toBe(0);
  });

  it("--quiet suppresses the summary", async () => {
    const result = await runGql(["filter", "--dataset", "files", "-q", query], { input: `${matchA}\nbroken\n` });
    expect(result.stdout.toString()).toBe(`${matchA}\n`);
    expect(lines(result.stderr)).toHaveLength(1);
    expect(result.stderr).toContain("<stdin>:2: invalid JSON");
  });

  it("strips CRLF terminators and keeps the rest", async () => {
    const path = writeTemp("crlf.ndjson", `${matchA}\r\n${skip}\r\n${matchB}\r\n\r\n`);
    const result = await runGql(["filter", "--dataset", "files", query, path]);
    expect(result.stdout.toString()).toBe(`${matchA}\n${matchB}\n`);
    expect(result.stderr).toBe("read 3, matched 2, malformed 0\n");
  });

  it("keeps the line bytes unchanged", async () => {
    const odd = '  {"classification" : "CONFIDENTIAL", "name":"caf\u00e9 \\u00e9"}\t';
    const result = await runGql(["filter", "--dataset", "files", query], { input: `${odd}\n` });
    expect(result.stdout.toString()).toBe(`${odd}\n`);
  });

  it("reads a last line without terminator", async () => {
    const path = writeTemp("no-final-newline.ndjson", `${skip}\n${matchA}`);
    const result = await runGql(["filter", "--dataset", "files", query, path]);
    expect(result.stdout.toString()).toBe(`${matchA}\n`);
    expect(result.stderr).toBe("read 2, matched 1, malformed 0\n");
  });

  it("handles a line larger than 1 MB", async () => {
    const big = JSON.stringify({ classification: "CONFIDENTIAL", path: "x".repeat(3 * 1024 * 1024) });
    const path = writeTemp("big-line.ndjson", `${skip}\n${big}\n${matchA}\n`);
    const result = await runGql(["filter", "--dataset", "files", `${query} AND path ~ "xxx"`, path]);
    expect(result.status).toBe(0);
    expect(result.stdout.length).toBe(big.length + 1);
    expect(result.stdout.toString()).toBe(`${big}\n`);
  });

  it("reports lines over --max-line-size", async () => {
    const long = JSON.stringify({ classification: "CONFIDENTIAL", path: "y".repeat(5000) });
    const path = writeTemp("too-long.ndjson", `${matchA}\n${long}\n${matchB}`);
    const result = await runGql(["filter", "--dataset", "files", "--max-line-size", "1KiB", query, path]);
    expect(result.stdout.toString()).toBe(`${matchA}\n${matchB}\n`);
    expect(result.stderr).toContain(`too-long.ndjson:2: the line is ${long.length} bytes long, over the limit of 1024 bytes`);
    expect(result.stderr).toContain("read 3, matched 2, malformed 1");
  });

  it("reports invalid UTF-8 as malformed", async () => {
    const content = Buffer.concat([Buffer.from(`${matchA}\n{"name":"`), Buffer.from([0xff, 0xfe]), Buffer.from(`"}\n${matchB}\n`)]);
    const result = await runGql(["filter", "--dataset", "files", query], { input: content });
    expect(result.stdout.toString()).toBe(`${matchA}\n${matchB}\n`);
    expect(result.stderr).toContain("<stdin>:2: invalid UTF-8");
  });

  it("skips a byte order mark at the start", async () => {
    const content = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${matchA}\n`)]);
    const result = await runGql(["filter", "--dataset", "files", query], { input: content });
    expect(result.stdout.toString()).toBe(`${matchA}\n`);
    expect(result.stderr).toBe("read 1, matched 1, malformed 0\n");
  });

  it("reports an unreadable file and goes on", async () => {
    const missing = join(workDir, "does-not-exist.ndjson");
    const present = writeTemp("present.ndjson", `${matchA}\n`);
    const result = await runGql(["filter", "--dataset", "files", query, missing, present, workDir]);
    expect(result.status).toBe(1);
    expect(result.stdout.toString()).toBe(`${matchA}\n`);
    expect(result.stderr).toContain(`cannot read ${missing}: ENOENT: no such file or directory`);
    expect(result.stderr).toContain(`cannot read ${workDir}: EISDIR`);
    expect(result.stderr).toContain("read 1, matched 1, malformed 0; 2 inputs could not be read");
    expect(result.stderr).not.toContain(stackTraceLine);
  });

  it("exits 2 with diagnostics for an invalid query", async () => {
    const result = await runGql(["filter", "--dataset", "files", "classification >= SECRET"], { input: `${matchA}\n` });
    expect(result.status).toBe(2);
    expect(result.stdout.length).toBe(0);
    expect(result.stderr).toContain("error[GQL301]");
    expect(result.stderr).not.toContain(stackTraceLine);
  });

  it("prints query warnings and still runs", async () => {
    const input = '{"size":20}\n';
    const result = await runGql(["filter", "--dataset", "files", "size > 10 AND size < 5"], { input });
    expect(result.status).toBe(0);
    expect(result.stdout.length).toBe(0);
    expect(result.stderr).toMatch(/^warning\[GQL\d+\]/);
    expect(result.stderr).toContain("read 1, matched 0, malformed 0");

    const quiet = await runGql(["filter", "--dataset", "files", "--quiet", "size > 10 AND size < 5"], { input });
    expect(quiet.stderr).toBe("");
  });

  it("--now fixes relative times", async () => {
    const recent = '{"createdAt":"2024-02-28T00:00:00Z"}';
    const old = '{"createdAt":"2024-01-01T00:00:00Z"}';
    const input = `${recent}\n${old}\n`;
    const result = await runGql(["filter", "--dataset", "files", "--now", fixedNow, "createdAt > now-7d"], { input });
    expect(result.stdout.toString()).toBe(`${recent}\n`);
    const earlier = await runGql(["filter", "--dataset", "files", "--now", "2024-01-03", "createdAt > now-7d"], { input });
    expect(earlier.stdout.toString()).toBe(`${recent}\n${old}\n`);
  });

  it("exits 0 quietly when stdout closes early", async () => {
    const block = `${matchA}\n`.repeat(20_000);
    const path = writeTemp("many.ndjson", block.repeat(20));
    const outcome = await new Promise<{ status: number | null; stderr: string; firstChunk: string }>((resolvePromise, reject) => {
      const child = spawn(process.execPath, [cliPath, "filter", "--dataset", "files", query, path], { stdio: ["ignore", "pipe", "pipe"] });
      let firstChunk = "";
      const stderr: Buffer[] = [];
      child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
      child.stdout.once("data", (chunk: Buffer) => {
        firstChunk = chunk.toString();
        // Closing the reading end is what `| head -1` does after its first line.
        child.stdout.destroy();
      });
      child.on("error", reject);
      child.on("close", (status) => resolvePromise({ status, stderr: Buffer.concat(stderr).toString(), firstChunk }));
    });
    expect(outcome.firstChunk.startsWith(`${matchA}\n`)).toBe(true);
    expect(outcome.status).toBe(0);
    expect(outcome.stderr).toBe("");
  });
});

describe("gql filter output property", () => {
  const queries = [
    "classification >= CONFIDENTIAL OR owner ~ 'a*'",
    "size > 1KB AND NOT sensitive = true",
    "compliance IN (GDPR, PCI) OR createdAt > now-30d",
    "owner IS NULL",
  ];

  const event = fc.record(
    {
      classification: fc.constantFrom("PUBLIC", "internal", "CONFIDENTIAL", "Highly_Confidential", "unknown"),
      owner: fc.oneof(fc.string({ maxLength: 6 }), fc.constant(null)),
      size: fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.constant("2000")),
      sensitive: fc.boolean(),
      compliance: fc.array(fc.constantFrom("GDPR", "PCI", "PII"), { maxLength: 3 }),
      createdAt: fc.constantFrom("2024-02-20T00:00:00Z", "2023-01-01", "yesterday"),
    },
    { requiredKeys: [] },
  );

  const line = fc.oneof(
    { weight: 5, arbitrary: event.map((value) => JSON.stringify(value)) },
    { weight: 1, arbitrary: event.map((value) => ` ${JSON.stringify(value, null, 0)}\t`) },
    { weight: 1, arbitrary: fc.constantFrom("[1,2]", "42", '"text"', "null", "true") },
    { weight: 2, arbitrary: fc.string({ maxLength: 12 }).map((text) => text.replace(/\n/g, "")) },
    { weight: 1, arbitrary: fc.constantFrom('{"classification":', "{,}", "not json", "{'a':1}") },
    { weight: 2, arbitrary: fc.constantFrom("", " ", "\t", " \t ") },
  );

  const document = fc.record({
    lines: fc.array(fc.record({ text: line, terminator: fc.constantFrom("\n", "\r\n") }), { maxLength: 30 }),
    finalTerminator: fc.boolean(),
    query: fc.constantFrom(...queries),
  });

  /** Computes what gql filter must output, from the line rules in its help and written independently of it. */
  function expectedOutcome(input: string, query: string): { stdout: string; malformedLines: number[]; read: number } {
    const predicate = compile(query, { dataset: "files", now: () => Date.parse(fixedNow) });
    const pieces = input.split("\n");
    if (pieces[pieces.length - 1] === "") pieces.pop();
    let stdout = "";
    let read = 0;
    const malformedLines: number[] = [];
    pieces.forEach((piece, index) => {
      const text = piece.endsWith("\r") ? piece.slice(0, -1) : piece;
      if (/^[ \t\r]*$/.test(text)) return;
      read++;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        malformedLines.push(index + 1);
        return;
      }
      if (value === null || typeof value !== "object" || Array.isArray(value)) {
        malformedLines.push(index + 1);
        return;
      }
      if (predicate(value)) stdout += `${text}\n`;
    });
    return { stdout, malformedLines, read };
  }

  it("writes exactly the lines compile accepts", async () => {
    await fc.assert(
      fc.asyncProperty(document, async ({ lines: documentLines, finalTerminator, query }) => {
        let input = documentLines.map(({ text, terminator }) => text + terminator).join("");
        if (!finalTerminator && documentLines.length > 0) {
          input = input.slice(0, -(documentLines[documentLines.length - 1] as { terminator: string }).terminator.length);
        }
        const path = writeTemp("property.ndjson", input);
        const result = await runGql(["filter", "--dataset", "files", "--now", fixedNow, query, path]);
        const expected = expectedOutcome(input, query);

        expect(result.status).toBe(0);
        expect(result.stdout.toString()).toBe(expected.stdout);
        const stderrLines = lines(result.stderr);
        const reportedLines = stderrLines.flatMap((report) => {
          const match = /^gql filter: .*property\.ndjson:(\d+): /.exec(report);
          return match === null ? [] : [Number(match[1])];
        });
        const summary = stderrLines[stderrLines.length - 1];
        expect(reportedLines).toEqual(expected.malformedLines);
        const matched = expected.stdout === "" ? 0 : expected.stdout.split("\n").length - 1;
        expect(summary).toBe(`read ${expected.read}, matched ${matched}, malformed ${expected.malformedLines.length}`);
      }),
      { numRuns: 40 },
    );
    // Each run starts a node process, which takes a few hundred milliseconds on a busy machine.
  }, 300_000);
});
