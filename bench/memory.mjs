/**
 * Memory benchmark: heap used by N compiled webhook predicates. Run by run.mjs in a child process
 * started with --expose-gc:
 *
 *   node --expose-gc bench/memory.mjs --count 10000 --mode generated
 *
 * Prints one JSON object on standard output. The query texts and sample events exist before the
 * first measurement and stay alive to the end. The library has also compiled one query per dataset
 * before it. So the difference is the predicates alone: their closures, their constants, and the
 * code V8 keeps for them after each has run on two events.
 */
import { compile, datasets } from "../dist/index.js";
import { BENCH_NOW, generateEvents } from "./events.mjs";
import { generateWebhookQueries } from "./webhook-queries.mjs";

function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : process.argv[index + 1];
}

/** Heap used after full collections; two passes let weak references and finalizers settle. */
function settledHeapUsed() {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed;
}

if (typeof globalThis.gc !== "function") {
  process.stderr.write("bench/memory.mjs needs node --expose-gc.\n");
  process.exit(2);
}

const count = Number(option("count", "10000"));
const mode = option("mode", "generated");
const queries = generateWebhookQueries(count);
const samples = { files: generateEvents("files", 2), activity: generateEvents("activity", 2), streaming: generateEvents("streaming", 2) };
const now = () => BENCH_NOW;
const predicates = new Array(count);

// One compile and run per dataset first, so that what the library builds once (parser, lexer and
// schema tables) is on the heap before the first measurement and only the predicates are counted.
for (const [dataset, events] of Object.entries(samples)) {
  const warmup = compile(queries.find((query) => query.dataset === dataset)?.text ?? "id IS NULL", { dataset: datasets[dataset], now, mode });
  for (const event of events) warmup(event);
}

const before = settledHeapUsed();
const start = process.hrtime.bigint();
let matches = 0;
for (let i = 0; i < count; i++) {
  const { dataset, text } = queries[i];
  const predicate = compile(text, { dataset: datasets[dataset], now, mode });
  for (const event of samples[dataset]) if (predicate(event)) matches++;
  predicates[i] = predicate;
}
const compileMs = Number(process.hrtime.bigint() - start) / 1e6;
const after = settledHeapUsed();

process.stdout.write(
  JSON.stringify({
    count,
    mode,
    distinctQueries: new Set(queries.map((query) => query.text)).size,
    heapBeforeBytes: before,
    heapAfterBytes: after,
    deltaBytes: after - before,
    bytesPerPredicate: (after - before) / count,
    compileAndFirstRunsMs: compileMs,
    sampleMatches: matches,
    predicatesAlive: predicates.length,
  }) + "\n",
);
