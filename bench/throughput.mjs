/**
 * Throughput and compile-latency benchmarks of the queries in queries.mjs. Every contender's result
 * is first compared with dspm-gql's on every event; only contenders that agree on all of them are
 * timed.
 */
import { contenders } from "./contenders.mjs";
import { createEventLoop, measure, median, timeRounds } from "./measure.mjs";

/** Keeps results alive so that V8 cannot drop the work that produced them. */
let sink;

function describeError(error) {
  return error instanceof Error ? error.message.split("\n")[0] : String(error);
}

/** Renders an event as JSON, cut to `limit` characters, for examples of disagreement. */
function excerpt(event, limit = 400) {
  const text = JSON.stringify(event);
  return text.length <= limit ? text : `${text.slice(0, limit)}…`;
}

/** Builds each contender's predicate for the query; records `unable` and compile failures. */
function buildAll(query) {
  return contenders.map((contender) => {
    const entry = { id: contender.id, label: contender.label, kind: contender.kind };
    try {
      const built = contender.build(query);
      if (built.unable !== undefined) return { ...entry, status: "unable", reason: built.unable };
      return { ...entry, status: "built", predicate: built.predicate };
    } catch (error) {
      return { ...entry, status: "failed", reason: `compiling threw: ${describeError(error)}` };
    }
  });
}

/** Compares a predicate's result with the expected one on every event; also times that pass. */
function compareResults(predicate, events, expected) {
  let mismatches = 0;
  let example;
  const { wallMs } = measure(() => {
    for (let i = 0; i < events.length; i++) {
      let actual;
      try {
        actual = predicate(events[i]) === true;
      } catch (error) {
        actual = `threw ${describeError(error)}`;
      }
      if (actual !== (expected[i] === 1)) {
        mismatches++;
        example ??= { index: i, expected: expected[i] === 1, actual, event: excerpt(events[i]) };
      }
    }
  });
  return { mismatches, example, checkMs: wallMs };
}

/** Median figures of a list of runs, per event evaluated. */
function summarise(runs, evaluations) {
  const cpuMs = median(runs.cpuMs);
  const wallMs = median(runs.wallMs);
  return { runs: runs.cpuMs.length, cpuMs, wallMs, cpuNsPerEvent: (cpuMs * 1e6) / evaluations, wallNsPerEvent: (wallMs * 1e6) / evaluations };
}

/**
 * Runs the throughput benchmark of one query. Returns one entry per contender with its status
 * ("ok", "disagrees", "unable", "failed") and, for contenders that agree with dspm-gql on every
 * event, two timings:
 * - `cold`: each run evaluates every event once, in order. With 200,000 events of about 1 KB the
 *   events do not fit in the CPU caches, so each evaluation starts with cache misses.
 * - `hot`: each run evaluates the first `hotEvents` events `hotRepeat` times. They stay in the
 *   caches, as an event does that a server has just parsed.
 */
