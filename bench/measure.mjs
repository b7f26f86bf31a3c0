/** Timing helpers shared by the benchmark sections. */

/** Median of a non-empty list of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Runs `work` once and returns its wall time and the CPU time of this process (user plus system,
 * all threads, so garbage collection and compiler threads count), both in milliseconds. CPU time
 * does not count the time spent waiting for a core, which makes it the steadier figure on a
 * machine shared with other work.
 */
export function measure(work) {
  const cpuStart = process.cpuUsage();
  const wallStart = process.hrtime.bigint();
  work();
  const wallMs = Number(process.hrtime.bigint() - wallStart) / 1e6;
  const cpu = process.cpuUsage(cpuStart);
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/**
 * Creates a loop that runs one predicate over every event `repeat` times and counts the matches.
 * Each contender gets its own copy of the loop (a new function). The call site inside it then has
 * a single target, which V8 can inline, as in a program that runs a single filter.
 */
export function createEventLoop() {
  return new Function(
    "predicate",
    "events",
    "repeat",
    `"use strict";
    let matches = 0;
    for (let pass = 0; pass < repeat; pass++) {
      for (let i = 0; i < events.length; i++) {
        if (predicate(events[i])) matches++;
      }
    }
    return matches;`,
  );
}

/**
 * Runs every task once per round and returns the measurements by task id. The order of the tasks
 * rotates from round to round, so that drifts of the machine (frequency, other load, garbage
 * collection) spread over all of them. Each task runs `warmupRounds` times before the timed rounds.
 * A task whose `firstRunMs` (a run made before, such as a correctness check) exceeds `slowRunMs`
 * skips the warm-up, which that run already was, and is timed in the first `slowRounds` rounds only.
 */
export function timeRounds(tasks, { rounds, warmupRounds = 1, slowRunMs = Infinity, slowRounds = rounds }) {
  const isSlow = (task) => (task.firstRunMs ?? 0) > slowRunMs;
  const results = new Map(tasks.map((task) => [task.id, { wallMs: [], cpuMs: [] }]));
  for (let round = 0; round < warmupRounds; round++) {
    for (const task of tasks) if (!isSlow(task)) task.run();
  }
  for (let round = 0; round < rounds; round++) {
    const offset = round % tasks.length;
    const ordered = [...tasks.slice(offset), ...tasks.slice(0, offset)];
    for (const task of ordered) {
      if (isSlow(task) && round >= slowRounds) continue;
      const { wallMs, cpuMs } = measure(task.run);
      const result = results.get(task.id);
      result.wallMs.push(wallMs);
      result.cpuMs.push(cpuMs);
    }
  }
  return results;
}
