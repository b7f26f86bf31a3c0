/**
 * Tests of the demo: the catalogue in examples/catalogue.mjs against an independent walk written
 * here with `fs`, match counts computed by the real CLI (dist/cli.js in a child process), and the
 * demo script end to end.
 */
import { execFile, execFileSync, spawn } from "node:child_process";
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogueEvents, emptySummary, writeCatalogueFile, type CatalogueEvent, type CatalogueSummary } from "../examples/catalogue.mjs";
import { compile } from "../src/index.js";

const projectRoot = fileURLToPath(new URL("..", import.meta.url));
const cliPath = path.join(projectRoot, "dist", "cli.js");
const demoPath = path.join(projectRoot, "examples", "demo.mjs");
const cataloguePath = path.join(projectRoot, "examples", "catalogue.mjs");

/**
 * Installed packages catalogued by the tests. Whole node_modules is not used because test runners
 * write caches into it (node_modules/.vite) while the tests run, which would make the two walks differ.
 */
const packageRoots = ["typescript", "chevrotain", "lodash-es", "vitest", "@types"].map((name) =>
  path.join(projectRoot, "node_modules", name),
);

const run = promisify(execFile);
let scratch: string;

beforeAll(async () => {
  await run("npm", ["run", "build"], { cwd: projectRoot, maxBuffer: 16 * 1024 * 1024 });
  scratch = mkdtempSync(path.join(tmpdir(), "dspm-gql-demo-test-"));
}, 180_000);

afterAll(() => {
  // GNU rm removes trees deeper than PATH_MAX, which fs.rmSync cannot.
  if (scratch !== undefined) execFileSync("rm", ["-rf", scratch]);
});

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

function spawnNode(args: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: projectRoot, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8");
    child.stderr.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Runs a script of dist/ (or one that imports dist/) with retries, because other builds running at
 * the same time can remove and rewrite dist/ files for a moment.
 */
async function runWithDist(args: string[]): Promise<CliRun> {
  let result: CliRun | undefined;
  for (let attempt = 0; attempt < 10; attempt += 1) {
    if (existsSync(cliPath)) {
      result = await spawnNode(args);
      const missingModule = /ERR_MODULE_NOT_FOUND|Cannot find module/.test(result.stderr);
      if (!missingModule) return result;
    }
    await sleep(500);
  }
  if (result === undefined) throw new Error(`${cliPath} is still missing after retries; run npm run build.`);
  return result;
}

interface FilterResult {
  read: number;
  matched: number;
  malformed: number;
  lines: string[];
}

/** Runs `gql filter --dataset files QUERY FILE...` through dist/cli.js and parses its output. */
async function filter(query: string, files: string[]): Promise<FilterResult> {
  const result = await runWithDist([cliPath, "filter", "--dataset", "files", query, ...files]);
  expect(result.code, `gql filter ${query} failed:\n${result.stderr}`).toBe(0);
  const summary = /read (\d+), matched (\d+), malformed (\d+)/.exec(result.stderr);
  expect(summary, `no summary on stderr for ${query}:\n${result.stderr}`).not.toBeNull();
  const lines = result.stdout.split("\n").filter((line) => line !== "");
  return {
    read: Number(summary?.[1]),
    matched: Number(summary?.[2]),
    malformed: Number(summary?.[3]),
    lines,
  };
}

interface WalkedFile {
  path: string;
  name: string;
  size: number;
}

/** Lists the regular files under a directory with plain fs calls, not following symbolic links. */
function walkRegularFiles(root: string): WalkedFile[] {
  const found: WalkedFile[] = [];
  const visit = (directory: string): void => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const entryPath = path.join(directory, entry.name);
      const stats = lstatSync(entryPath);
      if (stats.isDirectory()) visit(entryPath);
      else if (stats.isFile()) found.push({ path: entryPath, name: entry.name, size: stats.size });
    }
  };
  visit(root);
  return found;
}

/** Returns the lower-case text after the last dot of a name, or "" when no dot follows its first character. */
function lowerCaseSuffix(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}

function readEvents(file: string): CatalogueEvent[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as CatalogueEvent);
}

