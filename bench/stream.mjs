/**
 * Stream benchmark: times `node dist/cli.js filter --dataset files QUERY FILE > /dev/null` on a
 * generated NDJSON file against bench/json-parse-baseline.mjs, which reads the same file the same
 * way and only parses each line. The file lives in a temporary directory that is removed at the end.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { open } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { compile, datasets } from "../dist/index.js";
import { BENCH_NOW, generateFileEvents } from "./events.mjs";
import { median } from "./measure.mjs";

const projectRoot = fileURLToPath(new URL("..", import.meta.url));
const cliPath = join(projectRoot, "dist", "cli.js");
const baselinePath = fileURLToPath(new URL("json-parse-baseline.mjs", import.meta.url));

/**
 * The queries of the stream benchmark, with the share of lines that match in the generated file.
 * The few-match runs use --fast, which skips JSON.parse for lines that lack every required value;
 * the "-parse-all" runs time the same queries without it, for comparison.
 */
export const streamQueries = [
  { id: "most-match", gql: "flow = CATALOGUING", flags: [], note: "about 97% of lines match" },
  {
    id: "few-match-key-word",
    gql: "flow = CLASSIFICATION",
    flags: ["--fast"],
    note: 'about 3% of lines match; the word also occurs in most lines as the key "classification"',
  },
  { id: "few-match-rare-word", gql: "dataSource = CHATGPT", flags: ["--fast"], note: "about 1.5% of lines match; the word occurs only in matching lines" },
  { id: "few-match-key-word-parse-all", gql: "flow = CLASSIFICATION", flags: [], note: "as few-match-key-word, without --fast" },
];

const EVENTS_PER_CHUNK = 10_000;
const SAMPLE_LINES = 5_000;

/**
 * Writes generated files events as NDJSON until the file reaches `targetBytes`, counting the lines
 * that each stream query matches according to dspm-gql. Also writes the first lines to a sample file.
 */
async function writeEventsFile(path, samplePath, targetBytes, log) {
  const predicates = streamQueries.map((query) => compile(query.gql, { dataset: datasets.files, now: () => BENCH_NOW }));
  const expected = streamQueries.map(() => 0);
  const sampleExpected = streamQueries.map(() => 0);
  const sampleLines = [];
  const handle = await open(path, "w");
  let bytes = 0;
  let lines = 0;
  try {
    for (let chunk = 0; bytes < targetBytes; chunk++) {
      const events = generateFileEvents(EVENTS_PER_CHUNK, 1000 + chunk);
      const texts = [];
      for (const event of events) {
        if (bytes >= targetBytes) break;
        const text = JSON.stringify(event);
        texts.push(text);
        bytes += Buffer.byteLength(text) + 1;
        predicates.forEach((predicate, index) => {
          if (!predicate(event)) return;
          expected[index]++;
          if (lines < SAMPLE_LINES) sampleExpected[index]++;
        });
        if (lines < SAMPLE_LINES) sampleLines.push(text);
        lines++;
      }
      await handle.write(texts.join("\n") + "\n");
      if (chunk % 20 === 19) log(`  wrote ${(bytes / 1e6).toFixed(0)} MB`);
    }
  } finally {
    await handle.close();
  }
  writeFileSync(samplePath, sampleLines.join("\n") + "\n");
  return { bytes, lines, expected, sampleExpected };
}

/**
 * Runs `node ARGS > /dev/null` through bash and returns the wall time, the CPU time of the child
 * (user plus system, from the shell builtin `times`) and its standard error.
 */
