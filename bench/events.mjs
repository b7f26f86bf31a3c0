/**
 * Deterministic generators of realistic events for the built-in datasets (files, activity,
 * streaming). The same seed always yields the same events, so every contender of the benchmark gets
 * the same input. Values are skewed the way production streams are: a few data sources, labels and
 * tags are common and most are rare, paths are deep, sizes are log-normal, timestamps are ISO 8601
 * strings (`Date.prototype.toISOString` output) spread over two years, and optional fields are
 * sometimes missing. A small share of enum labels and tags arrives in lower or mixed case, which is
 * what makes case-insensitive matching matter. No field is ever `null`: a missing value is absent.
 */

/** The fixed evaluation time of the benchmark: every relative time (`now-30d`) is taken from it. */
export const BENCH_NOW = Date.UTC(2025, 5, 1, 12, 0, 0);

const DAY = 86_400_000;
const TWO_YEARS = 730 * DAY;

/** mulberry32: a small 32-bit generator with a full period of 2^32, good enough for test data. */
export function mulberry32(seed) {
  let state = seed >>> 0;
  return function next() {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random helpers over one generator. */
class Random {
  constructor(seed) {
    this.next = mulberry32(seed);
  }

  chance(probability) {
    return this.next() < probability;
  }

  integer(low, high) {
    return low + Math.floor(this.next() * (high - low + 1));
  }

  pick(values) {
    return values[Math.floor(this.next() * values.length)];
  }

  /** Standard normal deviate (Box-Muller). */
  normal() {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  hex(length) {
    const words = [];
    for (let i = 0; i < length; i += 8) words.push(Math.floor(this.next() * 4294967296).toString(16).padStart(8, "0"));
    return words.join("").slice(0, length);
  }

  /** Up to `count` distinct values drawn from a weighted table. */
  distinct(table, count) {
    const chosen = new Set();
    for (let attempt = 0; attempt < count * 4 && chosen.size < count; attempt++) chosen.add(table.draw(this));
    return [...chosen];
  }
}

/**
 * Values with Zipf-like weights: the value at rank r (from 1) has weight 1 / r^exponent, so the
 * first few values are common and the tail is rare. Explicit weights may be given instead.
 */
class Weighted {
  constructor(values, exponentOrWeights = 1.1) {
    this.values = values;
    const weights = Array.isArray(exponentOrWeights) ? exponentOrWeights : values.map((_, rank) => 1 / Math.pow(rank + 1, exponentOrWeights));
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    let running = 0;
    this.cumulative = weights.map((weight) => (running += weight / total));
  }

  /** Binary search for the first cumulative weight above a uniform deviate. */
  draw(random) {
    const target = random.next();
    const cumulative = this.cumulative;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (target < cumulative[middle]) high = middle;
      else low = middle + 1;
    }
    return this.values[low];
  }
}

/** Occasionally rewrites a label the way a lax producer would: lower case or capitalised. */
function varyCase(random, label, probability) {
  if (!random.chance(probability)) return label;
  return random.chance(0.5) ? label.toLowerCase() : label[0] + label.slice(1).toLowerCase();
}

/** Size in bytes, log-normal around `medianBytes`, clipped to 20 GB; 1% are empty files. */
function logNormalSize(random, medianBytes, sigma) {
  if (random.chance(0.01)) return 0;
  return Math.min(20e9, Math.round(Math.exp(Math.log(medianBytes) + sigma * random.normal())));
}

function isoTime(epochMs) {
  return new Date(epochMs).toISOString();
}

/** Draws a time in the two years before BENCH_NOW, skewed towards recent times. */
function recentTime(random) {
  return BENCH_NOW - Math.floor(Math.pow(random.next(), 1.6) * TWO_YEARS);
}

const FILE_DATA_SOURCES = new Weighted(
  ["SHAREPOINT_ONLINE", "SMB", "ONEDRIVE", "AWS_S3", "GOOGLE_DRIVE", "BOX", "SHAREPOINT_ONPREM", "CONFLUENCE_CLOUD", "AZURE_BLOB", "DROPBOX", "AZURE_FILES", "ENDPOINT", "IMANAGE", "CHATGPT"],
  1.2,
);
const CLASSIFICATIONS = new Weighted(["INTERNAL", "PUBLIC", "CONFIDENTIAL", "HIGHLY_CONFIDENTIAL"], [50, 25, 18, 7]);
const RISKS = new Weighted(["LOW", "MEDIUM", "HIGH", "CRITICAL"], [50, 30, 15, 5]);
const RISK_SCORE_RANGES = { LOW: [0, 30], MEDIUM: [25, 60], HIGH: [55, 85], CRITICAL: [80, 100] };
const COMPLIANCE_TAGS = new Weighted(["GDPR", "PII", "PCI", "CCPA", "HIPAA", "PHI", "SOX", "GLBA", "LGPD", "PIPEDA", "FERPA", "ISO27001", "SOC2", "NIST", "APPI", "DPA"], 1.0);
const COMPLIANCE_COUNTS = new Weighted([0, 1, 2, 3, 4, 5, 6, 7, 8], [30, 25, 18, 10, 7, 4, 3, 2, 1]);
const DATA_ATTRIBUTES = new Weighted(
  ["Person Name", "Email Address", "Phone Number", "Postal Address", "Date of Birth", "IBAN", "Credit Card Number", "Tax ID", "Bank Account Number", "Social Security Number", "Passport Number", "Driver License", "IP Address", "Medical Record Number"],
  1.0,
);
const DETECTORS = new Weighted(["EMAIL", "PHONE", "PERSON_NAME", "ADDRESS", "IBAN", "CREDIT_CARD", "US_SSN", "DOB", "PASSPORT", "AWS_ACCESS_KEY", "PRIVATE_KEY", "JWT", "MEDICAL_ID"], 1.1);
const CATEGORIES = new Weighted(["Finance", "HR", "Legal", "Engineering", "Sales", "Marketing", "Personal", "Medical", "Operations", "Test", "Other"], 1.0);
const DEPARTMENTS = new Weighted(["Finance", "Engineering", "Sales", "HR", "Legal", "Marketing", "IT", "Operations", "Procurement", "Executive", "Research"], 1.0);
const LANGUAGES = new Weighted(["en", "de", "fr", "es", "it", "nl", "pt", "ja", "zh", "pl"], 1.4);
const TAGS = new Weighted(["reviewed", "draft", "final", "archive", "legal-hold", "ignore", "false-positive", "q-review", "migrated"], 1.0);
const TOP_FOLDERS = new Weighted(["shared", "finance", "users", "hr", "projects", "legal", "engineering", "sales", "marketing", "it", "operations", "procurement", "exec", "tmp", "archive"], 1.0);
const TOPICS = {
  finance: ["reports", "invoices", "statements", "budget", "audit", "payroll", "tax", "forecasts"],
  hr: ["payroll", "contracts", "reviews", "recruiting", "benefits", "onboarding"],
  legal: ["contracts", "litigation", "nda", "policies", "compliance"],
  sales: ["customers", "quotes", "pipeline", "contracts", "pricing"],
  default: ["docs", "reports", "notes", "exports", "backups", "drafts", "data", "archive", "tmp"],
};
const FILE_WORDS = ["report", "invoice", "statement", "budget", "contract", "payroll", "forecast", "minutes", "notes", "export", "customers", "employees", "salaries", "roadmap", "presentation", "summary", "backup", "scan", "passport", "policy", "Überweisung", "résumé", "plan"];
const EXTENSIONS = new Weighted(["pdf", "docx", "xlsx", "txt", "csv", "pptx", "msg", "png", "jpg", "zip", "json", "xml", "eml", "xls", "doc", "log", "md", "py"], 1.0);
const MIME_TYPES = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  txt: "text/plain",
  csv: "text/csv",
  msg: "application/vnd.ms-outlook",
  png: "image/png",
  jpg: "image/jpeg",
  zip: "application/zip",
  json: "application/json",
  xml: "application/xml",
  eml: "message/rfc822",
  xls: "application/vnd.ms-excel",
  doc: "application/msword",
  log: "text/plain",
  md: "text/markdown",
  py: "text/x-python",
};
const REGIONS = ["eu-west", "us-east", "us-west", "apac", "emea"];
const DOMAINS = new Weighted(["contoso.com", "contoso.de", "fabrikam.com", "gmail.com", "partner.example"], [80, 8, 6, 4, 2]);
const FIRST_NAMES = ["anna", "ben", "carla", "david", "elena", "felix", "greta", "hugo", "ines", "jonas", "karin", "lukas", "maria", "nils", "olga", "paul", "rosa", "sven", "tina", "uwe", "vera", "wei", "yuki", "zoe"];
const LAST_NAMES = ["schmidt", "meyer", "novak", "garcia", "rossi", "dubois", "smith", "tanaka", "kowalski", "berg", "silva", "jensen", "murphy", "kim", "weber", "fischer"];
const SERVICE_ACCOUNTS = ["svc-backup", "svc-scanner", "svc_etl", "svc-sync"];
const GROUPS = new Weighted(["Domain Users", "All Employees", "finance-team", "hr-team", "Everyone", "legal-team", "sales-team", "External Users", "Anonymous"], 1.0);

/** Creates a pool of accounts where a few are very active and most are rare. */
function accountPool(random, size) {
  const accounts = [];
  for (let i = 0; i < size; i++) {
    const domain = DOMAINS.draw(random);
    accounts.push(`${random.pick(FIRST_NAMES)}.${random.pick(LAST_NAMES)}${i % 7 === 0 ? i : ""}@${domain}`);
  }
  for (const service of SERVICE_ACCOUNTS) accounts.splice(random.integer(0, 40), 0, `${service}@contoso.com`);
  return new Weighted(accounts, 0.9);
}

/** Draws a file name with extension; a few are Office lock files (`~$…`) or have upper-case extensions. */
function fileName(random, extension) {
  const word = random.pick(FILE_WORDS);
  const base = random.chance(0.3) ? word[0].toUpperCase() + word.slice(1) : word;
  const separator = random.pick(["_", "-", " ", ""]);
  const suffix = random.pick(["", `${random.integer(2019, 2025)}`, `${random.integer(2019, 2025)}-${String(random.integer(1, 12)).padStart(2, "0")}`, `v${random.integer(1, 9)}`, `q${random.integer(1, 4)}`, `${random.integer(1, 9999)}`]);
  const shownExtension = random.chance(0.05) ? extension.toUpperCase() : extension;
  const lock = random.chance(0.005) ? "~$" : "";
  return `${lock}${base}${suffix === "" ? "" : separator}${suffix}.${shownExtension}`;
}

/** Folder path such as /finance/2024/q1/reports, sometimes capitalised, sometimes deeper. */
function folderPath(random, userName) {
  const top = TOP_FOLDERS.draw(random);
  const segments = [];
  if (top === "users") {
    segments.push("users", userName, random.pick(["documents", "desktop", "downloads", "archive"]));
  } else {
    segments.push(top, String(random.integer(2019, 2025)), `q${random.integer(1, 4)}`, random.pick(TOPICS[top] ?? TOPICS.default));
  }
  for (let depth = random.integer(0, 3); depth > 0; depth--) segments.push(random.pick(["2024", "old", "final", "team", "tmp", "archive", "clients", "emea", "drafts"]));
  const capitalise = random.chance(0.15);
  return segments.map((segment) => (capitalise ? segment[0].toUpperCase() + segment.slice(1) : segment)).join("/");
}

/** Document path or URL in the shape the data source reports it. */
function documentPath(random, dataSource, folder, name) {
  switch (dataSource) {
    case "SHAREPOINT_ONLINE":
      return random.chance(0.5) ? `https://contoso.sharepoint.com/sites/${folder.split("/")[0]}/Shared Documents/${folder}/${name}` : `/${folder}/${name}`;
    case "AWS_S3":
      return `s3://contoso-data-lake/${folder}/${name}`;
    case "AZURE_BLOB":
      return `https://contosostore.blob.core.windows.net/${folder}/${name}`;
    case "CONFLUENCE_CLOUD":
      return `https://contoso.atlassian.net/wiki/spaces/${folder.split("/")[0].toUpperCase()}/pages/${random.integer(10000, 999999)}/${name}`;
    default:
      return `/${folder}/${name}`;
  }
}

/** Calls `make` `count` times, passing each event through `transform` when one is given. */
function createEvents(count, make, transform) {
  const events = new Array(count);
  for (let i = 0; i < count; i++) events[i] = transform === undefined ? make() : transform(make());
  return events;
}

/** Creates `count` events of the files dataset. */
export function generateFileEvents(count, seed = 1, transform = undefined) {
  const random = new Random(seed);
  const accounts = accountPool(random, 3000);
  return createEvents(count, () => fileEvent(random, accounts), transform);
}

function fileEvent(random, accounts) {
  const dataSource = varyCase(random, FILE_DATA_SOURCES.draw(random), 0.005);
  const flow = random.chance(0.03) ? "CLASSIFICATION" : "CATALOGUING";
  const extension = EXTENSIONS.draw(random);
  const name = fileName(random, extension);
  const owner = accounts.draw(random);
  const folder = folderPath(random, owner.split("@")[0]);
  const createdAt = BENCH_NOW - Math.floor(random.next() * TWO_YEARS);
  const modifiedAt = createdAt + Math.floor(Math.pow(random.next(), 0.5) * (BENCH_NOW - createdAt));
  const event = {
    id: `doc-${random.hex(16)}`,
    flow: varyCase(random, flow, 0.005),
    dataSource,
    connectorId: random.chance(0.03) ? `sandbox-${random.integer(1, 4)}` : `${random.pick(REGIONS)}-${String(random.integer(1, 12)).padStart(2, "0")}`,
    path: documentPath(random, dataSource.toUpperCase(), folder, name),
    name,
    extension,
    mimeType: MIME_TYPES[extension],
    size: logNormalSize(random, extension === "txt" || extension === "json" ? 8_000 : 250_000, 2.0),
    version: random.chance(0.5) ? `${random.integer(1, 12)}.${random.integer(0, 9)}` : `"${random.hex(8)}"`,
    createdAt: isoTime(createdAt),
    modifiedAt: isoTime(modifiedAt),
    scannedAt: isoTime(BENCH_NOW - Math.floor(random.next() * 60 * DAY)),
    owner,
    createdBy: random.chance(0.7) ? owner : accounts.draw(random),
    modifiedBy: random.chance(0.6) ? owner : accounts.draw(random),
  };
  if (random.chance(0.75)) event.accessedAt = isoTime(modifiedAt + Math.floor(random.next() * (BENCH_NOW - modifiedAt)));
  if (flow === "CLASSIFICATION" || random.chance(0.8)) event.classification = varyCase(random, CLASSIFICATIONS.draw(random), 0.005);
  if (random.chance(0.95)) event.critical = random.chance(0.05);
  if (random.chance(0.95)) event.sensitive = random.chance(0.2);
  if (random.chance(0.85)) {
    event.compliance = random.distinct(COMPLIANCE_TAGS, COMPLIANCE_COUNTS.draw(random)).map((tag) => varyCase(random, tag, 0.01));
  }
  if (random.chance(0.8)) event.dataAttributes = random.distinct(DATA_ATTRIBUTES, random.integer(0, 6));
  if (random.chance(0.8)) event.detectors = random.distinct(DETECTORS, random.integer(0, 5));
  if (random.chance(0.75)) event.category = CATEGORIES.draw(random);
  if (random.chance(0.7)) event.department = DEPARTMENTS.draw(random);
  if (random.chance(0.9)) event.language = LANGUAGES.draw(random);
  if (random.chance(0.9)) {
    const risk = RISKS.draw(random);
    const [low, high] = RISK_SCORE_RANGES[risk];
    event.risk = varyCase(random, risk, 0.005);
    event.riskScore = random.chance(0.8) ? random.integer(low, high) : Math.round((low + random.next() * (high - low)) * 10) / 10;
  }
  if (random.chance(0.95)) event.sharedExternally = random.chance(0.1);
  if (random.chance(0.95)) event.sharedPublicly = random.chance(0.02);
  if (random.chance(0.9)) {
    const trustees = random.distinct(GROUPS, random.integer(1, 4));
    for (let extra = random.integer(0, 5); extra > 0; extra--) trustees.push(accounts.draw(random));
    event.trustees = trustees;
  }
  if (random.chance(0.92)) event.encrypted = random.chance(0.08);
  if (random.chance(0.95)) event.contentHash = random.hex(64);
  if (random.chance(0.5)) event.tags = random.distinct(TAGS, random.integer(0, 4));
  return event;
}

const ACTIONS = new Weighted(
  ["FILE_OPENED", "FILE_MODIFIED", "FILE_CREATED", "FILE_COPIED", "FILE_RENAMED", "FILE_MOVED", "LOGIN", "LOGOUT", "FILE_DELETED", "FILE_PRINTED", "EMAIL_SENT", "FILE_UPLOADED", "FILE_DOWNLOADED", "FILE_COPIED_TO_USB", "CLASSIFICATION_CHANGED"],
  1.1,
);
const OPERATING_SYSTEMS = new Weighted(["WINDOWS", "MACOS", "LINUX"], [75, 20, 5]);
const APPLICATIONS = new Weighted(["explorer.exe", "EXCEL.EXE", "WINWORD.EXE", "chrome.exe", "outlook.exe", "Finder", "msedge.exe", "POWERPNT.EXE", "Teams.exe", "python.exe", "7zFM.exe"], 1.0);
const UPLOAD_SITES = ["https://drive.google.com", "https://www.dropbox.com", "https://wetransfer.com", "https://contoso.sharepoint.com", "https://chat.openai.com"];

/** Creates `count` events of the activity dataset; the file fields are nested under `file`. */
export function generateActivityEvents(count, seed = 2, transform = undefined) {
  const random = new Random(seed);
  const accounts = accountPool(random, 2000);
  return createEvents(count, () => activityEvent(random, accounts), transform);
}

function activityEvent(random, accounts) {
  const action = ACTIONS.draw(random);
  const email = accounts.draw(random);
  const [user, domain] = email.split("@");
  const os = OPERATING_SYSTEMS.draw(random);
  const event = {
    id: `act-${random.hex(16)}`,
    timestamp: isoTime(recentTime(random)),
    action: varyCase(random, action, 0.005),
    user,
    userEmail: email,
    domain,
    machine: `${os === "WINDOWS" ? "WS" : os === "MACOS" ? "MBP" : "LNX"}-${random.hex(6).toUpperCase()}`,
    ipAddress: `10.${random.integer(0, 255)}.${random.integer(0, 255)}.${random.integer(1, 254)}`,
    os,
    application: APPLICATIONS.draw(random),
    agentVersion: `7.${random.integer(0, 4)}.${random.integer(0, 20)}`,
  };
  if (action !== "LOGIN" && action !== "LOGOUT") {
    const extension = EXTENSIONS.draw(random);
    const name = fileName(random, extension);
    const drive = os === "WINDOWS" ? random.pick(["C:", "D:", "\\\\fs01\\shares"]) : "";
    const folder = folderPath(random, user);
    event.file = {
      path: random.chance(0.4) && drive !== "" ? `${drive}\\${folder.replaceAll("/", "\\")}\\${name}` : `/${folder}/${name}`,
      name,
      extension,
      size: logNormalSize(random, 200_000, 2.0),
    };
    if (random.chance(0.85)) event.classification = varyCase(random, CLASSIFICATIONS.draw(random), 0.005);
  }
  if (action === "CLASSIFICATION_CHANGED") {
    event.previousClassification = CLASSIFICATIONS.draw(random);
    if (random.chance(0.6)) event.justification = random.pick(["Not sensitive", "Public release approved", "Wrong label", "Contains customer data"]);
  }
  if (action === "FILE_COPIED_TO_USB") event.destination = `USB:${random.pick(["SanDisk", "Kingston", "WD", "Samsung"])}-${random.hex(4).toUpperCase()}`;
  if (action === "EMAIL_SENT") event.destination = accounts.draw(random);
  if (action === "FILE_UPLOADED") event.destination = random.pick(UPLOAD_SITES);
  if (action === "FILE_RENAMED" || action === "FILE_MOVED" || action === "FILE_COPIED") event.destination = `/${folderPath(random, user)}`;
  event.blocked = random.chance(0.03);
  return event;
}

const EVENT_TYPES = new Weighted(
  ["ACCESSED", "MODIFIED", "CREATED", "DOWNLOADED", "SHARED", "RENAMED", "MOVED", "DELETED", "COPIED", "PERMISSIONS_CHANGED", "UNSHARED", "GROUP_MEMBERSHIP_CHANGED", "USER_CREATED", "ROLE_ASSIGNED", "USER_DELETED"],
  1.1,
);
const STREAM_SOURCES = new Weighted(
  ["SHAREPOINT_ONLINE", "ONEDRIVE", "GOOGLE_DRIVE", "AWS_S3", "BOX", "AZURE_AD", "SMB", "DROPBOX", "CONFLUENCE_CLOUD", "AWS_IAM", "AZURE_BLOB", "GOOGLE_IAM", "LDAP", "SHAREPOINT_ONPREM", "AZURE_FILES", "IMANAGE", "CHATGPT", "ENDPOINT"],
  1.1,
);
const SHARING_SCOPES = new Weighted(["PRIVATE", "INTERNAL", "EXTERNAL", "PUBLIC"], [55, 30, 12, 3]);
const IDENTITY_EVENTS = new Set(["USER_CREATED", "USER_DELETED", "GROUP_MEMBERSHIP_CHANGED", "ROLE_ASSIGNED"]);

/** Creates `count` events of the streaming dataset; actor and resource fields are nested. */
export function generateStreamingEvents(count, seed = 3, transform = undefined) {
  const random = new Random(seed);
  const accounts = accountPool(random, 2500);
  return createEvents(count, () => streamingEvent(random, accounts), transform);
}

function streamingEvent(random, accounts) {
  const eventType = EVENT_TYPES.draw(random);
  const email = accounts.draw(random);
  const dataSource = STREAM_SOURCES.draw(random);
  const event = {
    eventId: `evt-${random.hex(20)}`,
    eventTime: isoTime(recentTime(random)),
    eventType: varyCase(random, eventType, 0.005),
    dataSource,
    connectorId: `${random.pick(REGIONS)}-${String(random.integer(1, 12)).padStart(2, "0")}`,
    actor: { name: email.split("@")[0], email },
  };
  if (random.chance(0.8)) event.actor.ipAddress = `${random.integer(11, 223)}.${random.integer(0, 255)}.${random.integer(0, 255)}.${random.integer(1, 254)}`;
  if (IDENTITY_EVENTS.has(eventType)) {
    let type = "USER";
    if (eventType === "ROLE_ASSIGNED") type = "ROLE";
    if (eventType === "GROUP_MEMBERSHIP_CHANGED") type = "GROUP";
    event.resource = { type, name: accounts.draw(random) };
    return event;
  }
  const extension = EXTENSIONS.draw(random);
  const name = fileName(random, extension);
  const folder = folderPath(random, email.split("@")[0]);
  const isFolder = random.chance(0.08);
  event.resource = isFolder
    ? { type: "FOLDER", path: documentPath(random, dataSource, folder, ""), name: folder.split("/").pop() }
    : { type: random.chance(0.03) ? "SITE" : "FILE", path: documentPath(random, dataSource, folder, name), name, extension, size: logNormalSize(random, 250_000, 2.0) };
  if (eventType === "RENAMED" || eventType === "MOVED") event.previousPath = `/${folderPath(random, email.split("@")[0])}/${name}`;
  if (random.chance(0.7)) event.classification = varyCase(random, CLASSIFICATIONS.draw(random), 0.005);
  if (random.chance(0.6)) event.compliance = random.distinct(COMPLIANCE_TAGS, COMPLIANCE_COUNTS.draw(random)).map((tag) => varyCase(random, tag, 0.01));
  if (random.chance(0.7)) event.risk = RISKS.draw(random);
  if (eventType === "SHARED" || eventType === "UNSHARED" || eventType === "PERMISSIONS_CHANGED" || random.chance(0.3)) {
    event.sharingScope = SHARING_SCOPES.draw(random);
    if (event.sharingScope !== "PRIVATE") {
      const shared = [];
      for (let count = random.integer(1, 4); count > 0; count--) shared.push(random.chance(0.5) ? accounts.draw(random) : DOMAINS.draw(random));
      event.sharedWith = shared;
    }
  }
  return event;
}

/** The generator of each dataset. */
export const generators = {
  files: generateFileEvents,
  activity: generateActivityEvents,
  streaming: generateStreamingEvents,
};

/**
 * Creates `count` events of a dataset in the form a webhook receiver has them: each event goes
 * through JSON.stringify and JSON.parse, so strings are flat and objects have JSON.parse's shapes.
 */
export function generateEvents(dataset, count, seed) {
  const generate = generators[dataset];
  if (generate === undefined) throw new Error(`Unknown dataset ${JSON.stringify(dataset)}; use ${Object.keys(generators).join(", ")}.`);
  return generate(count, seed, (event) => JSON.parse(JSON.stringify(event)));
}