describe("catalogue of installed packages", () => {
  let files: string[];
  let summaries: CatalogueSummary[];
  let walked: WalkedFile[];

  beforeAll(async () => {
    files = [];
    summaries = [];
    for (const [index, root] of packageRoots.entries()) {
      const file = path.join(scratch, `packages-${index}.ndjson`);
      summaries.push(await writeCatalogueFile(root, file));
      files.push(file);
    }
    walked = packageRoots.flatMap(walkRegularFiles);
  }, 120_000);

  it("lists every regular file once", () => {
    const events = files.flatMap(readEvents);
    const catalogued = summaries.reduce((total, summary) => total + summary.files, 0);
    const unreadable = summaries.reduce((total, summary) => total + summary.unreadable, 0);
    expect(walked.length).toBeGreaterThan(1000);
    expect(events.length).toBe(walked.length);
    expect(catalogued).toBe(walked.length);
    expect(unreadable).toBe(0);

    const sizes = new Map(walked.map((file) => [file.path.split(path.sep).join("/"), file.size]));
    for (const event of events) {
      expect(sizes.get(event.path), event.path).toBe(event.size);
    }
    expect(new Set(events.map((event) => event.path)).size).toBe(events.length);
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
  });

  it("counts large JavaScript files like fs", async () => {
    const expected = walked.filter((file) => lowerCaseSuffix(file.name) === "js" && file.size > 100_000).length;
    const result = await filter("extension = js AND size > 100KB", files);
    expect(expected).toBeGreaterThan(0);
    expect(result.read).toBe(walked.length);
    expect(result.malformed).toBe(0);
    expect(result.matched).toBe(expected);
    expect(result.lines.length).toBe(expected);
  });

  it("counts licence files like fs", async () => {
    const expected = walked.filter((file) => file.name.toLowerCase().startsWith("license")).length;
    const result = await filter("name ~ LICENSE*", files);
    expect(expected).toBeGreaterThan(0);
    expect(result.matched).toBe(expected);
    expect(result.lines.length).toBe(expected);
  });

  it("counts Markdown files like fs", async () => {
    const expected = walked.filter((file) => lowerCaseSuffix(file.name) === "md").length;
    const result = await filter("extension = md", files);
    expect(expected).toBeGreaterThan(0);
    expect(result.matched).toBe(expected);
  });

  it("counts @types declarations like fs", async () => {
    const expected = walked.filter(
      (file) => file.path.split(path.sep).includes("@types") && file.name.toLowerCase().endsWith(".d.ts"),
    ).length;
    const result = await filter("path ~ */@types/* AND name ~ *.d.ts", files);
    expect(expected).toBeGreaterThan(0);
    expect(result.matched).toBe(expected);
  });

  it("counts regular-expression name matches like fs", async () => {
    const expected = walked.filter((file) => /\.d\.[cm]?ts$/.test(file.name)).length;
    const result = await filter('name =~ "\\.d\\.[cm]?ts$"', files);
    expect(expected).toBeGreaterThan(0);
    expect(result.matched).toBe(expected);
  });

  it("writes events that fit the files schema", async () => {
    // A field of the wrong type makes its comparison false, so each query below matches every
    // event only when every event has the field with the schema's type.
    const typedQueries = [
      "size >= 0",
      "flow = CATALOGUING AND dataSource = ENDPOINT",
      "modifiedAt > 1900-01-01 AND accessedAt > 1900-01-01 AND scannedAt > 1900-01-01",
      "createdAt IS NULL OR createdAt > 1900-01-01",
      "id IS NOT NULL AND connectorId IS NOT NULL AND owner IS NOT NULL AND version =~ \"^[0-9]+$\"",
      "extension IS NULL OR NOT extension =~ \"[A-Z]\"",
    ];
    for (const query of typedQueries) {
      const result = await filter(query, files);
      expect(result.matched, query).toBe(walked.length);
    }

    const events = files.flatMap(readEvents);
    const predicates = typedQueries.map((query) => compile(query, { dataset: "files" }));
    for (const event of events) {
      for (const [index, predicate] of predicates.entries()) {
        expect(predicate(event), `${typedQueries[index]} on ${event.path}`).toBe(true);
      }
    }
  });
});

