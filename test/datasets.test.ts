import { describe, expect, it } from "vitest";
import { check, compile, Dataset, datasets, defineDataset, GqlError, type DatasetSpec, type FieldType } from "../src/index.js";

/** A type as the tests name it: an enum carries its labels and whether it is ordered. */
type ExpectedType = "string" | "number" | "size" | "boolean" | "timestamp" | "stringList" | { enum: readonly string[]; ordered: boolean };

function typeShape(type: FieldType | undefined): unknown {
  if (type === undefined) return undefined;
  if (type.kind === "enum") return { enum: [...type.labels], ordered: type.ordered };
  return type.kind;
}

const classification = { enum: ["PUBLIC", "INTERNAL", "CONFIDENTIAL", "HIGHLY_CONFIDENTIAL"], ordered: true } as const;
const risk = { enum: ["LOW", "MEDIUM", "HIGH", "CRITICAL"], ordered: true } as const;
const fileDataSources = [
  "SMB",
  "SHAREPOINT_ONLINE",
  "SHAREPOINT_ONPREM",
  "ONEDRIVE",
  "GOOGLE_DRIVE",
  "BOX",
  "DROPBOX",
  "CONFLUENCE_CLOUD",
  "AWS_S3",
  "AZURE_BLOB",
  "AZURE_FILES",
  "IMANAGE",
  "CHATGPT",
  "ENDPOINT",
];

const referenceFields: Record<"files" | "activity" | "streaming", Record<string, ExpectedType>> = {
  files: {
    id: "string",
    flow: { enum: ["CATALOGUING", "CLASSIFICATION"], ordered: false },
    dataSource: { enum: fileDataSources, ordered: false },
    connectorId: "string",
    path: "string",
    name: "string",
    extension: "string",
    mimeType: "string",
    size: "size",
    version: "string",
    createdAt: "timestamp",
    modifiedAt: "timestamp",
    accessedAt: "timestamp",
    scannedAt: "timestamp",
    owner: "string",
    createdBy: "string",
    modifiedBy: "string",
    classification,
    critical: "boolean",
    sensitive: "boolean",
    compliance: "stringList",
    dataAttributes: "stringList",
    detectors: "stringList",
    category: "string",
    department: "string",
    language: "string",
    risk,
    riskScore: "number",
    sharedExternally: "boolean",
    sharedPublicly: "boolean",
    trustees: "stringList",
    encrypted: "boolean",
    contentHash: "string",
    tags: "stringList",
  },
  activity: {
    id: "string",
    timestamp: "timestamp",
    action: {
      enum: [
        "FILE_CREATED",
        "FILE_OPENED",
        "FILE_MODIFIED",
        "FILE_RENAMED",
        "FILE_MOVED",
        "FILE_COPIED",
        "FILE_DELETED",
        "FILE_PRINTED",
        "FILE_UPLOADED",
        "FILE_DOWNLOADED",
        "FILE_COPIED_TO_USB",
        "EMAIL_SENT",
        "CLASSIFICATION_CHANGED",
        "LOGIN",
        "LOGOUT",
      ],
      ordered: false,
    },
    user: "string",
    userEmail: "string",
    domain: "string",
    machine: "string",
    ipAddress: "string",
    os: { enum: ["WINDOWS", "MACOS", "LINUX"], ordered: false },
    application: "string",
    agentVersion: "string",
    "file.path": "string",
    "file.name": "string",
    "file.extension": "string",
    "file.size": "size",
    classification,
    previousClassification: classification,
    destination: "string",
    justification: "string",
    blocked: "boolean",
  },
  streaming: {
    eventId: "string",
    eventTime: "timestamp",
    eventType: {
      enum: [
        "CREATED",
        "MODIFIED",
        "DELETED",
        "RENAMED",
        "MOVED",
        "COPIED",
        "ACCESSED",
        "DOWNLOADED",
        "SHARED",
        "UNSHARED",
        "PERMISSIONS_CHANGED",
        "USER_CREATED",
        "USER_DELETED",
        "GROUP_MEMBERSHIP_CHANGED",
        "ROLE_ASSIGNED",
      ],
      ordered: false,
    },
    dataSource: { enum: [...fileDataSources, "AZURE_AD", "AWS_IAM", "GOOGLE_IAM", "LDAP"], ordered: false },
    connectorId: "string",
    "actor.name": "string",
    "actor.email": "string",
    "actor.ipAddress": "string",
    "resource.type": { enum: ["FILE", "FOLDER", "USER", "GROUP", "ROLE", "BUCKET", "SITE"], ordered: false },
    "resource.path": "string",
    "resource.name": "string",
    "resource.extension": "string",
    "resource.size": "size",
    previousPath: "string",
    classification,
    compliance: "stringList",
    risk,
    sharingScope: { enum: ["PRIVATE", "INTERNAL", "EXTERNAL", "PUBLIC"], ordered: false },
    sharedWith: "stringList",
  },
};

