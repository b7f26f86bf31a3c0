/**
 * The benchmark queries. Each entry contains the GQL text, a hand-written JavaScript predicate with
 * the same semantics, and the equivalent expression for every peer library that can express it.
 *
 * Semantics of GQL that every formulation follows:
 * - String comparisons ignore case.
 * - A missing field makes every positive comparison false, so `!=`, `!~` and `NOT IN` are true for it.
 * - List fields match when any element matches.
 * - `~` with `*` matches the whole text, and without it is a substring test.
 * - `=~` is a case-sensitive regular expression search.
 * - Timestamps are ISO 8601 strings, and relative times are taken from BENCH_NOW.
 *
 * Rules for the peers:
 * - filtrex, jexl and json-logic have no case-insensitive comparison, so each gets one registered
 *   helper, `lower`, that lower-cases a string and each string of a list and passes anything else
 *   through. Nothing else is registered.
 * - Both CEL libraries share one expression; `has()` guards stand for the missing-field rule and
 *   `lowerAscii()` (a built-in of @marcbachmann/cel-js, the strings extension of @bufbuild/cel) for
 *   case folding. The event is bound to the variable `e`.
 * - sift and mingo share one Mongo query; case-insensitive matching uses regular expressions with
 *   the `i` flag, and `$not`/`$ne` match missing fields as the GQL negations do.
 * - Timestamps are compared as ISO 8601 strings by every peer that can compare strings. That is
 *   exact for these events, whose timestamps are all `toISOString()` output (UTC, milliseconds),
 *   but not for timestamps with other offsets or precision, which GQL and the hand-written code
 *   parse. Relative times become a fixed cutoff string computed from BENCH_NOW before compiling.
 * - liqe needs a regular expression for a case-insensitive exact match. Its parser lets a regular
 *   expression body contain "/", so a query with several of them is ambiguous unless each later
 *   condition is nested one parenthesis deeper: `a:/x/i AND (b:/y/i AND (c:/z/i))`.
 * - A peer that cannot express a query faithfully is marked unable, with the reason.
 */
import { BENCH_NOW } from "./events.mjs";

const DAY = 86_400_000;

/** Returns BENCH_NOW minus `days` as an ISO string, for peers that compare timestamps as strings. */
function cutoff(days) {
  return new Date(BENCH_NOW - days * DAY).toISOString();
}

/** Marks a peer as unable to express the query, with the reason. */
function unable(reason) {
  return { unable: reason };
}

const NO_TIMESTAMPS_FILTREX = unable("its comparison operators accept numbers only, so ISO timestamps cannot be compared");
const NO_TIMESTAMPS_LIQE = unable("its range operators accept numbers only, so ISO timestamps cannot be compared");
const NO_WILDCARD_JEXL = unable("has no prefix, suffix or pattern test on strings (only `in` for substrings)");
const NO_REGEX_JSONLOGIC = unable("has no regular expressions");
const LIQE_AMBIGUOUS = unable(
  'its parser rejects every formulation tried with "Ambiguous results." (a regular expression body may contain "/", so several regular expressions in one query can be read in more than one way)',
);

// Helpers of the hand-written predicates: the GQL reading of numbers and timestamps.
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Reads a finite number, or a numeric string in decimal syntax, as a number; NaN otherwise. */
function toNumber(value) {
  if (typeof value === "number") return value - value === 0 ? value : NaN;
  if (typeof value === "string" && DECIMAL.test(value)) {
    const number = Number(value);
    return number - number === 0 ? number : NaN;
  }
  return NaN;
}

/**
 * Reads an ISO 8601 string, a finite number or a valid Date as epoch milliseconds; NaN otherwise.
 * NOTE: Date.parse also accepts some strings that are not ISO 8601, which GQL rejects; the
 * benchmark events contain only toISOString() output, where both agree.
 */
function toTime(value) {
  if (typeof value === "string") return Date.parse(value);
  if (typeof value === "number") return value - value === 0 ? value : NaN;
  if (value instanceof Date) return value.getTime();
  return NaN;
}

/** Reads a property of a nested object; arrays and primitives have none. */
function child(value, key) {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value[key] : undefined;
}

/** Tells whether any string of a list, in lower case, is in the set. */
function anyLowerIn(list, lowerSet) {
  if (!Array.isArray(list)) return false;
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (typeof item === "string" && lowerSet.has(item.toLowerCase())) return true;
  }
  return false;
}

/** Tells whether any string of a list, in lower case, contains the lower-case fragment. */
function anyLowerIncludes(list, fragment) {
  if (!Array.isArray(list)) return false;
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (typeof item === "string" && item.toLowerCase().includes(fragment)) return true;
  }
  return false;
}

/** Returns a string value in lower case, or undefined for anything else. */
function lowerText(value) {
  return typeof value === "string" ? value.toLowerCase() : undefined;
}

