/**
 * Many webhooks per event: a matcher holding N webhook queries against trying every compiled
 * predicate on each event. Both run on the same events in the same process, and the ids they return
 * are compared for every event before anything is timed.
 */
import { compile, createMatcher } from "../dist/index.js";
import { BENCH_NOW, generateEvents, mulberry32 } from "./events.mjs";

function cpuMs() {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const REGIONS = ["eu-west", "us-east", "us-west", "apac", "emea"];
const FIRST_NAMES = ["anna", "ben", "carla", "david", "elena", "felix", "greta", "hugo", "ines", "jonas", "karin", "lukas"];
const LAST_NAMES = ["schmidt", "meyer", "novak", "garcia", "rossi", "dubois", "smith", "tanaka"];
const DATA_SOURCES = ["SHAREPOINT_ONLINE", "SMB", "ONEDRIVE", "AWS_S3", "GOOGLE_DRIVE", "BOX", "SHAREPOINT_ONPREM", "CONFLUENCE_CLOUD", "AZURE_BLOB", "DROPBOX"];
const DEPARTMENTS = ["Finance", "Engineering", "Sales", "HR", "Legal", "Marketing", "IT", "Operations", "Procurement", "Executive", "Research"];
const LABELS = ["PUBLIC", "INTERNAL", "CONFIDENTIAL", "HIGHLY_CONFIDENTIAL"];
const EXTENSIONS = ["xlsx", "docx", "pdf", "csv", "pptx"];

/**
 * Generates webhook queries as a webhook service stores them: almost all pinned to a connector, an owner, a
 * data source or a department, with 2% that pin nothing and must be tried on every event. The
 * weights are an assumption about such a service, not a measurement of one.
 */
export function webhookQueries(count, seed = 17) {
  const next = mulberry32(seed);
  const pick = (values) => values[Math.floor(next() * values.length)];
  const integer = (low, high) => low + Math.floor(next() * (high - low + 1));
  const connector = () => `${pick(REGIONS)}-${String(integer(1, 12)).padStart(2, "0")}`;
  const account = () => `${pick(FIRST_NAMES)}.${pick(LAST_NAMES)}@contoso.com`;
  const templates = [
    [25, () => `connectorId = "${connector()}" AND classification >= ${pick(LABELS)}`],
    [20, () => `owner = "${account()}" AND sharedExternally = true`],
    [15, () => `dataSource = ${pick(DATA_SOURCES)} AND department = ${pick(DEPARTMENTS)} AND classification >= ${pick(LABELS)}`],
    [15, () => `createdBy = "${account()}" AND flow = CLASSIFICATION`],
    [10, () => `connectorId IN ("${connector()}", "${connector()}") AND compliance IN (GDPR, PII)`],
    [8, () => `department = ${pick(DEPARTMENTS)} AND path ~ "*/finance/*" AND risk >= HIGH`],
    [5, () => `dataSource = ${pick(DATA_SOURCES)} AND flow = CATALOGUING AND size > ${integer(1, 50)}MB`],
    [2, () => `name ~ "*.${pick(EXTENSIONS)}" AND size > ${integer(100, 900)}MB`],
  ];
  const total = templates.reduce((sum, [weight]) => sum + weight, 0);
  const queries = [];
  for (let i = 0; i < count; i++) {
    let draw = next() * total;
    const template = templates.find(([weight]) => (draw -= weight) < 0) ?? templates[0];
    queries.push(template[1]());
  }
  return queries;
}

/** Runs the matcher benchmark and returns its figures. */
export function runMatcher({ queryCount, eventCount, rounds, log }) {
  const now = () => BENCH_NOW;
  const queries = webhookQueries(queryCount);
  const events = generateEvents("files", eventCount, 11);

  const addStart = cpuMs();
  const matcher = createMatcher({ dataset: "files", now });
  queries.forEach((query, index) => matcher.add(`w${index}`, query));
  const addMs = cpuMs() - addStart;
  const predicates = queries.map((query, index) => ({ id: `w${index}`, predicate: compile(query, { dataset: "files", now }) }));
  const indexed = queries.filter((_, index) => matcher.plan(`w${index}`)?.kind === "indexed").length;

  const bruteForce = (event) => {
    const ids = [];
    for (const entry of predicates) if (entry.predicate(event)) ids.push(entry.id);
    return ids;
  };
  let mismatches = 0;
  let matches = 0;
  for (const event of events) {
    const expected = bruteForce(event);
    const actual = matcher.match(event);
    matches += expected.length;
    if (JSON.stringify(actual) !== JSON.stringify(expected)) mismatches++;
  }
  log(`matcher: ${queries.length} queries (${indexed} indexed), ${events.length} events, ${matches} matches, ${mismatches} events with different ids`);

  const timings = { matcher: [], bruteForce: [] };
  let sink = 0;
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? ["matcher", "bruteForce"] : ["bruteForce", "matcher"];
    for (const name of order) {
      const start = cpuMs();
      for (const event of events) sink += (name === "matcher" ? matcher.match(event) : bruteForce(event)).length;
      timings[name].push(cpuMs() - start);
    }
  }
  if (sink < 0) log("unreachable");
  const matcherMs = median(timings.matcher);
  const bruteForceMs = median(timings.bruteForce);
  return {
    queryCount: queries.length,
    indexedCount: indexed,
    eventCount: events.length,
    matches,
    mismatches,
    addMsPerQuery: addMs / queries.length,
    matcherUsPerEvent: (matcherMs * 1000) / events.length,
    bruteForceUsPerEvent: (bruteForceMs * 1000) / events.length,
    speedup: bruteForceMs / matcherMs,
    rounds,
  };
}
