/**
 * Benchmark suite of dspm-gql (`npm run bench`): predicate throughput against hand-written code and
 * peer libraries, compile latency, memory of 10,000 compiled predicates, and `gql filter` on a
 * large NDJSON file. Imports the built library from dist/, so run `npm run build` first.
 *
 *   node bench/run.mjs           Full run. Writes bench/RESULTS.md, bench/ratios.svg and bench/results.json.
 *   node bench/run.mjs --smoke   About 2,000 events and few repetitions, for CI. Writes to a new
 *                                temporary directory (or to --out DIR), never to bench/.
 *
 * Options: --out DIR, --events N, --rounds N, --stream-bytes SIZE (for example 1GB or 200MB),
 * --only ID[,ID...] (query ids or prefixes such as q01), --skip-stream, --skip-memory, and --strict,
 * which exits with status 1 when the hand-written or closure predicate disagrees with dspm-gql.
 * --from-json FILE renders RESULTS.md and ratios.svg again from the results.json of an earlier run,
 * without measuring. BENCH_SMOKE=1 in the environment is the same as --smoke.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, release, tmpdir, totalmem, type } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateEvents } from "./events.mjs";
import { queries } from "./queries.mjs";
import { renderMarkdown, renderSvg } from "./report.mjs";
import { runMatcher } from "./matcher.mjs";
import { runStream } from "./stream.mjs";
import { evaluateTargets } from "./targets.mjs";
import { measureCompile, measureQuery, warmUpCompilers } from "./throughput.mjs";

const benchDirectory = fileURLToPath(new URL(".", import.meta.url));

const FULL = {
  events: 200_000,
  rounds: 5,
  slowRunMs: 800,
  slowRounds: 3,
  hotEvents: 2_000,
  hotRepeat: 20,
  compileRounds: 7,
  compileBatchMs: 20,
  compileWarmupCalls: 50,
  memoryCount: 10_000,
  matcherQueries: 10_000,
  matcherEvents: 2_000,
  streamBytes: 1e9,
  streamRuns: 3,
};

const SMOKE = {
  events: 2_000,
  rounds: 3,
  slowRunMs: 100,
  slowRounds: 2,
  hotEvents: 500,
  hotRepeat: 4,
  compileRounds: 3,
  compileBatchMs: 2,
  compileWarmupCalls: 5,
  memoryCount: 1_000,
  matcherQueries: 1_000,
  matcherEvents: 200,
  streamBytes: 4e6,
  streamRuns: 2,
};

const SIZE_UNITS = { B: 1, KB: 1e3, MB: 1e6, GB: 1e9, KIB: 2 ** 10, MIB: 2 ** 20, GIB: 2 ** 30 };

function parseSize(text) {
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text);
  const unit = match === null ? undefined : SIZE_UNITS[(match[2] || "B").toUpperCase()];
  if (match === null || unit === undefined) throw new Error(`Invalid size ${JSON.stringify(text)}; write a number of bytes or a size such as 200MB or 1GB.`);
  return Math.round(Number(match[1]) * unit);
}

function parsePositiveInteger(name, text) {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} expects a positive integer, got ${JSON.stringify(text)}.`);
  return value;
}

/** Reads the command line into settings. */
function readSettings(argv) {
  const flags = new Set();
  const values = new Map();
  const valued = new Set(["out", "events", "rounds", "stream-bytes", "only", "from-json"]);
  const known = new Set([...valued, "smoke", "skip-stream", "skip-memory", "strict"]);
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].replace(/^--/, "");
    if (!argv[i].startsWith("--") || !known.has(name)) throw new Error(`Unknown argument ${JSON.stringify(argv[i])}; see the comment at the top of bench/run.mjs for the options.`);
    if (valued.has(name)) {
      if (i + 1 >= argv.length) throw new Error(`--${name} expects a value.`);
      values.set(name, argv[++i]);
    } else {
      flags.add(name);
    }
  }

  const smoke = flags.has("smoke") || process.env.BENCH_SMOKE === "1";
  const settings = { ...(smoke ? SMOKE : FULL), smoke, strict: flags.has("strict"), skipStream: flags.has("skip-stream"), skipMemory: flags.has("skip-memory") };
  if (values.has("events")) settings.events = parsePositiveInteger("events", values.get("events"));
  if (values.has("rounds")) settings.rounds = parsePositiveInteger("rounds", values.get("rounds"));
  if (values.has("stream-bytes")) settings.streamBytes = parseSize(values.get("stream-bytes"));
  settings.hotEvents = Math.min(settings.hotEvents, settings.events);
  settings.only = values.has("only") ? values.get("only").split(",").filter((id) => id !== "") : undefined;
  settings.fromJson = values.get("from-json");
  settings.out = values.get("out") ?? (smoke ? mkdtempSync(join(tmpdir(), "gql-bench-smoke-")) : benchDirectory);
  settings.command = ["node bench/run.mjs", ...argv].join(" ");

  const scaled = [];
  if (!smoke && settings.events !== FULL.events) scaled.push(`events per dataset set to ${settings.events.toLocaleString("en-US")} (default ${FULL.events.toLocaleString("en-US")})`);
  if (!smoke && settings.rounds !== FULL.rounds) scaled.push(`timed rounds set to ${settings.rounds} (default ${FULL.rounds})`);
  if (!smoke && settings.streamBytes !== FULL.streamBytes) scaled.push(`stream file set to ${(settings.streamBytes / 1e6).toFixed(0)} MB (default ${FULL.streamBytes / 1e6} MB)`);
  if (scaled.length > 0) settings.scaleNote = `This run changed the defaults: ${scaled.join("; ")}.`;
  return settings;
}