describe("built-in datasets", () => {
  for (const [name, fields] of Object.entries(referenceFields) as [keyof typeof referenceFields, Record<string, ExpectedType>][]) {
    describe(name, () => {
      const dataset = datasets[name];

      it("has its name and a description", () => {
        expect(dataset.name).toBe(name);
        expect(dataset.description.length).toBeGreaterThan(0);
      });

      it("has exactly the reference fields, in order", () => {
        expect(dataset.fields.map((field) => field.path)).toEqual(Object.keys(fields));
      });

      for (const [path, type] of Object.entries(fields)) {
        it(`has ${path} as ${typeof type === "string" ? type : type.ordered ? "an ordered enum" : "an enum"}`, () => {
          const field = dataset.field(path);
          expect(typeShape(field?.type)).toEqual(type);
          expect(field?.segments).toEqual(path.split("."));
          expect(field?.description.length).toBeGreaterThan(0);
          expect(dataset.field(path.toUpperCase())).toBe(field);
        });
      }

      it("compiles IS NULL on every field", () => {
        for (const field of dataset.fields) {
          const predicate = compile(`${field.path} IS NULL`, { dataset: name });
          expect(predicate({}), field.path).toBe(true);
        }
      });
    });
  }

  it("cannot be changed", () => {
    expect(Object.isFrozen(datasets)).toBe(true);
    expect(Object.isFrozen(datasets.files)).toBe(true);
    expect(Object.isFrozen(datasets.files.fields)).toBe(true);
    const type = datasets.files.field("classification")?.type;
    expect(type?.kind).toBe("enum");
    expect(Object.isFrozen(type?.kind === "enum" ? type.labels : [])).toBe(true);
  });

  it("returns undefined for an unknown field", () => {
    expect(datasets.files.field("nope")).toBeUndefined();
    expect(datasets.files.field("file.path")).toBeUndefined();
    expect(datasets.activity.field("file")).toBeUndefined();
  });
});

