/**
 * The built-in datasets: the reference fields of the files, activity and streaming event streams.
 */
import { Dataset } from "./dataset.js";
import type { FieldDefinition, FieldType } from "./types.js";

const classificationLabels = ["PUBLIC", "INTERNAL", "CONFIDENTIAL", "HIGHLY_CONFIDENTIAL"];
const riskLabels = ["LOW", "MEDIUM", "HIGH", "CRITICAL"];
const fileDataSources = ["SMB", "SHAREPOINT_ONLINE", "SHAREPOINT_ONPREM", "ONEDRIVE", "GOOGLE_DRIVE", "BOX", "DROPBOX", "CONFLUENCE_CLOUD", "AWS_S3", "AZURE_BLOB", "AZURE_FILES", "IMANAGE", "CHATGPT", "ENDPOINT"];

function field(path: string, type: FieldType, description: string): FieldDefinition {
  return { path, type, description };
}
const text = { kind: "string" } as const;
const list = { kind: "stringList" } as const;
const flag = { kind: "boolean" } as const;
const bytes = { kind: "size" } as const;
const when = { kind: "timestamp" } as const;
const happened = { kind: "timestamp", past: true } as const;
function oneOf(labels: string[]): FieldType {
  return { kind: "enum", labels, ordered: false };
}
function ordered(labels: string[]): FieldType {
  return { kind: "enum", labels, ordered: true };
}

export const filesDataset = new Dataset(
  "files",
  "Documents after cataloguing or classification (data security posture management).",
  [
    field("id", text, "Document id in the catalogue."),
    field("flow", oneOf(["CATALOGUING", "CLASSIFICATION"]), "The stage the document has just passed."),
    field("dataSource", oneOf(fileDataSources), "Kind of repository the document lives in."),
    field("connectorId", text, "Id of the configured data source connection."),
    field("path", text, "Full path or URL of the document inside its data source."),
    field("name", text, "File name with extension."),
    field("extension", text, "Lower-case extension without the dot."),
    field("mimeType", text, "Detected media type."),
    field("size", bytes, "Content length in bytes."),
    field("version", text, "Version id reported by the data source."),
    field("createdAt", happened, "Creation time."),
    field("modifiedAt", happened, "Last modification time."),
    field("accessedAt", happened, "Last access time."),
    field("scannedAt", happened, "When the catalogue last read the document."),
    field("owner", text, "Owner account."),
    field("createdBy", text, "Account that created it."),
    field("modifiedBy", text, "Account that last modified it."),
    field("classification", ordered(classificationLabels), "Classification label (a taxonomy can add labels)."),
    field("critical", flag, "Marked critical by a classification attribute."),
    field("sensitive", flag, "Marked sensitive by a classification attribute."),
    field("compliance", list, "Compliance tags such as GDPR, PCI, PII, PHI, HIPAA, CCPA."),
    field("dataAttributes", list, "Detected data attributes such as \"Credit Card Number\", \"IBAN\"."),
    field("detectors", list, "Names of pattern detectors that fired."),
    field("category", text, "Topic from the machine-learning classifier (HR, Finance, Legal, ...)."),
    field("department", text, "Department the document belongs to."),
    field("language", text, "Detected language, ISO 639-1."),
    field("risk", ordered(riskLabels), "Risk level."),
    field("riskScore", { kind: "number", minimum: 0, maximum: 100 }, "Risk score, 0 to 100."),
    field("sharedExternally", flag, "Shared with accounts outside the organisation."),
    field("sharedPublicly", flag, "Reachable through a public link."),
    field("trustees", list, "Accounts and groups with access."),
    field("encrypted", flag, "Content is encrypted."),
    field("contentHash", text, "Hash of the content."),
    field("tags", list, "Free tags."),
  ],
);

export const activityDataset = new Dataset(
  "activity",
  "User and system actions reported by endpoint agents.",
  [
    field("id", text, "Activity id."),
    field("timestamp", happened, "When the action happened."),
    field("action", oneOf(["FILE_CREATED", "FILE_OPENED", "FILE_MODIFIED", "FILE_RENAMED", "FILE_MOVED", "FILE_COPIED", "FILE_DELETED", "FILE_PRINTED", "FILE_UPLOADED", "FILE_DOWNLOADED", "FILE_COPIED_TO_USB", "EMAIL_SENT", "CLASSIFICATION_CHANGED", "LOGIN", "LOGOUT"]), "What was done."),
    field("user", text, "Account name."),
    field("userEmail", text, "Account e-mail."),
    field("domain", text, "Account domain."),
    field("machine", text, "Host name of the endpoint."),
    field("ipAddress", text, "Endpoint address."),
    field("os", oneOf(["WINDOWS", "MACOS", "LINUX"]), "Endpoint operating system."),
    field("application", text, "Process that performed the action."),
    field("agentVersion", text, "Version of the endpoint agent."),
    field("file.path", text, "Path of the file acted on."),
    field("file.name", text, "Its name."),
    field("file.extension", text, "Its lower-case extension."),
    field("file.size", bytes, "Its size."),
    field("classification", ordered(classificationLabels), "Classification of the file after the action."),
    field("previousClassification", ordered(classificationLabels), "Classification before the action."),
    field("destination", text, "Target of the action: USB device, mail recipient, upload address, new path."),
    field("justification", text, "Reason the user gave, for example when lowering a label."),
    field("blocked", flag, "The agent blocked the action."),
  ],
);

export const streamingDataset = new Dataset(
  "streaming",
  "Live events from data sources (data detection and response).",
  [
    field("eventId", text, "Event id."),
    field("eventTime", happened, "When the data source reported the event."),
    field("eventType", oneOf(["CREATED", "MODIFIED", "DELETED", "RENAMED", "MOVED", "COPIED", "ACCESSED", "DOWNLOADED", "SHARED", "UNSHARED", "PERMISSIONS_CHANGED", "USER_CREATED", "USER_DELETED", "GROUP_MEMBERSHIP_CHANGED", "ROLE_ASSIGNED"]), "What happened."),
    field("dataSource", oneOf([...fileDataSources, "AZURE_AD", "AWS_IAM", "GOOGLE_IAM", "LDAP"]), "Where it happened."),
    field("connectorId", text, "Data source connection."),
    field("actor.name", text, "Account that caused the event."),
    field("actor.email", text, "Its e-mail."),
    field("actor.ipAddress", text, "Its address."),
    field("resource.type", oneOf(["FILE", "FOLDER", "USER", "GROUP", "ROLE", "BUCKET", "SITE"]), "Kind of object affected."),
    field("resource.path", text, "Path or URL of the object."),
    field("resource.name", text, "Its name."),
    field("resource.extension", text, "Lower-case extension, for files."),
    field("resource.size", bytes, "Size in bytes, for files."),
    field("previousPath", text, "Former path, for renames and moves."),
    field("classification", ordered(classificationLabels), "Classification known for the object."),
    field("compliance", list, "Compliance tags known for the object."),
    field("risk", ordered(riskLabels), "Risk level known for the object."),
    field("sharingScope", oneOf(["PRIVATE", "INTERNAL", "EXTERNAL", "PUBLIC"]), "Widest audience after the event."),
    field("sharedWith", list, "Accounts or domains the object was shared with."),
  ],
);

/** The built-in datasets by name. */
export const datasets: Readonly<Record<"files" | "activity" | "streaming", Dataset>> = Object.freeze({
  files: filesDataset,
  activity: activityDataset,
  streaming: streamingDataset,
});