function log(message) {
  process.stderr.write(`${message}\n`);
}

function describeMachine() {
  const processors = cpus();
  return {
    cpuModel: processors[0]?.model.trim() ?? "unknown",
    cores: processors.length,
    memoryBytes: totalmem(),
    os: `${type()} ${release()} (${process.platform} ${process.arch})`,
    node: process.version,
    loadStart: loadavg()[0],
  };
}

/** Runs bench/memory.mjs in a child process with --expose-gc for each compile mode. */
function runMemory(count) {
  const result = {};
  for (const mode of ["generated", "closure"]) {
    const child = spawnSync(process.execPath, ["--expose-gc", join(benchDirectory, "memory.mjs"), "--count", String(count), "--mode", mode], { encoding: "utf8" });
    if (child.status !== 0) return { error: `bench/memory.mjs --mode ${mode} exited with status ${child.status}: ${(child.stderr ?? "").trim().slice(0, 300)}` };
    result[mode] = JSON.parse(child.stdout);
  }
  return result;
}

function selectQueries(only) {
  if (only === undefined) return queries;
  const selected = queries.filter((query) => only.some((id) => query.id === id || query.id.startsWith(`${id}-`)));
  if (selected.length === 0) throw new Error(`--only ${only.join(",")} matches no query; the ids are ${queries.map((query) => query.id).join(", ")}.`);
  return selected;
}

/** Writes RESULTS.md, ratios.svg and results.json into the output directory. */
function writeReports(results, queryList, out) {
  mkdirSync(out, { recursive: true });
  const files = { markdown: join(out, "RESULTS.md"), svg: join(out, "ratios.svg"), json: join(out, "results.json") };
  writeFileSync(files.markdown, renderMarkdown(results, queryList));
  writeFileSync(files.svg, renderSvg(results));
  writeFileSync(files.json, JSON.stringify(results, null, 2) + "\n");
  log(`wrote ${files.markdown}, ${files.svg} and ${files.json}`);
}

/** Renders the reports again from a results.json file; the queries must still have the same ids. */
function renderFromJson(file, out) {
  const results = JSON.parse(readFileSync(file, "utf8"));
  const ids = new Set(results.throughput.map((result) => result.id));
  results.targets = evaluateTargets(results);
  writeReports(results, queries.filter((query) => ids.has(query.id)), out);
}