describe("defineDataset", () => {
  it("defines new fields of every type", () => {
    const dataset = defineDataset({
      name: "tickets",
      description: "Help desk tickets.",
      fields: {
        title: "string",
        "meta.priority": { type: "enum", labels: ["low", "normal", "urgent"], ordered: true },
        state: { type: "enum", labels: ["OPEN", "CLOSED"] },
        votes: { type: "number", minimum: 0, maximum: 10, description: "Votes." },
        attachmentSize: "size",
        escalated: "boolean",
        openedAt: { type: "timestamp", past: true },
        dueAt: "timestamp",
        labels: "string[]",
      },
    });
    expect(dataset).toBeInstanceOf(Dataset);
    expect(dataset.name).toBe("tickets");
    expect(dataset.description).toBe("Help desk tickets.");
    expect(dataset.fields.map((field) => [field.path, field.type])).toEqual([
      ["title", { kind: "string" }],
      ["meta.priority", { kind: "enum", labels: ["low", "normal", "urgent"], ordered: true }],
      ["state", { kind: "enum", labels: ["OPEN", "CLOSED"], ordered: false }],
      ["votes", { kind: "number", minimum: 0, maximum: 10 }],
      ["attachmentSize", { kind: "size" }],
      ["escalated", { kind: "boolean" }],
      ["openedAt", { kind: "timestamp", past: true }],
      ["dueAt", { kind: "timestamp" }],
      ["labels", { kind: "stringList" }],
    ]);
    expect(dataset.field("votes")?.description).toBe("Votes.");
    expect(dataset.field("title")?.description).toBe("");

    const predicate = compile("meta.priority > normal AND state = open AND labels ~ bug AND attachmentSize < 1MB", { dataset });
    expect(predicate({ meta: { priority: "URGENT" }, state: "OPEN", labels: ["Bug"], attachmentSize: 10 })).toBe(true);
    expect(predicate({ meta: { priority: "normal" }, state: "OPEN", labels: ["Bug"], attachmentSize: 10 })).toBe(false);
  });

  it("extends a built-in dataset with new fields", () => {
    const dataset = defineDataset({ name: "filesPlus", extends: "files", fields: { team: "string", "review.done": "boolean" } });
    expect(dataset.fields.map((field) => field.path)).toEqual([...datasets.files.fields.map((field) => field.path), "team", "review.done"]);
    expect(dataset.description).toBe(datasets.files.description);
    expect(compile("team = blue AND review.done = true AND flow = CLASSIFICATION", { dataset })({ team: "Blue", review: { done: true }, flow: "CLASSIFICATION" })).toBe(true);
  });

  it("extends a dataset object", () => {
    const base = defineDataset({ name: "base", fields: { a: "string" } });
    const dataset = defineDataset({ name: "derived", extends: base, fields: { b: "number" } });
    expect(dataset.fields.map((field) => field.path)).toEqual(["a", "b"]);
  });

  it("replaces a field of the base in place", () => {
    const dataset = defineDataset({ name: "sizesAsNumbers", extends: "files", fields: { size: "number" } });
    const paths = dataset.fields.map((field) => field.path);
    expect(paths).toEqual(datasets.files.fields.map((field) => field.path));
    expect(dataset.field("size")?.type).toEqual({ kind: "number" });
    expect(datasets.files.field("size")?.type).toEqual({ kind: "size" });
    expect(check("size > 10KB", { dataset }).diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["GQL400"]);
    expect(check("size > 10KB", { dataset: "files" }).ok).toBe(true);
  });

  it("appends labels to an enum", () => {
    const dataset = defineDataset({ name: "moreRisk", extends: "files", labels: { risk: ["EXTREME"] } });
    expect(dataset.field("risk")?.type).toEqual({ kind: "enum", labels: ["LOW", "MEDIUM", "HIGH", "CRITICAL", "EXTREME"], ordered: true });
    const predicate = compile("risk > CRITICAL", { dataset });
    expect(predicate({ risk: "extreme" })).toBe(true);
    expect(predicate({ risk: "CRITICAL" })).toBe(false);
    expect(check("risk = EXTREME", { dataset: "files" }).diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["GQL301"]);
  });

  it("inserts labels after a given label", () => {
    const dataset = defineDataset({
      name: "taxonomy",
      extends: "files",
      labels: { classification: { labels: ["SECRET", "TOP_SECRET"], after: "confidential" } },
    });
    expect(dataset.field("classification")?.type).toEqual({
      kind: "enum",
      labels: ["PUBLIC", "INTERNAL", "CONFIDENTIAL", "SECRET", "TOP_SECRET", "HIGHLY_CONFIDENTIAL"],
      ordered: true,
    });
    expect(compile("classification > CONFIDENTIAL", { dataset })({ classification: "SECRET" })).toBe(true);
    expect(compile("classification < HIGHLY_CONFIDENTIAL", { dataset })({ classification: "top_secret" })).toBe(true);
    expect(compile("classification BETWEEN SECRET AND TOP_SECRET", { dataset })({ classification: "HIGHLY_CONFIDENTIAL" })).toBe(false);
    expect(datasets.files.field("classification")?.type).toMatchObject({ labels: ["PUBLIC", "INTERNAL", "CONFIDENTIAL", "HIGHLY_CONFIDENTIAL"] });
  });

  it("adds labels to an enum declared in the same definition", () => {
    const dataset = defineDataset({ name: "states", fields: { state: { type: "enum", labels: ["OPEN"] } }, labels: { state: ["CLOSED"] } });
    expect(dataset.field("state")?.type).toEqual({ kind: "enum", labels: ["OPEN", "CLOSED"], ordered: false });
  });

  it("accepts names of Object.prototype members as fields", () => {
    const dataset = defineDataset({ name: "objectNames", fields: { hasOwnProperty: "string" as const, toString: "string" as const, valueOf: "number" as const } });
    expect(dataset.fields.map((field) => field.path)).toEqual(["hasOwnProperty", "toString", "valueOf"]);
  });
});

