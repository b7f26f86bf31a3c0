/** Renders benchmark results as Markdown (RESULTS.md) and as an SVG bar chart of the ratios. */
import { causes } from "./causes.mjs";
import { compileSpeedups } from "./targets.mjs";

function formatNs(value) {
  if (value === undefined) return "";
  if (value < 10) return value.toFixed(2);
  if (value < 100) return value.toFixed(1);
  return Math.round(value).toLocaleString("en-US");
}

function formatUs(value) {
  if (value === undefined) return "";
  if (value < 10) return value.toFixed(2);
  if (value < 1000) return value.toFixed(1);
  return Math.round(value).toLocaleString("en-US");
}

function formatRatio(value) {
  if (value === undefined || !Number.isFinite(value)) return "";
  if (value >= 100) return `${Math.round(value)}×`;
  if (value >= 10) return `${value.toFixed(1)}×`;
  return `${value.toFixed(2)}×`;
}

function formatBytes(bytes) {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

function escapeCell(text) {
  return String(text).replaceAll("|", "\\|").replaceAll("\n", " ");
}

function table(header, rows) {
  const lines = [`| ${header.map(escapeCell).join(" | ")} |`, `| ${header.map(() => "---").join(" | ")} |`];
  for (const row of rows) lines.push(`| ${row.map((cell) => escapeCell(cell ?? "")).join(" | ")} |`);
  return lines.join("\n");
}

function contender(result, id) {
  return result.contenders.find((entry) => entry.id === id);
}

/** Formats a contender's cell of a summary matrix: time and ratio, or why there is none. */
function summaryCell(result, entry, kind) {
  if (entry.status === "unable") return "unable";
  if (entry.status === "failed") return "failed";
  if (entry.status === "disagrees") return `disagrees (${entry.mismatches})`;
  const hand = contender(result, "hand")[kind];
  const timing = entry[kind];
  if (timing === undefined) return "";
  return entry.id === "hand" ? formatNs(timing.cpuNsPerEvent) : `${formatNs(timing.cpuNsPerEvent)} (${formatRatio(timing.cpuMs / hand.cpuMs)})`;
}

function summaryMatrix(results, kind) {
  const ids = results.throughput[0].contenders.map((entry) => entry.id);
  const labels = results.throughput[0].contenders.map((entry) => entry.label);
  const rows = results.throughput.map((result) => [result.id, ...ids.map((id) => summaryCell(result, contender(result, id), kind))]);
  return table(["query", ...labels], rows);
}

function statusText(entry) {
  if (entry.status === "unable") return `unable: ${entry.reason}`;
  if (entry.status === "failed") return `failed: ${entry.reason}`;
  if (entry.status === "disagrees") {
    const example = entry.example;
    return `disagrees (${entry.mismatches} of ${entry.eventsChecked ?? "all"} events); e.g. event #${example.index}: dspm-gql ${example.expected}, this ${example.actual}: ${example.event}`;
  }
  return "agrees";
}

function queryDetail(result) {
  const hand = contender(result, "hand");
  const ours = contender(result, "ours");
  const rows = result.contenders.map((entry) => {
    if (entry.cold === undefined) return [entry.label, statusText(entry), "", "", "", "", "", "", "", ""];
    return [
      entry.label,
      statusText(entry),
      formatNs(entry.cold.cpuNsPerEvent),
      formatRatio(entry.cold.cpuMs / hand.cold.cpuMs),
      formatRatio(entry.cold.cpuMs / ours.cold.cpuMs),
      formatNs(entry.cold.wallNsPerEvent),
      formatNs(entry.hot.cpuNsPerEvent),
      formatRatio(entry.hot.cpuMs / hand.hot.cpuMs),
      formatRatio(entry.hot.cpuMs / ours.hot.cpuMs),
      `${entry.cold.runs} + ${entry.hot.runs}`,
    ];
  });
  return [
    `### ${result.id}: ${result.title}`,
    "",
    `Dataset ${result.dataset}; ${result.matches.toLocaleString("en-US")} of ${result.events.toLocaleString("en-US")} events match.`,
    "",
    "```",
    result.gql,
    "```",
    "",
    table(
      ["contender", "result check", "cold ns/event (CPU)", "× hand-written", "× dspm-gql", "cold ns/event (wall)", "hot ns/event (CPU)", "× hand-written", "× dspm-gql", "timed runs (cold + hot)"],
      rows,
    ),
    "",
  ].join("\n");
}

function compileTable(results) {
  const ids = results.compile[0].contenders.map((entry) => entry.id);
  const labels = results.compile[0].contenders.map((entry) => entry.label);
  const speedups = compileSpeedups(results.compile);
  const rows = results.compile.map((result, index) => {
    const cells = ids.map((id) => {
      const entry = result.contenders.find((candidate) => candidate.id === id);
      if (entry === undefined) return "";
      if (entry.status === "none") return "no step";
      if (entry.status === "unable") return "unable";
      if (entry.status === "failed") return "failed";
      return formatUs(entry.cpuUs);
    });
    const speedup = speedups[index];
    return [result.id, ...cells, speedup.speedup === undefined ? "" : `${formatRatio(speedup.speedup)} (${speedup.peer})`];
  });
  return table(["query", ...labels, "fastest peer ÷ dspm-gql"], rows);
}

function targetsTable(targets) {
  const rows = targets.map((target) => {
    let met = "not measured";
    if (target.met === true) met = "yes";
    if (target.met === false) met = "no";
    return [target.target, target.measured, met, target.met === false ? (causes[target.id] ?? "") : ""];
  });
  return table(["target", "measured", "met", "cause of a miss (bench/causes.mjs)"], rows);
}

function matcherSection(matcher) {
  if (matcher === undefined) return "Not measured.";
  return [
    `${matcher.queryCount.toLocaleString("en-US")} webhook queries over the files dataset from bench/matcher.mjs (almost all pinned to a connector, an owner, a data source or a department; 2% pin nothing), of which ${matcher.indexedCount.toLocaleString("en-US")} have a required value that the matcher indexes; ${matcher.eventCount.toLocaleString("en-US")} events. Before timing, the ids that \`match(event)\` returns were compared with those of calling every predicate: ${matcher.mismatches === 0 ? "the same on every event" : `different on ${matcher.mismatches} events`} (${matcher.matches.toLocaleString("en-US")} matches in all). Medians of ${matcher.rounds} interleaved rounds of CPU time.`,
    "",
    table(
      ["contender", "µs per event", "ratio"],
      [
        ["every predicate in turn", matcher.bruteForceUsPerEvent.toFixed(1), "1×"],
        ["createMatcher", matcher.matcherUsPerEvent.toFixed(2), `${(matcher.bruteForceUsPerEvent / matcher.matcherUsPerEvent).toFixed(1)}× faster`],
      ],
    ),
    "",
    `Adding a query to the matcher took ${(matcher.addMsPerQuery * 1000).toFixed(0)} µs on average (parse, check, compile and indexing).`,
  ].join("\n");
}

function memorySection(memory) {
  if (memory === undefined) return "Skipped (--skip-memory).";
  if (memory.error !== undefined) return `Not measured: ${memory.error}`;
  const rows = ["generated", "closure"]
    .map((mode) => memory[mode])
    .filter((entry) => entry !== undefined)
    .map((entry) => [
      entry.mode,
      entry.count.toLocaleString("en-US"),
      entry.distinctQueries.toLocaleString("en-US"),
      formatBytes(entry.deltaBytes),
      Math.round(entry.bytesPerPredicate).toLocaleString("en-US"),
      `${(entry.compileAndFirstRunsMs / 1000).toFixed(2)} s`,
    ]);
  return [
    "Heap used (`process.memoryUsage().heapUsed` after two `gc()` calls) before and after compiling varied webhook filters from bench/webhook-queries.mjs (1 to 12 conditions, over the three datasets) and running each on two events, with every predicate kept alive. One child process per mode, started with `--expose-gc`.",
    "",
    table(["mode", "predicates", "distinct query texts", "heap used by the predicates", "bytes per predicate", "compile and first runs"], rows),
  ].join("\n");
}

function streamSection(stream) {
  if (stream === undefined) return "Skipped (--skip-stream).";
  if (stream.skipped !== undefined) return `Skipped: ${stream.skipped}.`;
  const baseline = stream.commands.find((command) => command.id === "baseline");
  const rows = stream.commands.map((command) => [
    command.label,
    command.note ?? "reads and parses every line",
    command.expectedMatches === undefined ? "" : command.expectedMatches.toLocaleString("en-US"),
    command.medianMs === undefined ? "failed" : `${(command.medianMs / 1000).toFixed(2)} s`,
    command.medianMs === undefined ? "" : `${(stream.fileBytes / 1e6 / (command.medianMs / 1000)).toFixed(0)} MB/s`,
    command.medianMs === undefined || baseline.medianMs === undefined ? "" : formatRatio(command.medianMs / baseline.medianMs),
    command.medianCpuMs === undefined ? "" : `${(command.medianCpuMs / 1000).toFixed(2)} s`,
    String(command.timesMs.length),
  ]);
  const lines = [
    `File: ${formatBytes(stream.fileBytes)}, ${stream.lines.toLocaleString("en-US")} lines of files events (generated in ${(stream.generateMs / 1000).toFixed(0)} s). Each command runs as \`node ... > /dev/null\`; wall time is measured around the process, CPU time (user plus system of the child) from the shell's \`times\`.`,
    "",
    table(["command", "lines that match", "matches", "median wall time", "throughput", "× baseline", "median CPU time", "runs"], rows),
  ];
  if (stream.failures.length > 0) lines.push("", "Failures:", "", ...stream.failures.map((failure) => `- ${failure}`));
  return lines.join("\n");
}

/** Writes a rule or a Mongo query as a JavaScript literal, with regular expressions as `/…/flags`. */
function toJavaScriptLiteral(value) {
  if (value instanceof RegExp) return String(value);
  if (Array.isArray(value)) return `[${value.map(toJavaScriptLiteral).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const members = Object.entries(value).map(([key, member]) => `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)}: ${toJavaScriptLiteral(member)}`);
    return `{ ${members.join(", ")} }`;
  }
  return JSON.stringify(value);
}

/** Returns a peer expression as text: the reason it is unable, the string, or the literal of a rule. */
function describeExpression(expression) {
  if (typeof expression === "string") return expression;
  if (expression !== null && typeof expression === "object" && "unable" in expression) return `unable: ${expression.unable}`;
  return toJavaScriptLiteral(expression);
}

function queriesAppendix(queries) {
  const sections = queries.map((query) => {
    const peers = Object.entries(query.peers).map(([name, expression]) => `- ${name}: \`${describeExpression(expression).replaceAll("`", "'")}\``);
    return [`<details><summary>${query.id}</summary>`, "", "```", query.gql, "```", "", ...peers, "", "</details>", ""].join("\n");
  });
  return sections.join("\n");
}