export function measureQuery(query, events, { rounds, slowRunMs, slowRounds, hotEvents, hotRepeat }) {
  const entries = buildAll(query);
  const ours = entries.find((entry) => entry.id === "ours");
  if (ours.status !== "built") throw new Error(`dspm-gql could not compile ${query.id}: ${ours.reason}`);

  const expected = new Uint8Array(events.length);
  let matches = 0;
  for (let i = 0; i < events.length; i++) {
    if (ours.predicate(events[i]) === true) {
      expected[i] = 1;
      matches++;
    }
  }

  for (const entry of entries) {
    if (entry.status !== "built") continue;
    const { mismatches, example, checkMs } = compareResults(entry.predicate, events, expected);
    entry.checkMs = checkMs;
    entry.eventsChecked = events.length;
    if (mismatches === 0) {
      entry.status = "ok";
    } else {
      entry.status = "disagrees";
      entry.mismatches = mismatches;
      entry.example = example;
    }
  }

  const timed = entries.filter((entry) => entry.status === "ok");
  const hotSlice = events.slice(0, hotEvents);
  const tasks = timed.map((entry) => {
    const loop = createEventLoop();
    return {
      id: entry.id,
      firstRunMs: entry.checkMs,
      cold: () => (sink = loop(entry.predicate, events, 1)),
      hot: () => (sink = loop(entry.predicate, hotSlice, hotRepeat)),
    };
  });
  const options = { rounds, warmupRounds: 1, slowRunMs, slowRounds };
  const cold = timeRounds(
    tasks.map((task) => ({ id: task.id, firstRunMs: task.firstRunMs, run: task.cold })),
    options,
  );
  const hotEvaluations = hotSlice.length * hotRepeat;
  const hot = timeRounds(
    tasks.map((task) => ({ id: task.id, firstRunMs: (task.firstRunMs * hotEvaluations) / events.length, run: task.hot })),
    options,
  );
  for (const entry of timed) {
    entry.cold = summarise(cold.get(entry.id), events.length);
    entry.hot = summarise(hot.get(entry.id), hotEvaluations);
  }
  for (const entry of entries) delete entry.predicate;
  return {
    id: query.id,
    title: query.title,
    dataset: query.dataset,
    gql: query.gql,
    events: events.length,
    hotEvents: hotSlice.length,
    hotRepeat,
    matches,
    contenders: entries,
  };
}

/** Collects each contender's compile step for the query, calling it once to see that it works. */
function compileSteps(query) {
  const steps = [];
  const skipped = [];
  for (const contender of contenders) {
    const entry = { id: contender.id, label: contender.label };
    try {
      const found = contender.compile(query);
      if (found.unable !== undefined) {
        skipped.push({ ...entry, status: "unable", reason: found.unable });
      } else if (found.none === true) {
        skipped.push({ ...entry, status: "none" });
      } else {
        sink = found.step();
        steps.push({ ...entry, step: found.step });
      }
    } catch (error) {
      skipped.push({ ...entry, status: "failed", reason: describeError(error) });
    }
  }
  return { steps, skipped };
}

/**
 * Runs every compile step of every query `calls` times, so that the libraries' compilers are
 * optimised by V8 before any of them is timed and the first query timed has no disadvantage.
 */
export function warmUpCompilers(queries, calls) {
  for (const query of queries) {
    for (const { step } of compileSteps(query).steps) {
      for (let i = 0; i < calls; i++) sink = step();
    }
  }
}

/**
 * Measures the compile latency of one query for every contender with a compile step: dspm-gql's
 * parse, check and code generation, each peer's own compile or parse step. Each round times a
 * batch of compiles sized to last about `batchMs`; the results are the median CPU and wall time
 * per compile, in microseconds.
 */
export function measureCompile(query, { rounds, batchMs }) {
  const { steps, skipped } = compileSteps(query);
  const tasks = steps.map(({ id, step }) => {
    let calls = 0;
    const { wallMs: calibrationMs } = measure(() => {
      const start = performance.now();
      while (calls < 3 || performance.now() - start < Math.min(5, batchMs)) {
        sink = step();
        calls++;
      }
    });
    const batch = Math.max(1, Math.ceil(batchMs / (calibrationMs / calls)));
    return {
      id,
      batch,
      run: () => {
        for (let i = 0; i < batch; i++) sink = step();
      },
    };
  });
  const durations = timeRounds(tasks, { rounds, warmupRounds: 0 });
  const results = [...skipped];
  for (const task of tasks) {
    const runs = durations.get(task.id);
    const step = steps.find((candidate) => candidate.id === task.id);
    results.push({
      id: task.id,
      label: step.label,
      status: "ok",
      batch: task.batch,
      cpuUs: (median(runs.cpuMs) * 1000) / task.batch,
      wallUs: (median(runs.wallMs) * 1000) / task.batch,
    });
  }
  const order = contenders.map((contender) => contender.id);
  results.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  return { id: query.id, contenders: results };
}