describe("catalogue of a prepared tree", () => {
  it("skips links and counts unreadable entries", async () => {
    const root = path.join(scratch, "prepared");
    mkdirSync(path.join(root, "docs"), { recursive: true });
    writeFileSync(path.join(root, "LICENSE"), "MIT\n");
    writeFileSync(path.join(root, ".npmrc"), "");
    writeFileSync(path.join(root, "docs", "README.MD"), "# Title\n");
    writeFileSync(path.join(root, "docs", "data.bin"), Buffer.alloc(2048));
    symlinkSync(root, path.join(root, "loop"));
    symlinkSync(path.join(root, "LICENSE"), path.join(root, "licence-link"));
    symlinkSync(path.join(root, "missing"), path.join(root, "dangling"));

    // A directory whose absolute path is longer than PATH_MAX (4096 on Linux) cannot be read even
    // by root. The shell creates it with relative paths, and the file inside must not be catalogued.
    const longName = "d".repeat(250);
    execFileSync("bash", ["-c", `cd "$1" && for i in $(seq 18); do mkdir "$2" && cd "$2" || exit 1; done && echo hidden > deep.txt`, "bash", root, longName]);

    // Only a user other than root is refused by mode 000, so the expected count depends on the user.
    const closed = path.join(root, "closed");
    mkdirSync(closed);
    chmodSync(closed, 0o000);
    const isRoot = process.getuid?.() === 0;

    const events: CatalogueEvent[] = [];
    const summary = emptySummary();
    for await (const event of catalogueEvents(root, { summary, connectorId: "test-connector" })) events.push(event);
    chmodSync(closed, 0o755);

    expect(events.map((event) => event.name).sort()).toEqual([".npmrc", "LICENSE", "README.MD", "data.bin"]);
    expect(summary.files).toBe(4);
    expect(summary.bytes).toBe(4 + 8 + 2048);
    expect(summary.symbolicLinks).toBe(3);
    expect(summary.unreadable).toBe(isRoot ? 1 : 2);
    expect(summary.unreadableSamples.some((sample) => sample.code === "ENAMETOOLONG")).toBe(true);

    const byName = new Map(events.map((event) => [event.name, event]));
    expect(byName.get("LICENSE")?.extension).toBeUndefined();
    expect(byName.get(".npmrc")?.extension).toBeUndefined();
    expect(byName.get("README.MD")?.extension).toBe("md");
    expect(byName.get("README.MD")?.mimeType).toBe("text/markdown");
    expect(byName.get("data.bin")?.mimeType).toBeUndefined();
    expect(byName.get("data.bin")?.path).toBe(`${root.split(path.sep).join("/")}/docs/data.bin`);
    expect(byName.get("data.bin")?.connectorId).toBe("test-connector");
  });

  it("matches files created on disk", async () => {
    const segment = fc.stringMatching(/^[A-Za-z0-9_-]{1,8}(\.[A-Za-z]{1,3})?$/);
    const tree = fc.uniqueArray(fc.tuple(fc.array(segment, { minLength: 1, maxLength: 3 }), fc.nat(3000)), {
      minLength: 1,
      maxLength: 12,
      selector: ([segments]) => segments.join("/").toLowerCase(),
    });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(tree, async (entries) => {
        const root = path.join(scratch, `generated-${run}`);
        run += 1;
        mkdirSync(root);
        const expected = new Map<string, number>();
        for (const [segments, size] of entries) {
          const file = path.join(root, ...segments);
          // A generated file can sit where another entry needs a directory, so that entry is skipped.
          try {
            mkdirSync(path.dirname(file), { recursive: true });
            if (existsSync(file)) continue;
            writeFileSync(file, Buffer.alloc(size));
          } catch {
            continue;
          }
          expected.set(file.split(path.sep).join("/"), size);
        }

        const events: CatalogueEvent[] = [];
        for await (const event of catalogueEvents(root)) events.push(event);
        expect(new Map(events.map((event) => [event.path, event.size]))).toEqual(expected);
        for (const event of events) {
          expect(event.name).toBe(path.posix.basename(event.path));
          const suffix = lowerCaseSuffix(event.name);
          expect(event.extension ?? "").toBe(suffix);
        }
      }),
      { numRuns: 25 },
    );
  });
});

describe("catalogue and demo scripts", () => {
  it("catalogue script writes NDJSON and a summary", async () => {
    const root = path.join(projectRoot, "node_modules", "chevrotain");
    const output = path.join(scratch, "script.ndjson");
    const result = await spawnNode([cataloguePath, root, "--output", output]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/catalogued \d+ files/);
    expect(readEvents(output).length).toBe(walkRegularFiles(root).length);
  });

  it("catalogue script rejects a missing root", async () => {
    const result = await spawnNode([cataloguePath, path.join(scratch, "no-such-directory")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("ENOENT");
  });

  it("demo prints every query with its count", async () => {
    const root = path.join(projectRoot, "node_modules", "chevrotain");
    const total = walkRegularFiles(root).length;
    const result = await runWithDist([demoPath, root]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("extension = js AND size > 100KB");
    expect(result.stdout).toContain("name ~ LICENSE*");
    const counts = [...result.stdout.matchAll(/(\d[\d,]*) of ([\d,]+) files match/g)];
    expect(counts.length).toBe(6);
    for (const count of counts) {
      expect(Number(count[2]?.replaceAll(",", ""))).toBe(total);
    }
  });
});