/** Renders RESULTS.md. */
export function renderMarkdown(results, queries) {
  const { machine, settings } = results;
  const lines = [];
  lines.push("# dspm-gql benchmark results", "");
  lines.push(`Written by \`${settings.command}\` (bench/run.mjs). Mode: ${settings.smoke ? "smoke" : "full"}.`, "");
  lines.push(
    table(
      ["", ""],
      [
        ["Date", results.startedAt],
        ["CPU", `${machine.cpuModel}, ${machine.cores} logical cores`],
        ["Memory", `${(machine.memoryBytes / 2 ** 30).toFixed(1)} GiB`],
        ["OS", machine.os],
        ["Node.js", machine.node],
        ["Load average (1 min) at start and end", `${machine.loadStart.toFixed(2)}, ${machine.loadEnd.toFixed(2)}`],
        ["Events per dataset", settings.events.toLocaleString("en-US")],
        ["Timed rounds", `${settings.rounds} (contenders slower than ${settings.slowRunMs} ms per run: ${settings.slowRounds})`],
        ["Events in cache", `${settings.hotEvents.toLocaleString("en-US")} events × ${settings.hotRepeat} passes per run`],
        ["Stream file", settings.skipStream ? "skipped" : formatBytes(settings.streamBytes)],
        ["Total time", `${(results.durationMs / 1000).toFixed(0)} s`],
      ],
    ),
    "",
  );
  if (settings.smoke) lines.push("NOTE: smoke mode uses too few events and repetitions for the figures to mean anything. It checks that the suite runs and that the contenders agree.", "");
  if (settings.scaleNote) lines.push(`NOTE: ${settings.scaleNote}`, "");
  if (machine.loadStart > machine.cores / 2 || machine.loadEnd > machine.cores / 2) {
    lines.push(
      `NOTE: the load average was above half the number of cores, so other processes competed for the CPU during the run. Ratios use CPU time, which is less affected than wall time, but cache and memory-bandwidth contention still add noise.`,
      "",
    );
  }

  lines.push("## Targets", "", targetsTable(results.targets), "");
  lines.push(
    "Predicate figures are medians of CPU time (process user plus system time over the run) per event, from the cold runs unless stated; \"× hand-written\" divides by the hand-written predicate's time on the same query. A peer counts for a query only if it agrees with dspm-gql on every event.",
    "",
  );

  lines.push("## Predicate throughput", "");
  lines.push(
    "Every contender is first run over all events and its result compared with dspm-gql's on each event; a contender that differs on any event is reported as disagreeing and is not timed. Then each contender is timed over all events per run (cold: the events do not fit in the CPU caches, so every evaluation starts with cache misses) and over the first events repeatedly (hot: the events stay in cache, as a just-parsed event does). In each round every contender runs once, in an order that rotates from round to round. Each contender has its own copy of the loop, so its call site sees a single predicate.",
    "",
    "### Cold: ns per event (CPU) and ratio to hand-written",
    "",
    summaryMatrix(results, "cold"),
    "",
    "### Hot: ns per event (CPU) and ratio to hand-written",
    "",
    summaryMatrix(results, "hot"),
    "",
    "![ratios to hand-written code](ratios.svg)",
    "",
  );
  for (const result of results.throughput) lines.push(queryDetail(result));

  lines.push("## Compile latency", "");
  lines.push(
    [
      "Median CPU time per compile in microseconds. dspm-gql: `compile(text, options)`, that is parse, check and code generation (`new Function`), or closure building.",
      "Peers: their own compile or parse step, with environments built once beforehand (cel-js `Environment`, @bufbuild/cel `celEnv`, jexl instance). json-logic-js has no compile step.",
      "@marcbachmann/cel-js 8.0.0 parses in `Environment.parse` and type-checks an expression at its first evaluation, so its figure covers parsing only.",
      `Before timing, every compile step of every query runs ${settings.compileWarmupCalls} times.`,
    ].join(" "),
    "",
    compileTable(results),
    "",
  );

  lines.push("## Memory", "", memorySection(results.memory), "");
  lines.push("## Many webhooks per event", "", matcherSection(results.matcher), "");
  lines.push("## Stream: gql filter", "", streamSection(results.stream), "");

  lines.push(
    "## Method notes",
    "",
    "- Events come from bench/events.mjs (seeded mulberry32 generator): skewed data sources, labels and tags, deep paths, 0 to 8 compliance tags, log-normal sizes, ISO 8601 timestamps over two years, missing optional fields, and a small share of labels and tags in lower or mixed case. Each event goes through JSON.stringify and JSON.parse, as a received webhook would.",
    "- The hand-written predicates and the peer expressions are in bench/queries.mjs; their rules (the `lower` helper for filtrex, jexl and json-logic-js, `has()` guards in CEL, regular expressions with the `i` flag for Mongo queries and liqe) are described at the top of that file. Peers compare timestamps as ISO strings, which is exact for these events only because every timestamp is `toISOString()` output.",
    "- Relative times use a fixed clock: dspm-gql and the hand-written code call it per evaluation, the peers get the cutoff as a constant.",
    `- Each contender is timed in ${settings.rounds} cold and ${settings.rounds} hot rounds after one warm-up run of each. A contender whose correctness pass took over ${settings.slowRunMs} ms is timed in ${settings.slowRounds} rounds of each, and that pass is its warm-up. This keeps the full run under about 10 minutes on 2 cores.`,
    "- Throughput figures are CPU time of the whole process, so garbage collection caused by a contender counts against it. Wall-clock medians of the cold runs are in the per-query tables.",
    "- Machine noise: medians of interleaved runs; the load average is recorded above.",
    "",
    "## Queries and peer expressions",
    "",
    queriesAppendix(queries),
  );
  return lines.join("\n");
}

