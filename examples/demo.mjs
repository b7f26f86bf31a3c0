/**
 * Demo of dspm-gql on real data: catalogues a directory tree into `files` events (NDJSON), then
 * runs `gql filter` (dist/cli.js, as a child process) over them for a few queries and prints the
 * match counts and the first matches of each.
 *
 * Usage: npm run demo -- [ROOT] [--keep]
 * ROOT defaults to the project's node_modules. With --keep the NDJSON file is left in place.
 */
import { spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { defaultRoot, writeCatalogueFile } from "./catalogue.mjs";

const cliPath = fileURLToPath(new URL("../dist/cli.js", import.meta.url));

/** Matches printed under each query. */
const shownMatches = 5;

/** Width of the size column, enough for "999.9 KB". */
const sizeWidth = 8;

const queries = [
  { title: "Large JavaScript files", text: "extension = js AND size > 100KB" },
  { title: "Licence files", text: "name ~ LICENSE*" },
  { title: "Type declarations in @types packages", text: "path ~ */@types/* AND name ~ *.d.ts" },
  { title: "Markdown documents of 1 to 10 KB", text: "extension IN (md, markdown) AND size BETWEEN 1KB AND 10KB" },
  { title: "Minified scripts (regular expression)", text: 'name =~ "\\.min\\.[cm]?js$"' },
  {
    title: "Changed in the last 30 days, media type unknown, not a licence",
    text: "modifiedAt > now-30d AND mimeType IS NULL AND NOT name ~ LICENSE*",
  },
];

const integerFormat = new Intl.NumberFormat("en-US");

function formatCount(count) {
  return integerFormat.format(count);
}

/** Formats a byte count with the decimal units of the query language (1 KB = 1000 bytes). */
function formatSize(bytes) {
  const units = ["KB", "MB", "GB", "TB"];
  if (bytes < 1000) return `${bytes} B`;
  let value = bytes;
  let unit = "B";
  for (const next of units) {
    if (value < 1000) break;
    value /= 1000;
    unit = next;
  }
  return `${value.toFixed(1)} ${unit}`;
}

/** Quotes a query for a POSIX shell, so the printed command can be pasted. */
function shellQuote(text) {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

/**
 * Runs `gql filter --dataset files QUERY FILE` and resolves to the number of lines it printed,
 * the first few events among them, its read/matched/malformed summary, its stderr and exit code.
 */
function runFilter(query, file) {
  const child = spawn(process.execPath, [cliPath, "filter", "--dataset", "files", query, file], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });

  const firstEvents = [];
  let lines = 0;
  const reading = (async () => {
    for await (const line of createInterface({ input: child.stdout, crlfDelay: Infinity })) {
      if (line === "") continue;
      lines += 1;
      if (firstEvents.length < shownMatches) firstEvents.push(JSON.parse(line));
    }
  })();

  const exiting = new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal }));
  });

  return Promise.all([reading, exiting]).then(([, { code, signal }]) => {
    const summary = /read (\d+), matched (\d+), malformed (\d+)/.exec(stderr);
    return {
      lines,
      firstEvents,
      stderr,
      code,
      signal,
      read: summary === null ? undefined : Number(summary[1]),
      matched: summary === null ? undefined : Number(summary[2]),
      malformed: summary === null ? undefined : Number(summary[3]),
    };
  });
}

function indent(text, prefix) {
  return text
    .trimEnd()
    .split("\n")
    .map((line) => `${prefix}${line}`)
    .join("\n");
}

/** Prints one query's result and returns whether the CLI run succeeded. */
function printResult(number, query, result, root) {
  console.log(`${number}. ${query.title}`);
  console.log(`   gql filter --dataset files ${shellQuote(query.text)}`);
  if (result.code !== 0 || result.matched === undefined) {
    const status = result.signal === null ? `exit code ${result.code}` : `signal ${result.signal}`;
    console.log(`   gql filter failed (${status}):`);
    console.log(indent(result.stderr || "(no output on stderr)", "     "));
    return false;
  }

  console.log(`   ${formatCount(result.matched)} of ${formatCount(result.read)} files match`);
  let ok = true;
  if (result.lines !== result.matched) {
    console.log(`   warning: the summary reports ${result.matched} matches but ${result.lines} lines were printed`);
    ok = false;
  }
  if (result.malformed !== 0) {
    console.log(`   warning: ${result.malformed} input lines were malformed`);
    ok = false;
  }

  for (const event of result.firstEvents) {
    const relative = path.posix.relative(root, event.path) || event.name;
    console.log(`   ${formatSize(event.size).padStart(sizeWidth)}  ${relative}`);
  }
  const more = result.matched - result.firstEvents.length;
  if (more > 0) console.log(`   ${"".padStart(sizeWidth)}  ... and ${formatCount(more)} more`);
  return ok;
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { keep: { type: "boolean" } },
  });
  const root = path.resolve(positionals[0] ?? defaultRoot);

  if (!existsSync(cliPath)) {
    console.error(`${cliPath} is missing; run npm run build first.`);
    process.exitCode = 1;
    return;
  }

  const directory = await mkdtemp(path.join(tmpdir(), "dspm-gql-demo-"));
  const eventsFile = path.join(directory, "files.ndjson");

  // A reader such as `head` may close stdout early; the demo then removes its files and stops.
  process.stdout.on("error", (error) => {
    if (error.code !== "EPIPE") throw error;
    if (!values.keep) rmSync(directory, { recursive: true, force: true });
    process.exit(0);
  });
  try {
    const started = performance.now();
    let summary;
    try {
      summary = await writeCatalogueFile(root, eventsFile);
    } catch (error) {
      console.error(`Cataloguing ${root} failed: ${error.message}`);
      process.exitCode = 1;
      return;
    }
    const seconds = (performance.now() - started) / 1000;

    console.log(`Catalogue of ${summary.root}`);
    console.log(`  ${formatCount(summary.files)} files, ${formatSize(summary.bytes)}, in ${formatCount(summary.directories)} directories (${seconds.toFixed(1)} s)`);
    console.log(`  skipped ${formatCount(summary.symbolicLinks)} symbolic links and ${formatCount(summary.otherEntries)} other entries; ${formatCount(summary.unreadable)} unreadable`);
    for (const sample of summary.unreadableSamples) console.log(`    unreadable: ${sample.path} (${sample.code})`);
    console.log(`  events: ${eventsFile}${values.keep ? "" : " (removed at the end)"}`);
    console.log("");

    let failures = 0;
    for (const [index, query] of queries.entries()) {
      const result = await runFilter(query.text, eventsFile);
      if (!printResult(index + 1, query, result, summary.root)) failures += 1;
      console.log("");
    }
    if (failures > 0) {
      console.error(`${failures} of ${queries.length} queries failed.`);
      process.exitCode = 1;
    }
  } finally {
    if (!values.keep) await rm(directory, { recursive: true, force: true });
  }
}

await main();