function runTimed(args, errorFile) {
  const quoted = [process.execPath, ...args].map((arg) => `'${arg.replaceAll("'", "'\\''")}'`).join(" ");
  const script = `${quoted} > /dev/null 2> "$ERRFILE"; status=$?; times >&2; cat "$ERRFILE" >&2; exit $status`;
  const start = process.hrtime.bigint();
  const result = spawnSync("bash", ["-c", script], { env: { ...process.env, ERRFILE: errorFile }, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const lines = (result.stderr ?? "").split("\n");
  // `times` prints the shell's own user and system time, then its children's.
  const children = /^(\d+)m([\d.]+)s (\d+)m([\d.]+)s$/.exec(lines[1] ?? "");
  const cpuMs = children === null ? undefined : (Number(children[1]) * 60 + Number(children[2]) + Number(children[3]) * 60 + Number(children[4])) * 1000;
  return { ms, cpuMs, status: result.status, signal: result.signal, stderr: lines.slice(2).join("\n"), error: result.error };
}

function cliArgs(query, file) {
  return [cliPath, "filter", "--dataset", "files", ...query.flags, query.gql, file];
}

/** Reads N from the "matched N" summary that gql filter writes to standard error, if present. */
function reportedMatches(stderr) {
  const match = /matched (\d+)/.exec(stderr);
  return match === null ? undefined : Number(match[1]);
}

/**
 * Runs `gql filter` on the sample file with standard output captured and checks that it prints
 * exactly the lines dspm-gql matches. Returns undefined when it does, else the reason it does not.
 */
function checkCli(samplePath, sampleExpected) {
  if (!existsSync(cliPath)) return `${cliPath} does not exist; run npm run build`;
  for (const [index, query] of streamQueries.entries()) {
    const result = spawnSync(process.execPath, cliArgs(query, samplePath), { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
    if (result.error !== undefined) return `gql filter could not be started: ${result.error.message}`;
    if (result.status !== 0) return `gql filter exited with status ${result.status} for ${JSON.stringify(query.gql)}: ${result.stderr.trim().slice(0, 300)}`;
    const printed = result.stdout === "" ? 0 : result.stdout.split("\n").filter((line) => line !== "").length;
    if (printed !== sampleExpected[index]) {
      return `gql filter printed ${printed} lines for ${JSON.stringify(query.gql)} on a ${SAMPLE_LINES}-line sample where dspm-gql matches ${sampleExpected[index]}`;
    }
  }
  return undefined;
}

/**
 * Runs the stream benchmark. Returns `{ skipped }` with the reason when `gql filter` is missing or
 * wrong, else the file size and the median time of each command.
 */
export async function runStream({ targetBytes, runs, log }) {
  const directory = mkdtempSync(join(tmpdir(), "gql-bench-stream-"));
  const file = join(directory, "events.ndjson");
  const sample = join(directory, "sample.ndjson");
  try {
    log(`stream: writing ${(targetBytes / 1e6).toFixed(0)} MB of NDJSON to ${file}`);
    const generateStart = process.hrtime.bigint();
    const written = await writeEventsFile(file, sample, targetBytes, log);
    const generateMs = Number(process.hrtime.bigint() - generateStart) / 1e6;
    const fileBytes = statSync(file).size;

    const problem = checkCli(sample, written.sampleExpected);
    if (problem !== undefined) return { skipped: problem, fileBytes, lines: written.lines };

    const commands = [
      { id: "baseline", label: "JSON.parse baseline", args: [baselinePath, file] },
      ...streamQueries.map((query, index) => ({ id: query.id, label: `gql filter ${[...query.flags, query.gql].join(" ")}`, args: cliArgs(query, file), query, expected: written.expected[index] })),
    ];
    const times = new Map(commands.map((command) => [command.id, { wallMs: [], cpuMs: [] }]));
    const failures = [];
    const errorFile = join(directory, "stderr.txt");
    for (let round = 0; round < runs; round++) {
      const offset = round % commands.length;
      for (const command of [...commands.slice(offset), ...commands.slice(0, offset)]) {
        const result = runTimed(command.args, errorFile);
        if (result.error !== undefined || result.status !== 0) {
          failures.push(`${command.label} exited with status ${result.status ?? result.signal ?? result.error?.message}: ${result.stderr.trim().slice(0, 300)}`);
          continue;
        }
        const matched = reportedMatches(result.stderr);
        if (command.expected !== undefined && matched !== undefined && matched !== command.expected) {
          failures.push(`${command.label} reported ${matched} matches where dspm-gql matches ${command.expected}`);
        }
        times.get(command.id).wallMs.push(result.ms);
        if (result.cpuMs !== undefined) times.get(command.id).cpuMs.push(result.cpuMs);
        log(`  ${command.label}: ${(result.ms / 1000).toFixed(2)} s`);
      }
    }
    return {
      fileBytes,
      lines: written.lines,
      generateMs,
      runs,
      failures,
      commands: commands.map((command) => ({
        id: command.id,
        label: command.label,
        gql: command.query?.gql,
        note: command.query?.note,
        expectedMatches: command.expected,
        timesMs: times.get(command.id).wallMs,
        medianMs: times.get(command.id).wallMs.length > 0 ? median(times.get(command.id).wallMs) : undefined,
        medianCpuMs: times.get(command.id).cpuMs.length > 0 ? median(times.get(command.id).cpuMs) : undefined,
      })),
    };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