describe("defineDataset rejections", () => {
  const rejections: [title: string, spec: DatasetSpec, code: string, message: string][] = [
    ["a name that starts with a digit", { name: "x", fields: { "1abc": "string" } }, "GQL900", 'The field name "1abc" is invalid; use identifiers (letters, digits, _) joined by dots, such as file.path.'],
    ["a name with a dash", { name: "x", fields: { "a-b": "string" } }, "GQL900", 'The field name "a-b" is invalid; use identifiers (letters, digits, _) joined by dots, such as file.path.'],
    ["an empty path segment", { name: "x", fields: { "a..b": "string" } }, "GQL900", 'The field name "a..b" is invalid; use identifiers (letters, digits, _) joined by dots, such as file.path.'],
    ["a trailing dot", { name: "x", fields: { "a.": "string" } }, "GQL900", 'The field name "a." is invalid; use identifiers (letters, digits, _) joined by dots, such as file.path.'],
    ["an empty name", { name: "x", fields: { "": "string" } }, "GQL900", 'The field name "" is invalid; use identifiers (letters, digits, _) joined by dots, such as file.path.'],
    ["a non-ASCII name", { name: "x", fields: { "größe": "number" } }, "GQL900", 'The field name "größe" is invalid; use identifiers (letters, digits, _) joined by dots, such as file.path.'],
    ["__proto__", { name: "x", fields: { ["__proto__"]: "string" } }, "GQL900", 'The field name "__proto__" contains "__proto__", which is reserved; choose another name.'],
    ["constructor inside a path", { name: "x", fields: { "a.constructor": "string" } }, "GQL900", 'The field name "a.constructor" contains "constructor", which is reserved; choose another name.'],
    ["prototype", { name: "x", fields: { prototype: "string" } }, "GQL900", 'The field name "prototype" contains "prototype", which is reserved; choose another name.'],
    ["Prototype in another case", { name: "x", fields: { "meta.Prototype": "string" } }, "GQL900", 'The field name "meta.Prototype" contains "Prototype", which is reserved; choose another name.'],
    ["the keyword AND", { name: "x", fields: { and: "string" } }, "GQL900", 'The field name "and" is a GQL keyword and could not be written in a query; choose another name.'],
    ["the keyword Between", { name: "x", fields: { Between: "string" } }, "GQL900", 'The field name "Between" is a GQL keyword and could not be written in a query; choose another name.'],
    ["the keyword NULL", { name: "x", fields: { NULL: "string" } }, "GQL900", 'The field name "NULL" is a GQL keyword and could not be written in a query; choose another name.'],
    [
      "a field that is also a parent",
      { name: "x", fields: { a: "string", "a.b": "string" } },
      "GQL900",
      'Dataset "x" declares "a" as a field and also "a.b" inside it; a field cannot be both a value and an object.',
    ],
    [
      "a parent in another case",
      { name: "x", fields: { "A.b": "string", a: "string" } },
      "GQL900",
      'Dataset "x" declares "a" as a field and also "A.b" inside it; a field cannot be both a value and an object.',
    ],
    [
      "a new field over a nested field of the base",
      { name: "x", extends: "activity", fields: { file: "string" } },
      "GQL900",
      'Dataset "x" declares "file" as a field and also "file.path" inside it; a field cannot be both a value and an object.',
    ],
    ["an enum with no labels", { name: "x", fields: { e: { type: "enum", labels: [] } } }, "GQL900", 'The enum field "e" has no labels; give at least one.'],
    ["an enum without a labels array", { name: "x", fields: { e: { type: "enum" } } }, "GQL900", 'The enum field "e" needs a labels array.'],
    ["duplicate labels", { name: "x", fields: { e: { type: "enum", labels: ["A", "b", "a"] } } }, "GQL900", 'The enum field "e" lists the label "a" twice (labels ignore case).'],
    ["an empty label", { name: "x", fields: { e: { type: "enum", labels: ["A", ""] } } }, "GQL900", 'The enum field "e" has an empty or non-string label; labels are non-empty strings.'],
    [
      "an added label that exists",
      { name: "x", extends: "files", labels: { classification: ["public"] } },
      "GQL900",
      'The enum field "classification" lists the label "public" twice (labels ignore case).',
    ],
    [
      "labels for an unknown field",
      { name: "x", extends: "files", labels: { nope: ["A"] } },
      "GQL900",
      'Labels were given for "nope", but the dataset has no such field; declare it under fields first.',
    ],
    ["labels for a field that is no enum", { name: "x", extends: "files", labels: { name: ["A"] } }, "GQL900", 'Labels were given for "name", which is not an enum field.'],
    [
      "labels after an unknown label",
      { name: "x", extends: "files", labels: { classification: { labels: ["SECRET"], after: "TOPSECRET" } } },
      "GQL900",
      'The labels for "classification" go after "TOPSECRET", which is not a label of it; use one of PUBLIC, INTERNAL, CONFIDENTIAL or HIGHLY_CONFIDENTIAL.',
    ],
    [
      "an unknown type",
      { name: "x", fields: { e: "integer" as never } },
      "GQL900",
      'The field "e" has the type "integer"; use one of string, number, size, boolean, timestamp, enum or string[].',
    ],
    ["an empty dataset name", { name: "", fields: {} }, "GQL900", "The dataset has no name; give a non-empty string as name."],
    ["a blank dataset name", { name: "  ", fields: {} }, "GQL900", "The dataset has no name; give a non-empty string as name."],
    [
      "an unknown base dataset",
      { name: "x", extends: "file" as never },
      "GQL901",
      'Unknown dataset "file"; the built-in datasets are files, activity and streaming. Did you mean files?',
    ],
    [
      "a base dataset with no close name",
      { name: "x", extends: "zzzzzz" as never },
      "GQL901",
      'Unknown dataset "zzzzzz"; the built-in datasets are files, activity and streaming.',
    ],
    [
      "__proto__ as a base dataset",
      { name: "x", extends: "__proto__" as never },
      "GQL901",
      'Unknown dataset "__proto__"; the built-in datasets are files, activity and streaming.',
    ],
  ];

  for (const [title, spec, code, message] of rejections) {
    it(`rejects ${title}`, () => {
      let caught: unknown;
      try {
        defineDataset(spec);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(GqlError);
      expect((caught as GqlError).code).toBe(code);
      expect((caught as GqlError).message).toBe(message);
      expect((caught as GqlError).diagnostics).toEqual([]);
    });
  }

  it("rejects a spec that is no object", () => {
    expect(() => defineDataset(null as never)).toThrow(new GqlError("defineDataset expects an object with a name and fields.", { code: "GQL900" }));
  });

  it("rejects two fields whose names differ only in case in the Dataset constructor", () => {
    const fields = [
      { path: "Name", type: { kind: "string" } as const, description: "" },
      { path: "name", type: { kind: "number" } as const, description: "" },
    ];
    expect(() => new Dataset("x", "", fields)).toThrow('Dataset "x" declares the field "name" twice (names ignore case).');
  });

  it("rejects two fields whose names differ only in case", () => {
    let caught: unknown;
    try {
      defineDataset({ name: "x", fields: { Name: "string", name: "number" } });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(GqlError);
    expect((caught as GqlError).code).toBe("GQL900");
    expect((caught as GqlError).message).toBe(
      'Dataset "x" declares the fields "Name" and "name", which differ only in letter case; field names ignore case, so keep one.',
    );
  });

  it("accepts a base field in another case", () => {
    // Only two spellings in the same spec are rejected; a spec may redefine a field of its base.
    const dataset = defineDataset({ name: "x", extends: "files", fields: { SIZE: "number" } });
    expect(dataset.field("size")?.path).toBe("SIZE");
    expect(dataset.field("size")?.type).toEqual({ kind: "number" });
  });
});

describe("dataset option", () => {
  it("rejects an unknown dataset name with Did you mean", () => {
    expect(() => compile("a = 1", { dataset: "fils" as never })).toThrow(
      'Unknown dataset "fils"; the built-in datasets are files, activity and streaming. Did you mean files?',
    );
    expect(() => check("a = 1", { dataset: "Files" as never })).toThrow(GqlError);
  });

  it("rejects a missing dataset", () => {
    expect(() => check("a = 1", {} as never)).toThrow(
      "The dataset option is missing or invalid; pass a built-in name (files, activity, streaming) or a dataset from defineDataset.",
    );
  });
});