const PALETTE = {
  ours: "#1f77b4",
  "ours-closure": "#6baed6",
  filtrex: "#ff7f0e",
  liqe: "#2ca02c",
  "cel-marc": "#d62728",
  "cel-buf": "#9467bd",
  sift: "#8c564b",
  mingo: "#e377c2",
  jexl: "#7f7f7f",
  jsonlogic: "#bcbd22",
};

function escapeXml(text) {
  return String(text).replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
}

const SVG_LAYOUT = {
  minRatio: 0.1,
  maxRatio: 500,
  labelWidth: 190,
  panelWidth: 430,
  panelGap: 40,
  barHeight: 9,
  barGap: 2,
  groupHeader: 16,
  groupGap: 10,
  top: 70,
  ticks: [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500],
};

/** Maps a ratio to a fraction of a panel's width on the log scale; ratios beyond it are clamped. */
function scaleRatio(ratio) {
  const { minRatio, maxRatio } = SVG_LAYOUT;
  const clamped = Math.min(Math.max(ratio, minRatio), maxRatio);
  return (Math.log10(clamped) - Math.log10(minRatio)) / (Math.log10(maxRatio) - Math.log10(minRatio));
}

/** Draws a panel's title, its grid lines and their labels; the 1× line is black. */
function drawPanelAxes(parts, panel, bottom) {
  const { top, panelWidth, ticks } = SVG_LAYOUT;
  parts.push(`<text x="${panel.x}" y="56" font-weight="bold">${escapeXml(panel.title)}</text>`);
  for (const tick of ticks) {
    const x = (panel.x + scaleRatio(tick) * panelWidth).toFixed(1);
    const stroke = tick === 1 ? `stroke="#000000" stroke-width="1"` : `stroke="#dddddd" stroke-width="0.5"`;
    parts.push(`<line x1="${x}" y1="${top - 6}" x2="${x}" y2="${bottom}" ${stroke}/>`);
    parts.push(`<text x="${x}" y="${top - 8}" text-anchor="middle" fill="#444444">${tick}×</text>`);
  }
}