const CONFIDENTIAL_OR_ABOVE = new Set(["confidential", "highly_confidential"]);
const HIGH_OR_ABOVE = new Set(["high", "critical"]);
const MEDIUM_OR_ABOVE = new Set(["medium", "high", "critical"]);

export const queries = [
  {
    id: "q01-enum-eq",
    title: "one enum equality",
    dataset: "files",
    gql: "dataSource = SHAREPOINT_ONLINE",
    hand: () =>
      function handQ01(event) {
        const value = event.dataSource;
        return value === "SHAREPOINT_ONLINE" || (typeof value === "string" && value.toLowerCase() === "sharepoint_online");
      },
    peers: {
      filtrex: 'lower(dataSource) == "sharepoint_online"',
      liqe: "dataSource:/^sharepoint_online$/i",
      cel: 'has(e.dataSource) && e.dataSource.lowerAscii() == "sharepoint_online"',
      mongo: { dataSource: /^sharepoint_online$/i },
      jexl: 'dataSource|lower == "sharepoint_online"',
      jsonLogic: { "==": [{ lower: [{ var: "dataSource" }] }, "sharepoint_online"] },
    },
  },
  {
    id: "q02-ordered-enum",
    title: "ordered enum at or above a label",
    dataset: "files",
    gql: "classification >= CONFIDENTIAL",
    hand: () =>
      function handQ02(event) {
        const value = event.classification;
        if (value === "CONFIDENTIAL" || value === "HIGHLY_CONFIDENTIAL") return true;
        return typeof value === "string" && CONFIDENTIAL_OR_ABOVE.has(value.toLowerCase());
      },
    peers: {
      filtrex: 'exists(classification) and lower(classification) in ("confidential", "highly_confidential")',
      liqe: "classification:/^(confidential|highly_confidential)$/i",
      cel: 'has(e.classification) && e.classification.lowerAscii() in ["confidential", "highly_confidential"]',
      mongo: { classification: /^(?:confidential|highly_confidential)$/i },
      jexl: 'classification|lower in ["confidential", "highly_confidential"]',
      jsonLogic: { in: [{ lower: [{ var: "classification" }] }, ["confidential", "highly_confidential"]] },
    },
  },
  {
    id: "q03-path-prefix",
    title: "wildcard path prefix",
    dataset: "files",
    gql: "path ~ /finance/*",
    hand: () =>
      function handQ03(event) {
        const path = event.path;
        return typeof path === "string" && path.toLowerCase().startsWith("/finance/");
      },
    peers: {
      filtrex: 'exists(path) and lower(path) ~= "^/finance/"',
      liqe: "path:/^\\/finance\\//i",
      cel: 'has(e.path) && e.path.lowerAscii().startsWith("/finance/")',
      mongo: { path: /^\/finance\//i },
      jexl: NO_WILDCARD_JEXL,
      jsonLogic: { "==": [{ substr: [{ lower: [{ var: "path" }] }, 0, 9] }, "/finance/"] },
    },
  },
  {
    id: "q04-suffix-size",
    title: "wildcard name suffix and a size",
    dataset: "files",
    gql: "name ~ *.xlsx AND size > 1MB",
    hand: () =>
      function handQ04(event) {
        const name = event.name;
        return typeof name === "string" && name.toLowerCase().endsWith(".xlsx") && toNumber(event.size) > 1_000_000;
      },
    peers: {
      filtrex: 'exists(name) and lower(name) ~= "\\\\.xlsx$" and exists(size) and size > 1000000',
      liqe: "name:/\\.xlsx$/i AND size:>1000000",
      cel: 'has(e.name) && e.name.lowerAscii().endsWith(".xlsx") && has(e.size) && e.size > 1000000',
      mongo: { name: /\.xlsx$/i, size: { $gt: 1_000_000 } },
      jexl: NO_WILDCARD_JEXL,
      jsonLogic: { and: [{ "==": [{ substr: [{ lower: [{ var: "name" }] }, -5] }, ".xlsx"] }, { ">": [{ var: "size" }, 1_000_000] }] },
    },
  },
  {
    id: "q05-list-in",
    title: "list field IN two tags",
    dataset: "files",
    gql: "compliance IN (GDPR, PCI)",
    hand: () =>
      function handQ05(event) {
        const list = event.compliance;
        if (!Array.isArray(list)) return false;
        for (let i = 0; i < list.length; i++) {
          const tag = list[i];
          if (tag === "GDPR" || tag === "PCI") return true;
          if (typeof tag !== "string") continue;
          const lower = tag.toLowerCase();
          if (lower === "gdpr" || lower === "pci") return true;
        }
        return false;
      },
    peers: {
      filtrex: 'exists(compliance) and ("gdpr" in lower(compliance) or "pci" in lower(compliance))',
      liqe: "compliance:/^(gdpr|pci)$/i",
      cel: 'has(e.compliance) && e.compliance.exists(t, t.lowerAscii() in ["gdpr", "pci"])',
      mongo: { compliance: /^(?:gdpr|pci)$/i },
      jexl: '"gdpr" in compliance|lower || "pci" in compliance|lower',
      jsonLogic: { some: [{ var: "compliance" }, { in: [{ lower: [{ var: "" }] }, ["gdpr", "pci"]] }] },
    },
  },
  {
    id: "q06-recent-confidential",
    title: "relative timestamp and enum IN",
    dataset: "files",
    gql: "modifiedAt > now-30d AND classification IN (CONFIDENTIAL, HIGHLY_CONFIDENTIAL)",
    hand: (clock) =>
      function handQ06(event) {
        if (!(toTime(event.modifiedAt) > clock() - 30 * DAY)) return false;
        const value = event.classification;
        if (value === "CONFIDENTIAL" || value === "HIGHLY_CONFIDENTIAL") return true;
        return typeof value === "string" && CONFIDENTIAL_OR_ABOVE.has(value.toLowerCase());
      },
    peers: {
      filtrex: NO_TIMESTAMPS_FILTREX,
      liqe: NO_TIMESTAMPS_LIQE,
      cel: `has(e.modifiedAt) && e.modifiedAt > "${cutoff(30)}" && has(e.classification) && e.classification.lowerAscii() in ["confidential", "highly_confidential"]`,
      mongo: { modifiedAt: { $gt: cutoff(30) }, classification: /^(?:confidential|highly_confidential)$/i },
      jexl: `modifiedAt > "${cutoff(30)}" && classification|lower in ["confidential", "highly_confidential"]`,
      jsonLogic: { and: [{ ">": [{ var: "modifiedAt" }, cutoff(30)] }, { in: [{ lower: [{ var: "classification" }] }, ["confidential", "highly_confidential"]] }] },
    },
  },
  {
    id: "q07-regex",
    title: "case-sensitive regular expression",
    dataset: "files",
    gql: 'name =~ "^(invoice|statement)[-_ ]?20[0-9]{2}"',
    hand: () => {
      const pattern = /^(invoice|statement)[-_ ]?20[0-9]{2}/;
      return function handQ07(event) {
        const name = event.name;
        return typeof name === "string" && pattern.test(name);
      };
    },
    peers: {
      filtrex: 'exists(name) and name ~= "^(invoice|statement)[-_ ]?20[0-9]{2}"',
      liqe: "name:/^(invoice|statement)[-_ ]?20[0-9]{2}/",
      cel: 'has(e.name) && e.name.matches("^(invoice|statement)[-_ ]?20[0-9]{2}")',
      mongo: { name: /^(?:invoice|statement)[-_ ]?20[0-9]{2}/ },
      jexl: unable("has no regular expressions"),
      jsonLogic: NO_REGEX_JSONLOGIC,
    },
  },
  {
    id: "q08-negations",
    title: "boolean with !=, NOT IN and !~ on missing fields",
    dataset: "files",
    gql: 'sharedExternally = true AND department != Finance AND tags NOT IN (ignore, "false-positive") AND owner !~ svc',
    hand: () => {
      const ignored = new Set(["ignore", "false-positive"]);
      return function handQ08(event) {
        if (event.sharedExternally !== true) return false;
        const department = event.department;
        if (typeof department === "string" && department.toLowerCase() === "finance") return false;
        if (anyLowerIn(event.tags, ignored)) return false;
        const owner = event.owner;
        return !(typeof owner === "string" && owner.toLowerCase().includes("svc"));
      };
    },
    peers: {
      filtrex:
        'exists(sharedExternally) and sharedExternally and lower(department) != "finance" and not (exists(tags) and ("ignore" in lower(tags) or "false-positive" in lower(tags))) and not (exists(owner) and lower(owner) ~= "svc")',
      liqe: "sharedExternally:true AND (NOT department:/^finance$/i AND (NOT tags:/^(ignore|false-positive)$/i AND (NOT owner:/svc/i)))",
      cel: 'has(e.sharedExternally) && e.sharedExternally == true && !(has(e.department) && e.department.lowerAscii() == "finance") && !(has(e.tags) && e.tags.exists(t, t.lowerAscii() in ["ignore", "false-positive"])) && !(has(e.owner) && e.owner.lowerAscii().contains("svc"))',
      mongo: { sharedExternally: true, department: { $not: /^finance$/i }, tags: { $not: /^(?:ignore|false-positive)$/i }, owner: { $not: /svc/i } },
      jexl: 'sharedExternally == true && department|lower != "finance" && !("ignore" in tags|lower || "false-positive" in tags|lower) && !("svc" in owner|lower)',
      jsonLogic: {
        and: [
          { "===": [{ var: "sharedExternally" }, true] },
          { "!=": [{ lower: [{ var: "department" }] }, "finance"] },
          { "!": [{ some: [{ var: "tags" }, { in: [{ lower: [{ var: "" }] }, ["ignore", "false-positive"]] }] }] },
          { "!": [{ in: ["svc", { lower: [{ var: "owner" }] }] }] },
        ],
      },
    },
  },
  {
    id: "q09-ranges",
    title: "number BETWEEN, ordered enum, timestamp BETWEEN",
    dataset: "files",
    gql: "riskScore BETWEEN 70 AND 100 AND risk >= HIGH AND scannedAt BETWEEN 2025-04-01 AND 2025-05-31",
    hand: () => {
      const low = Date.UTC(2025, 3, 1);
      const high = Date.UTC(2025, 4, 31);
      return function handQ09(event) {
        const score = toNumber(event.riskScore);
        if (!(score >= 70 && score <= 100)) return false;
        const risk = event.risk;
        if (!(risk === "HIGH" || risk === "CRITICAL" || (typeof risk === "string" && HIGH_OR_ABOVE.has(risk.toLowerCase())))) return false;
        const scanned = toTime(event.scannedAt);
        return scanned >= low && scanned <= high;
      };
    },
    peers: {
      filtrex: NO_TIMESTAMPS_FILTREX,
      liqe: NO_TIMESTAMPS_LIQE,
      cel: 'has(e.riskScore) && e.riskScore >= 70 && e.riskScore <= 100 && has(e.risk) && e.risk.lowerAscii() in ["high", "critical"] && has(e.scannedAt) && e.scannedAt >= "2025-04-01T00:00:00.000Z" && e.scannedAt <= "2025-05-31T00:00:00.000Z"',
      mongo: { riskScore: { $gte: 70, $lte: 100 }, risk: /^(?:high|critical)$/i, scannedAt: { $gte: "2025-04-01T00:00:00.000Z", $lte: "2025-05-31T00:00:00.000Z" } },
      jexl: 'riskScore >= 70 && riskScore <= 100 && risk|lower in ["high", "critical"] && scannedAt >= "2025-04-01T00:00:00.000Z" && scannedAt <= "2025-05-31T00:00:00.000Z"',
      jsonLogic: {
        and: [
          { "<=": [70, { var: "riskScore" }, 100] },
          { in: [{ lower: [{ var: "risk" }] }, ["high", "critical"]] },
          { "<=": ["2025-04-01T00:00:00.000Z", { var: "scannedAt" }, "2025-05-31T00:00:00.000Z"] },
        ],
      },
    },
  },
  {
    id: "q10-three-alternatives",
    title: "OR of three AND groups (8 conditions)",
    dataset: "files",
    gql: "(dataSource IN (BOX, DROPBOX, GOOGLE_DRIVE) AND sharedPublicly = true) OR (compliance IN (PCI, HIPAA, PHI) AND sharedExternally = true) OR (classification = HIGHLY_CONFIDENTIAL AND encrypted = false AND size >= 100MB)",
    hand: () => {
      const consumerClouds = new Set(["box", "dropbox", "google_drive"]);
      const regulated = new Set(["pci", "hipaa", "phi"]);
      return function handQ10(event) {
        const dataSource = event.dataSource;
        if (typeof dataSource === "string" && consumerClouds.has(dataSource.toLowerCase()) && event.sharedPublicly === true) return true;
        if (anyLowerIn(event.compliance, regulated) && event.sharedExternally === true) return true;
        const classification = event.classification;
        return (
          (classification === "HIGHLY_CONFIDENTIAL" || (typeof classification === "string" && classification.toLowerCase() === "highly_confidential")) &&
          event.encrypted === false &&
          toNumber(event.size) >= 100_000_000
        );
      };
    },
    peers: {
      filtrex:
        '(exists(dataSource) and lower(dataSource) in ("box", "dropbox", "google_drive") and exists(sharedPublicly) and sharedPublicly) or (exists(compliance) and ("pci" in lower(compliance) or "hipaa" in lower(compliance) or "phi" in lower(compliance)) and exists(sharedExternally) and sharedExternally) or (lower(classification) == "highly_confidential" and exists(encrypted) and not encrypted and exists(size) and size >= 100000000)',
      liqe: LIQE_AMBIGUOUS,
      cel: '(has(e.dataSource) && e.dataSource.lowerAscii() in ["box", "dropbox", "google_drive"] && has(e.sharedPublicly) && e.sharedPublicly == true) || (has(e.compliance) && e.compliance.exists(t, t.lowerAscii() in ["pci", "hipaa", "phi"]) && has(e.sharedExternally) && e.sharedExternally == true) || (has(e.classification) && e.classification.lowerAscii() == "highly_confidential" && has(e.encrypted) && e.encrypted == false && has(e.size) && e.size >= 100000000)',
      mongo: {
        $or: [
          { dataSource: /^(?:box|dropbox|google_drive)$/i, sharedPublicly: true },
          { compliance: /^(?:pci|hipaa|phi)$/i, sharedExternally: true },
          { classification: /^highly_confidential$/i, encrypted: false, size: { $gte: 100_000_000 } },
        ],
      },
      jexl: '(dataSource|lower in ["box", "dropbox", "google_drive"] && sharedPublicly == true) || (("pci" in compliance|lower || "hipaa" in compliance|lower || "phi" in compliance|lower) && sharedExternally == true) || (classification|lower == "highly_confidential" && encrypted == false && size >= 100000000)',
      jsonLogic: {
        or: [
          { and: [{ in: [{ lower: [{ var: "dataSource" }] }, ["box", "dropbox", "google_drive"]] }, { "===": [{ var: "sharedPublicly" }, true] }] },
          { and: [{ some: [{ var: "compliance" }, { in: [{ lower: [{ var: "" }] }, ["pci", "hipaa", "phi"]] }] }, { "===": [{ var: "sharedExternally" }, true] }] },
          {
            and: [
              { "==": [{ lower: [{ var: "classification" }] }, "highly_confidential"] },
              { "===": [{ var: "encrypted" }, false] },
              { ">=": [{ var: "size" }, 100_000_000] },
            ],
          },
        ],
      },
    },
  },
  {
    id: "q11-25-conditions",
    title: "25 conditions of every kind",
    dataset: "files",
    gql: [
      "dataSource IN (SHAREPOINT_ONLINE, ONEDRIVE, BOX, GOOGLE_DRIVE, DROPBOX, SMB)",
      "AND classification >= CONFIDENTIAL",
      'AND (compliance IN (GDPR, PCI, HIPAA) OR dataAttributes IN ("Credit Card Number", IBAN) OR sensitive = true)',
      "AND (sharedExternally = true OR sharedPublicly = true OR trustees ~ everyone)",
      "AND size BETWEEN 1KB AND 2GB",
      "AND modifiedAt > now-365d",
      'AND NOT (path ~ "/users/*/archive/*" OR path ~ "*/tmp/*")',
      "AND extension IN (xlsx, xls, csv, docx, pdf, pptx)",
      "AND owner !~ svc",
      "AND risk >= MEDIUM",
      "AND riskScore >= 30",
      "AND encrypted != true",
      "AND department IS NOT NULL",
      "AND language IN (en, de, fr, es)",
      "AND category != Test",
      'AND mimeType !~ "image/"',
      'AND tags NOT IN (ignore, "false-positive")',
      "AND createdAt >= 2023-07-01",
      "AND connectorId !~ sandbox",
      'AND name !~ "~$*"',
    ].join(" "),
    hand: (clock) => {
      const dataSources = new Set(["sharepoint_online", "onedrive", "box", "google_drive", "dropbox", "smb"]);
      const regulated = new Set(["gdpr", "pci", "hipaa"]);
      const financialAttributes = new Set(["credit card number", "iban"]);
      const extensions = new Set(["xlsx", "xls", "csv", "docx", "pdf", "pptx"]);
      const languages = new Set(["en", "de", "fr", "es"]);
      const ignored = new Set(["ignore", "false-positive"]);
      const createdFrom = Date.UTC(2023, 6, 1);
      return function handQ11(event) {
        const dataSource = event.dataSource;
        if (!(typeof dataSource === "string" && dataSources.has(dataSource.toLowerCase()))) return false;
        const classification = event.classification;
        if (!(typeof classification === "string" && CONFIDENTIAL_OR_ABOVE.has(classification.toLowerCase()))) return false;
        if (!(anyLowerIn(event.compliance, regulated) || anyLowerIn(event.dataAttributes, financialAttributes) || event.sensitive === true)) return false;
        if (!(event.sharedExternally === true || event.sharedPublicly === true || anyLowerIncludes(event.trustees, "everyone"))) return false;
        const size = toNumber(event.size);
        if (!(size >= 1_000 && size <= 2_000_000_000)) return false;
        if (!(toTime(event.modifiedAt) > clock() - 365 * DAY)) return false;
        const path = lowerText(event.path);
        if (path !== undefined && ((path.startsWith("/users/") && path.indexOf("/archive/", 7) !== -1) || path.includes("/tmp/"))) return false;
        const extension = event.extension;
        if (!(typeof extension === "string" && extensions.has(extension.toLowerCase()))) return false;
        const owner = lowerText(event.owner);
        if (owner !== undefined && owner.includes("svc")) return false;
        const risk = event.risk;
        if (!(typeof risk === "string" && MEDIUM_OR_ABOVE.has(risk.toLowerCase()))) return false;
        if (!(toNumber(event.riskScore) >= 30)) return false;
        if (event.encrypted === true) return false;
        if (event.department === undefined || event.department === null) return false;
        const language = event.language;
        if (!(typeof language === "string" && languages.has(language.toLowerCase()))) return false;
        const category = lowerText(event.category);
        if (category === "test") return false;
        const mimeType = lowerText(event.mimeType);
        if (mimeType !== undefined && mimeType.includes("image/")) return false;
        if (anyLowerIn(event.tags, ignored)) return false;
        if (!(toTime(event.createdAt) >= createdFrom)) return false;
        const connectorId = lowerText(event.connectorId);
        if (connectorId !== undefined && connectorId.includes("sandbox")) return false;
        const name = event.name;
        return !(typeof name === "string" && name.startsWith("~$"));
      };
    },
    peers: {
      filtrex: NO_TIMESTAMPS_FILTREX,
      liqe: NO_TIMESTAMPS_LIQE,
      cel: [
        'has(e.dataSource) && e.dataSource.lowerAscii() in ["sharepoint_online", "onedrive", "box", "google_drive", "dropbox", "smb"]',
        '&& has(e.classification) && e.classification.lowerAscii() in ["confidential", "highly_confidential"]',
        '&& ((has(e.compliance) && e.compliance.exists(t, t.lowerAscii() in ["gdpr", "pci", "hipaa"])) || (has(e.dataAttributes) && e.dataAttributes.exists(t, t.lowerAscii() in ["credit card number", "iban"])) || (has(e.sensitive) && e.sensitive == true))',
        '&& ((has(e.sharedExternally) && e.sharedExternally == true) || (has(e.sharedPublicly) && e.sharedPublicly == true) || (has(e.trustees) && e.trustees.exists(t, t.lowerAscii().contains("everyone"))))',
        "&& has(e.size) && e.size >= 1000 && e.size <= 2000000000",
        `&& has(e.modifiedAt) && e.modifiedAt > "${cutoff(365)}"`,
        '&& !(has(e.path) && (e.path.lowerAscii().matches("^/users/[\\\\s\\\\S]*/archive/") || e.path.lowerAscii().contains("/tmp/")))',
        '&& has(e.extension) && e.extension.lowerAscii() in ["xlsx", "xls", "csv", "docx", "pdf", "pptx"]',
        '&& !(has(e.owner) && e.owner.lowerAscii().contains("svc"))',
        '&& has(e.risk) && e.risk.lowerAscii() in ["medium", "high", "critical"]',
        "&& has(e.riskScore) && e.riskScore >= 30",
        "&& !(has(e.encrypted) && e.encrypted == true)",
        "&& has(e.department) && e.department != null",
        '&& has(e.language) && e.language.lowerAscii() in ["en", "de", "fr", "es"]',
        '&& !(has(e.category) && e.category.lowerAscii() == "test")',
        '&& !(has(e.mimeType) && e.mimeType.lowerAscii().contains("image/"))',
        '&& !(has(e.tags) && e.tags.exists(t, t.lowerAscii() in ["ignore", "false-positive"]))',
        '&& has(e.createdAt) && e.createdAt >= "2023-07-01T00:00:00.000Z"',
        '&& !(has(e.connectorId) && e.connectorId.lowerAscii().contains("sandbox"))',
        '&& !(has(e.name) && e.name.lowerAscii().startsWith("~$"))',
      ].join(" "),
      mongo: {
        dataSource: /^(?:sharepoint_online|onedrive|box|google_drive|dropbox|smb)$/i,
        classification: /^(?:confidential|highly_confidential)$/i,
        $and: [
          { $or: [{ compliance: /^(?:gdpr|pci|hipaa)$/i }, { dataAttributes: /^(?:credit card number|iban)$/i }, { sensitive: true }] },
          { $or: [{ sharedExternally: true }, { sharedPublicly: true }, { trustees: /everyone/i }] },
        ],
        size: { $gte: 1_000, $lte: 2_000_000_000 },
        modifiedAt: { $gt: cutoff(365) },
        $nor: [{ path: /^\/users\/[\s\S]*\/archive\//i }, { path: /\/tmp\//i }],
        extension: /^(?:xlsx|xls|csv|docx|pdf|pptx)$/i,
        owner: { $not: /svc/i },
        risk: /^(?:medium|high|critical)$/i,
        riskScore: { $gte: 30 },
        encrypted: { $ne: true },
        department: { $ne: null },
        language: /^(?:en|de|fr|es)$/i,
        category: { $not: /^test$/i },
        mimeType: { $not: /image\//i },
        tags: { $not: /^(?:ignore|false-positive)$/i },
        createdAt: { $gte: "2023-07-01T00:00:00.000Z" },
        connectorId: { $not: /sandbox/i },
        name: { $not: /^~\$/i },
      },
      jexl: NO_WILDCARD_JEXL,
      jsonLogic: {
        and: [
          { in: [{ lower: [{ var: "dataSource" }] }, ["sharepoint_online", "onedrive", "box", "google_drive", "dropbox", "smb"]] },
          { in: [{ lower: [{ var: "classification" }] }, ["confidential", "highly_confidential"]] },
          {
            or: [
              { some: [{ var: "compliance" }, { in: [{ lower: [{ var: "" }] }, ["gdpr", "pci", "hipaa"]] }] },
              { some: [{ var: "dataAttributes" }, { in: [{ lower: [{ var: "" }] }, ["credit card number", "iban"]] }] },
              { "===": [{ var: "sensitive" }, true] },
            ],
          },
          {
            or: [
              { "===": [{ var: "sharedExternally" }, true] },
              { "===": [{ var: "sharedPublicly" }, true] },
              { some: [{ var: "trustees" }, { in: ["everyone", { lower: [{ var: "" }] }] }] },
            ],
          },
          { "<=": [1_000, { var: "size" }, 2_000_000_000] },
          { ">": [{ var: "modifiedAt" }, cutoff(365)] },
          {
            "!": [
              {
                or: [
                  { and: [{ "==": [{ substr: [{ lower: [{ var: "path" }] }, 0, 7] }, "/users/"] }, { in: ["/archive/", { substr: [{ lower: [{ var: "path" }] }, 7] }] }] },
                  { in: ["/tmp/", { lower: [{ var: "path" }] }] },
                ],
              },
            ],
          },
          { in: [{ lower: [{ var: "extension" }] }, ["xlsx", "xls", "csv", "docx", "pdf", "pptx"]] },
          { "!": [{ in: ["svc", { lower: [{ var: "owner" }] }] }] },
          { in: [{ lower: [{ var: "risk" }] }, ["medium", "high", "critical"]] },
          { ">=": [{ var: "riskScore" }, 30] },
          { "!==": [{ var: "encrypted" }, true] },
          { "!=": [{ var: "department" }, null] },
          { in: [{ lower: [{ var: "language" }] }, ["en", "de", "fr", "es"]] },
          { "!=": [{ lower: [{ var: "category" }] }, "test"] },
          { "!": [{ in: ["image/", { lower: [{ var: "mimeType" }] }] }] },
          { "!": [{ some: [{ var: "tags" }, { in: [{ lower: [{ var: "" }] }, ["ignore", "false-positive"]] }] }] },
          { ">=": [{ var: "createdAt" }, "2023-07-01T00:00:00.000Z"] },
          { "!": [{ in: ["sandbox", { lower: [{ var: "connectorId" }] }] }] },
          { "!=": [{ substr: [{ lower: [{ var: "name" }] }, 0, 2] }, "~$"] },
        ],
      },
    },
  },
  {
    id: "q12-activity-nested",
    title: "activity: nested file fields",
    dataset: "activity",
    gql: "action IN (FILE_COPIED_TO_USB, FILE_UPLOADED, EMAIL_SENT) AND classification >= CONFIDENTIAL AND file.size >= 1MB AND file.path ~ finance AND blocked = false",
    hand: () => {
      const exfiltration = new Set(["file_copied_to_usb", "file_uploaded", "email_sent"]);
      return function handQ12(event) {
        const action = event.action;
        if (!(typeof action === "string" && exfiltration.has(action.toLowerCase()))) return false;
        const classification = event.classification;
        if (!(typeof classification === "string" && CONFIDENTIAL_OR_ABOVE.has(classification.toLowerCase()))) return false;
        const file = event.file;
        if (!(toNumber(child(file, "size")) >= 1_000_000)) return false;
        const path = child(file, "path");
        return typeof path === "string" && path.toLowerCase().includes("finance") && event.blocked === false;
      };
    },
    peers: {
      filtrex:
        'exists(action) and lower(action) in ("file_copied_to_usb", "file_uploaded", "email_sent") and exists(classification) and lower(classification) in ("confidential", "highly_confidential") and exists(file.size) and file.size >= 1000000 and exists(file.path) and lower(file.path) ~= "finance" and exists(blocked) and not blocked',
      liqe: "action:/^(file_copied_to_usb|file_uploaded|email_sent)$/i AND (classification:/^(confidential|highly_confidential)$/i AND (file.size:>=1000000 AND (file.path:/finance/i AND blocked:false)))",
      cel: 'has(e.action) && e.action.lowerAscii() in ["file_copied_to_usb", "file_uploaded", "email_sent"] && has(e.classification) && e.classification.lowerAscii() in ["confidential", "highly_confidential"] && has(e.file) && has(e.file.size) && e.file.size >= 1000000 && has(e.file.path) && e.file.path.lowerAscii().contains("finance") && has(e.blocked) && e.blocked == false',
      mongo: {
        action: /^(?:file_copied_to_usb|file_uploaded|email_sent)$/i,
        classification: /^(?:confidential|highly_confidential)$/i,
        "file.size": { $gte: 1_000_000 },
        "file.path": /finance/i,
        blocked: false,
      },
      jexl: 'action|lower in ["file_copied_to_usb", "file_uploaded", "email_sent"] && classification|lower in ["confidential", "highly_confidential"] && file.size >= 1000000 && "finance" in file.path|lower && blocked == false',
      jsonLogic: {
        and: [
          { in: [{ lower: [{ var: "action" }] }, ["file_copied_to_usb", "file_uploaded", "email_sent"]] },
          { in: [{ lower: [{ var: "classification" }] }, ["confidential", "highly_confidential"]] },
          { ">=": [{ var: "file.size" }, 1_000_000] },
          { in: ["finance", { lower: [{ var: "file.path" }] }] },
          { "===": [{ var: "blocked" }, false] },
        ],
      },
    },
  },
  {
    id: "q13-streaming-nested",
    title: "streaming: nested actor and resource fields",
    dataset: "streaming",
    gql: 'eventType IN (SHARED, PERMISSIONS_CHANGED) AND sharingScope IN (EXTERNAL, PUBLIC) AND resource.type = FILE AND (classification >= CONFIDENTIAL OR compliance IN (GDPR, PCI, HIPAA)) AND actor.email !~ "@contoso.com"',
    hand: () => {
      const sharing = new Set(["shared", "permissions_changed"]);
      const wide = new Set(["external", "public"]);
      const regulated = new Set(["gdpr", "pci", "hipaa"]);
      return function handQ13(event) {
        const eventType = event.eventType;
        if (!(typeof eventType === "string" && sharing.has(eventType.toLowerCase()))) return false;
        const scope = event.sharingScope;
        if (!(typeof scope === "string" && wide.has(scope.toLowerCase()))) return false;
        const type = child(event.resource, "type");
        if (!(typeof type === "string" && type.toLowerCase() === "file")) return false;
        const classification = event.classification;
        if (!((typeof classification === "string" && CONFIDENTIAL_OR_ABOVE.has(classification.toLowerCase())) || anyLowerIn(event.compliance, regulated))) return false;
        const email = child(event.actor, "email");
        return !(typeof email === "string" && email.toLowerCase().includes("@contoso.com"));
      };
    },
    peers: {
      filtrex:
        'exists(eventType) and lower(eventType) in ("shared", "permissions_changed") and exists(sharingScope) and lower(sharingScope) in ("external", "public") and lower(resource.type) == "file" and ((exists(classification) and lower(classification) in ("confidential", "highly_confidential")) or (exists(compliance) and ("gdpr" in lower(compliance) or "pci" in lower(compliance) or "hipaa" in lower(compliance)))) and not (exists(actor.email) and lower(actor.email) ~= "@contoso\\\\.com")',
      // The NOT condition comes before the OR group here: in the written order liqe reports
      // "Ambiguous results." however the parentheses are placed.
      liqe: "eventType:/^(shared|permissions_changed)$/i AND (sharingScope:/^(external|public)$/i AND (resource.type:/^file$/i AND (NOT actor.email:/@contoso\\.com/i AND (classification:/^(confidential|highly_confidential)$/i OR (compliance:/^(gdpr|pci|hipaa)$/i)))))",
      cel: 'has(e.eventType) && e.eventType.lowerAscii() in ["shared", "permissions_changed"] && has(e.sharingScope) && e.sharingScope.lowerAscii() in ["external", "public"] && has(e.resource) && has(e.resource.type) && e.resource.type.lowerAscii() == "file" && ((has(e.classification) && e.classification.lowerAscii() in ["confidential", "highly_confidential"]) || (has(e.compliance) && e.compliance.exists(t, t.lowerAscii() in ["gdpr", "pci", "hipaa"]))) && !(has(e.actor) && has(e.actor.email) && e.actor.email.lowerAscii().contains("@contoso.com"))',
      mongo: {
        eventType: /^(?:shared|permissions_changed)$/i,
        sharingScope: /^(?:external|public)$/i,
        "resource.type": /^file$/i,
        $or: [{ classification: /^(?:confidential|highly_confidential)$/i }, { compliance: /^(?:gdpr|pci|hipaa)$/i }],
        "actor.email": { $not: /@contoso\.com/i },
      },
      jexl: 'eventType|lower in ["shared", "permissions_changed"] && sharingScope|lower in ["external", "public"] && resource.type|lower == "file" && (classification|lower in ["confidential", "highly_confidential"] || "gdpr" in compliance|lower || "pci" in compliance|lower || "hipaa" in compliance|lower) && !("@contoso.com" in actor.email|lower)',
      jsonLogic: {
        and: [
          { in: [{ lower: [{ var: "eventType" }] }, ["shared", "permissions_changed"]] },
          { in: [{ lower: [{ var: "sharingScope" }] }, ["external", "public"]] },
          { "==": [{ lower: [{ var: "resource.type" }] }, "file"] },
          {
            or: [
              { in: [{ lower: [{ var: "classification" }] }, ["confidential", "highly_confidential"]] },
              { some: [{ var: "compliance" }, { in: [{ lower: [{ var: "" }] }, ["gdpr", "pci", "hipaa"]] }] },
            ],
          },
          { "!": [{ in: ["@contoso.com", { lower: [{ var: "actor.email" }] }] }] },
        ],
      },
    },
  },
];

/**
 * The `lower` helper registered with filtrex, jexl and json-logic: a string in lower case, a list
 * with each string in lower case, anything else unchanged.
 */
export function lower(value) {
  if (typeof value === "string") return value.toLowerCase();
  if (Array.isArray(value)) return value.map((item) => (typeof item === "string" ? item.toLowerCase() : item));
  return value;
}