async function main() {
  const settings = readSettings(process.argv.slice(2));
  if (settings.fromJson !== undefined) {
    renderFromJson(settings.fromJson, settings.out);
    return;
  }
  const machine = describeMachine();
  const started = Date.now();
  const selected = selectQueries(settings.only);
  log(`dspm-gql benchmark (${settings.smoke ? "smoke" : "full"}): ${settings.events.toLocaleString("en-US")} events per dataset, ${selected.length} queries, output in ${settings.out}`);

  const eventsByDataset = {};
  for (const dataset of new Set(selected.map((query) => query.dataset))) {
    const start = Date.now();
    eventsByDataset[dataset] = generateEvents(dataset, settings.events);
    log(`generated ${settings.events.toLocaleString("en-US")} ${dataset} events in ${((Date.now() - start) / 1000).toFixed(1)} s`);
  }

  const throughput = [];
  for (const query of selected) {
    const start = Date.now();
    const result = measureQuery(query, eventsByDataset[query.dataset], settings);
    throughput.push(result);
    const ours = result.contenders.find((entry) => entry.id === "ours");
    const hand = result.contenders.find((entry) => entry.id === "hand");
    const disagreeing = result.contenders.filter((entry) => entry.status === "disagrees").map((entry) => `${entry.label} (${entry.mismatches})`);
    log(
      `${query.id}: ${result.matches} matches; dspm-gql ${ours.cold.cpuNsPerEvent.toFixed(1)} ns/event, hand-written ${hand.cold?.cpuNsPerEvent.toFixed(1) ?? "-"}` +
        (disagreeing.length > 0 ? `; disagree: ${disagreeing.join(", ")}` : "") +
        ` [${((Date.now() - start) / 1000).toFixed(1)} s]`,
    );
  }
  for (const dataset of Object.keys(eventsByDataset)) delete eventsByDataset[dataset];

  log("compile latency");
  warmUpCompilers(selected, settings.compileWarmupCalls);
  const compileResults = selected.map((query) => measureCompile(query, { rounds: settings.compileRounds, batchMs: settings.compileBatchMs }));

  let memory;
  if (!settings.skipMemory) {
    log(`memory: compiling ${settings.memoryCount.toLocaleString("en-US")} webhook predicates per mode`);
    memory = runMemory(settings.memoryCount);
  }

  log(`matcher: ${settings.matcherQueries.toLocaleString("en-US")} webhook queries`);
  const matcher = runMatcher({ queryCount: settings.matcherQueries, eventCount: settings.matcherEvents, rounds: settings.rounds, log });

  let stream;
  if (!settings.skipStream) stream = await runStream({ targetBytes: settings.streamBytes, runs: settings.streamRuns, log });

  machine.loadEnd = loadavg()[0];
  const results = {
    settings,
    machine,
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    throughput,
    compile: compileResults,
    memory,
    matcher,
    stream,
  };
  results.targets = evaluateTargets(results);

  writeReports(results, selected, settings.out);
  log(`finished in ${(results.durationMs / 1000).toFixed(0)} s`);
  for (const target of results.targets) log(`target ${target.met === undefined ? "not measured" : target.met ? "met" : "missed"}: ${target.target}: ${target.measured}`);

  const suspicious = throughput.flatMap((result) =>
    result.contenders.filter((entry) => (entry.id === "hand" || entry.id === "ours-closure") && entry.status !== "ok").map((entry) => `${result.id} ${entry.label}: ${entry.status}`),
  );
  if (matcher.mismatches > 0) suspicious.push(`createMatcher returned other ids than the predicates on ${matcher.mismatches} events`);
  if (suspicious.length > 0) {
    log(`the hand-written or closure predicate differs from dspm-gql: ${suspicious.join("; ")}`);
    if (settings.strict) process.exitCode = 1;
  }
}

main().catch((error) => {
  process.stderr.write(`bench/run.mjs failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