/** Draws one contender's bar in a panel, or the reason it has none. */
function drawBar(parts, panel, entry, hand, color, y) {
  const { minRatio, maxRatio, panelWidth, barHeight } = SVG_LAYOUT;
  const baselineY = y + barHeight - 1;
  if (entry?.[panel.kind] === undefined) {
    const reason = entry === undefined ? "" : entry.status;
    parts.push(`<text x="${panel.x + 3}" y="${baselineY}" fill="#999999" font-size="8">${escapeXml(reason)}</text>`);
    return;
  }
  const ratio = entry[panel.kind].cpuMs / hand[panel.kind].cpuMs;
  const one = panel.x + scaleRatio(1) * panelWidth;
  const end = panel.x + scaleRatio(ratio) * panelWidth;
  const clipped = ratio > maxRatio || ratio < minRatio;
  const left = Math.min(one, end);
  parts.push(`<rect x="${left.toFixed(1)}" y="${y}" width="${Math.max(1, Math.abs(end - one)).toFixed(1)}" height="${barHeight}" fill="${color}"/>`);
  const label = `${formatRatio(ratio)}${clipped ? " (clipped)" : ""}`;
  const labelX = ratio >= 1 ? end + 3 : one + 3;
  parts.push(`<text x="${labelX.toFixed(1)}" y="${baselineY}" font-size="8" fill="#222222">${escapeXml(label)}</text>`);
}

