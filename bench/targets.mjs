/** The performance targets of dspm-gql and their evaluation against measured results. */

/** Predicate time of dspm-gql (generated code) over hand-written code, at most, on every query. */
export const HAND_WRITTEN_LIMIT = 1.15;
/** Time of the fastest peer that expresses a query over dspm-gql's time, at least. */
export const PEER_SPEEDUP = 3;
/** Compile time of the fastest peer's compile step over dspm-gql's compile time, at least. */
export const COMPILE_SPEEDUP = 2;
/** `gql filter` time over the JSON.parse baseline when most lines match, at most. */
export const STREAM_MOST_LIMIT = 1.1;
/** `gql filter` time over the JSON.parse baseline when few lines can match, below. */
export const STREAM_FEW_LIMIT = 1;
/** Heap used by 10,000 compiled webhook predicates, below (bytes). */
export const MEMORY_LIMIT_BYTES = 50e6;
/** createMatcher against trying every predicate, with 10,000 webhook queries. */
export const MATCHER_SPEEDUP = 50;

function contender(result, id) {
  return result.contenders.find((entry) => entry.id === id);
}

/** Computes dspm-gql's median CPU time over the hand-written code's, per query, for one timing kind. */
export function handRatios(throughput, kind) {
  return throughput.map((result) => {
    const ours = contender(result, "ours")?.[kind];
    const hand = contender(result, "hand")?.[kind];
    return { id: result.id, ratio: ours !== undefined && hand !== undefined ? ours.cpuMs / hand.cpuMs : undefined };
  });
}

/** Finds the fastest timed peer of each query and its time over dspm-gql's, for one timing kind. */
export function fastestPeers(throughput, kind) {
  return throughput.map((result) => {
    const ours = contender(result, "ours")?.[kind];
    const peers = result.contenders.filter((entry) => entry.kind === "peer" && entry[kind] !== undefined);
    if (ours === undefined || peers.length === 0) return { id: result.id, peer: undefined, speedup: undefined };
    const fastest = peers.reduce((best, entry) => (entry[kind].cpuNsPerEvent < best[kind].cpuNsPerEvent ? entry : best));
    return { id: result.id, peer: fastest.label, speedup: fastest[kind].cpuMs / ours.cpuMs };
  });
}

/** Finds the fastest peer compile step of each query and its time over dspm-gql's compile. */
export function compileSpeedups(compileResults) {
  return compileResults.map((result) => {
    const ours = result.contenders.find((entry) => entry.id === "ours" && entry.status === "ok");
    const peers = result.contenders.filter((entry) => entry.status === "ok" && !entry.id.startsWith("ours") && entry.id !== "hand");
    if (ours === undefined || peers.length === 0) return { id: result.id, peer: undefined, speedup: undefined };
    const fastest = peers.reduce((best, entry) => (entry.cpuUs < best.cpuUs ? entry : best));
    return { id: result.id, peer: fastest.label, peerUs: fastest.cpuUs, oursUs: ours.cpuUs, speedup: fastest.cpuUs / ours.cpuUs };
  });
}

function formatRatio(value) {
  if (value === undefined || !Number.isFinite(value)) return "n/a";
  return value >= 10 ? `${value.toFixed(1)}×` : `${value.toFixed(2)}×`;
}

function describeWorst(list, key, better) {
  const measured = list.filter((entry) => entry[key] !== undefined);
  if (measured.length === 0) return undefined;
  return measured.reduce((worst, entry) => (better(entry[key], worst[key]) ? worst : entry));
}

/** Whether the matcher target is met: unknown when not measured at 10,000 queries, false on any mismatch. */
function matcherTargetMet(matcher, measured) {
  if (matcher?.mismatches > 0) return false;
  if (!measured) return undefined;
  return matcher.speedup >= MATCHER_SPEEDUP;
}

/**
 * Evaluates every target. Each result has the target text, the measured figure, whether it is met
 * (true, false, or undefined when it could not be measured), and the figures behind it.
 */
