/**
 * Varied webhook subscription filters for the memory benchmark: each template is a filter a
 * customer would register (one to a dozen conditions), filled with seeded random values, so no two
 * compiled predicates share their constants.
 */
import { mulberry32 } from "./events.mjs";

const DATA_SOURCES = ["SHAREPOINT_ONLINE", "SMB", "ONEDRIVE", "AWS_S3", "GOOGLE_DRIVE", "BOX", "SHAREPOINT_ONPREM", "CONFLUENCE_CLOUD", "AZURE_BLOB", "DROPBOX", "AZURE_FILES", "ENDPOINT", "IMANAGE", "CHATGPT"];
const LABELS = ["PUBLIC", "INTERNAL", "CONFIDENTIAL", "HIGHLY_CONFIDENTIAL"];
const RISKS = ["LOW", "MEDIUM", "HIGH", "CRITICAL"];
const TAGS = ["GDPR", "PII", "PCI", "CCPA", "HIPAA", "PHI", "SOX", "GLBA", "LGPD", "PIPEDA", "FERPA", "ISO27001"];
const FOLDERS = ["finance", "hr", "legal", "engineering", "sales", "marketing", "exec", "projects", "shared", "procurement"];
const EXTENSIONS = ["xlsx", "docx", "pdf", "csv", "pptx", "txt", "zip", "msg"];
const DEPARTMENTS = ["Finance", "Engineering", "Sales", "HR", "Legal", "Marketing", "IT", "Operations"];
const ACTIONS = ["FILE_COPIED_TO_USB", "FILE_UPLOADED", "EMAIL_SENT", "FILE_PRINTED", "FILE_DOWNLOADED", "CLASSIFICATION_CHANGED", "FILE_DELETED"];
const EVENT_TYPES = ["SHARED", "PERMISSIONS_CHANGED", "DOWNLOADED", "DELETED", "MOVED", "CREATED"];
const SCOPES = ["EXTERNAL", "PUBLIC", "INTERNAL"];
const WORDS = ["invoice", "statement", "payroll", "contract", "budget", "passport", "salary", "roadmap"];

/** Creates `count` query texts with their dataset names, the same for the same seed. */
export function generateWebhookQueries(count, seed = 7) {
  const next = mulberry32(seed);
  const pick = (values) => values[Math.floor(next() * values.length)];
  const integer = (low, high) => low + Math.floor(next() * (high - low + 1));
  const some = (values, maxCount) => {
    const chosen = new Set();
    for (let i = integer(1, maxCount); i > 0; i--) chosen.add(pick(values));
    return [...chosen].join(", ");
  };
  const connector = () => `${pick(["eu-west", "us-east", "us-west", "apac"])}-${String(integer(1, 12)).padStart(2, "0")}`;
  const user = () => `${pick(["anna", "ben", "carla", "david", "elena", "felix"])}.${pick(["schmidt", "novak", "garcia", "rossi"])}${integer(1, 999)}@contoso.com`;

  const templates = [
    () => ["files", `dataSource = ${pick(DATA_SOURCES)} AND classification >= ${pick(LABELS)}`],
    () => ["files", `path ~ "/${pick(FOLDERS)}/*" AND compliance IN (${some(TAGS, 3)})`],
    () => ["files", `name ~ "*.${pick(EXTENSIONS)}" AND size > ${integer(1, 500)}MB`],
    () => ["files", `owner = "${user()}"`],
    () => ["files", `department = ${pick(DEPARTMENTS)} AND risk >= ${pick(RISKS)} AND modifiedAt > now-${integer(1, 90)}d`],
    () => ["files", `connectorId = "${connector()}" AND flow = CLASSIFICATION`],
    () => ["files", `trustees ~ "${pick(["Everyone", "External Users", "Anonymous", "All Employees"])}" AND sharedExternally = true AND classification IN (${some(LABELS, 2)})`],
    () => [
      "files",
      `(dataSource IN (${some(DATA_SOURCES, 4)}) OR path ~ "/${pick(FOLDERS)}/${integer(2019, 2025)}/*") AND NOT tags IN (ignore, "false-positive") AND riskScore >= ${integer(10, 90)}`,
    ],
    () => ["files", `name =~ "^(${pick(WORDS)}|${pick(WORDS)})[-_ ]?20[0-9]{2}" AND extension IN (${some(EXTENSIONS, 3)})`],
    () => [
      "files",
      `dataSource = ${pick(DATA_SOURCES)} AND classification >= ${pick(LABELS)} AND compliance IN (${some(TAGS, 4)}) AND size BETWEEN ${integer(1, 100)}KB AND ${integer(1, 5)}GB AND sharedPublicly = true AND department IS NOT NULL AND language IN (en, de) AND createdAt >= 202${integer(3, 4)}-0${integer(1, 9)}-01 AND owner !~ svc AND connectorId != "${connector()}" AND encrypted != true`,
    ],
    () => ["activity", `action IN (${some(ACTIONS, 3)}) AND classification >= ${pick(LABELS)} AND blocked = false`],
    () => ["activity", `userEmail = "${user()}" AND file.path ~ "/${pick(FOLDERS)}/*" AND timestamp > now-${integer(1, 24)}h`],
    () => ["activity", `action = CLASSIFICATION_CHANGED AND previousClassification >= ${pick(LABELS.slice(2))} AND classification <= ${pick(LABELS.slice(0, 2))} AND justification IS NULL`],
    () => ["streaming", `eventType IN (${some(EVENT_TYPES, 2)}) AND sharingScope IN (${some(SCOPES, 2)}) AND resource.type = FILE`],
    () => ["streaming", `actor.email !~ "@contoso.com" AND dataSource = ${pick(DATA_SOURCES)} AND classification >= ${pick(LABELS)} AND compliance IN (${some(TAGS, 2)})`],
  ];

  const queries = [];
  for (let i = 0; i < count; i++) {
    const [dataset, text] = templates[Math.floor(next() * templates.length)]();
    queries.push({ dataset, text });
  }
  return queries;
}