/**
 * Renders a horizontal bar chart: for each query, one bar per contender with its time relative to
 * the hand-written predicate on a log scale from 0.1× to 500×. Bars start at the 1× line. They
 * grow to the right when slower than hand-written code and to the left when faster, and ratios
 * beyond the scale are clipped and marked. Cold runs are on the left, hot runs on the right.
 */
export function renderSvg(results) {
  const { labelWidth, panelWidth, panelGap, barHeight, barGap, groupHeader, groupGap, top } = SVG_LAYOUT;
  const ids = Object.keys(PALETTE);
  const labels = new Map(results.throughput[0].contenders.map((entry) => [entry.id, entry.label]));
  const groupHeight = groupHeader + ids.length * (barHeight + barGap) + groupGap;
  const chartBottom = top + results.throughput.length * groupHeight;
  const legendHeight = 20 * Math.ceil(ids.length / 4) + 10;
  const height = chartBottom + legendHeight + 20;
  const width = labelWidth + 2 * panelWidth + panelGap + 30;
  const panels = [
    { kind: "cold", title: "cold: all events once per run", x: labelWidth },
    { kind: "hot", title: "hot: events in cache", x: labelWidth + panelWidth + panelGap },
  ];

  const parts = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif" font-size="10">`);
  parts.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  parts.push(`<text x="10" y="20" font-size="14" font-weight="bold">Predicate time relative to hand-written JavaScript (log scale, lower is faster)</text>`);
  const subtitle = `${results.settings.events.toLocaleString("en-US")} events per dataset, median CPU time, ${results.startedAt}. The black line is the hand-written predicate (1×); no bar: the contender cannot express the query or disagrees with dspm-gql.`;
  parts.push(`<text x="10" y="36" fill="#444444">${escapeXml(subtitle)}</text>`);
  for (const panel of panels) drawPanelAxes(parts, panel, chartBottom);

  results.throughput.forEach((result, groupIndex) => {
    const groupTop = top + groupIndex * groupHeight;
    parts.push(`<text x="10" y="${groupTop + 11}" font-weight="bold">${escapeXml(result.id)}</text>`);
    const hand = contender(result, "hand");
    ids.forEach((id, index) => {
      const y = groupTop + groupHeader + index * (barHeight + barGap);
      parts.push(`<text x="${labelWidth - 6}" y="${y + barHeight - 1}" text-anchor="end" fill="#333333" font-size="9">${escapeXml(labels.get(id) ?? id)}</text>`);
      for (const panel of panels) drawBar(parts, panel, contender(result, id), hand, PALETTE[id], y);
    });
  });

  const legendTop = chartBottom + 10;
  ids.forEach((id, index) => {
    const x = 10 + (index % 4) * 250;
    const y = legendTop + Math.floor(index / 4) * 20;
    parts.push(`<rect x="${x}" y="${y}" width="12" height="12" fill="${PALETTE[id]}"/>`);
    parts.push(`<text x="${x + 18}" y="${y + 10}">${escapeXml(labels.get(id) ?? id)}</text>`);
  });
  parts.push("</svg>");
  return parts.join("\n") + "\n";
}