export function evaluateTargets(results) {
  const targets = [];

  const cold = handRatios(results.throughput, "cold");
  const hot = handRatios(results.throughput, "hot");
  const over = cold.filter((entry) => entry.ratio !== undefined && entry.ratio > HAND_WRITTEN_LIMIT);
  const worstCold = describeWorst(cold, "ratio", (a, b) => a < b);
  const worstHot = describeWorst(hot, "ratio", (a, b) => a < b);
  targets.push({
    id: "hand-written",
    target: `dspm-gql predicate ≤ ${HAND_WRITTEN_LIMIT}× the hand-written one on every query`,
    measured:
      worstCold === undefined
        ? "not measured"
        : `worst ${formatRatio(worstCold.ratio)} (${worstCold.id}); ${over.length} of ${cold.length} queries over ${HAND_WRITTEN_LIMIT}×` +
          (over.length > 0 ? `: ${over.map((entry) => `${entry.id} ${formatRatio(entry.ratio)}`).join(", ")}` : "") +
          (worstHot === undefined ? "" : `. Events in cache: worst ${formatRatio(worstHot.ratio)} (${worstHot.id})`),
    met: worstCold === undefined ? undefined : over.length === 0,
  });

  const peers = fastestPeers(results.throughput, "cold");
  const measuredPeers = peers.filter((entry) => entry.speedup !== undefined);
  const shortPeers = measuredPeers.filter((entry) => entry.speedup < PEER_SPEEDUP);
  const hotPeers = fastestPeers(results.throughput, "hot").filter((entry) => entry.speedup !== undefined);
  const hotShort = hotPeers.filter((entry) => entry.speedup < PEER_SPEEDUP);
  targets.push({
    id: "peers",
    target: `dspm-gql ≥ ${PEER_SPEEDUP}× faster than the fastest peer that expresses the query`,
    measured:
      measuredPeers.length === 0
        ? "not measured"
        : `${measuredPeers.length - shortPeers.length} of ${measuredPeers.length} queries met` +
          (shortPeers.length > 0 ? `; short: ${shortPeers.map((entry) => `${entry.id} ${formatRatio(entry.speedup)} (${entry.peer})`).join(", ")}` : "") +
          (hotPeers.length === 0 ? "" : `. Events in cache: ${hotPeers.length - hotShort.length} of ${hotPeers.length} met`),
    met: measuredPeers.length === 0 ? undefined : shortPeers.length === 0,
  });

  const compiles = compileSpeedups(results.compile).filter((entry) => entry.speedup !== undefined);
  const shortCompiles = compiles.filter((entry) => entry.speedup < COMPILE_SPEEDUP);
  targets.push({
    id: "compile",
    target: `dspm-gql compile ≥ ${COMPILE_SPEEDUP}× faster than the fastest peer's compile step`,
    measured:
      compiles.length === 0
        ? "not measured"
        : `${compiles.length - shortCompiles.length} of ${compiles.length} queries met` +
          (shortCompiles.length > 0 ? `; short: ${shortCompiles.map((entry) => `${entry.id} ${formatRatio(entry.speedup)} (${entry.peer})`).join(", ")}` : ""),
    met: compiles.length === 0 ? undefined : shortCompiles.length === 0,
  });

  const stream = results.stream;
  const commands = stream?.commands ?? [];
  const baseline = commands.find((command) => command.id === "baseline")?.medianMs;
  const streamRatio = (id) => {
    const median = commands.find((command) => command.id === id)?.medianMs;
    return median === undefined || baseline === undefined ? undefined : median / baseline;
  };
  const most = streamRatio("most-match");
  targets.push({
    id: "stream-most",
    target: `gql filter ≤ ${STREAM_MOST_LIMIT}× the JSON.parse baseline when most lines match`,
    measured: most === undefined ? `not measured${stream?.skipped ? `: ${stream.skipped}` : ""}` : formatRatio(most),
    met: most === undefined ? undefined : most <= STREAM_MOST_LIMIT,
  });
  const few = ["few-match-key-word", "few-match-rare-word"].map((id) => ({ id, ratio: streamRatio(id) }));
  const fewMeasured = few.filter((entry) => entry.ratio !== undefined);
  targets.push({
    id: "stream-few",
    target: "gql filter faster than the JSON.parse baseline when few lines can match",
    measured: fewMeasured.length === 0 ? `not measured${stream?.skipped ? `: ${stream.skipped}` : ""}` : fewMeasured.map((entry) => `${entry.id} ${formatRatio(entry.ratio)}`).join(", "),
    met: fewMeasured.length === 0 ? undefined : fewMeasured.every((entry) => entry.ratio < STREAM_FEW_LIMIT),
  });

  const matcher = results.matcher;
  const matcherMeasured = matcher !== undefined && matcher.queryCount === 10000 && matcher.mismatches === 0;
  targets.push({
    id: "matcher",
    target: `createMatcher ≥ ${MATCHER_SPEEDUP}× faster than trying every predicate, with 10,000 webhook queries`,
    measured:
      matcher === undefined
        ? "not measured"
        : `${formatRatio(matcher.speedup)} with ${matcher.queryCount.toLocaleString("en-US")} queries (${matcher.indexedCount.toLocaleString("en-US")} indexed)` +
          (matcher.mismatches > 0 ? `; different ids on ${matcher.mismatches} events` : "") +
          (matcher.queryCount === 10000 ? "" : " (the target applies to 10,000)"),
    met: matcherTargetMet(matcher, matcherMeasured),
  });

  const memory = results.memory?.generated;
  const memoryMeasured = memory?.deltaBytes !== undefined && memory.count === 10000;
  targets.push({
    id: "memory",
    target: `heap used by 10,000 compiled webhook predicates < ${MEMORY_LIMIT_BYTES / 1e6} MB`,
    measured:
      memory?.deltaBytes === undefined
        ? `not measured${results.memory?.error ? `: ${results.memory.error}` : ""}`
        : `${(memory.deltaBytes / 1e6).toFixed(1)} MB for ${memory.count.toLocaleString("en-US")} predicates` +
          (memoryMeasured ? "" : " (the target applies to 10,000)"),
    met: memoryMeasured ? memory.deltaBytes < MEMORY_LIMIT_BYTES : undefined,
  });
  return targets;
}
