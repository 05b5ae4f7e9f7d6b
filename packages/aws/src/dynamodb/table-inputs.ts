import type { CreateTableCommandInput, GlobalSecondaryIndex, TableDescription } from "@aws-sdk/client-dynamodb";
import { isUnknown, type CheckFailure, type PropertyMap } from "@cairn/core/provider";
import { bool, checkFields, list, num, record, str, type Fields } from "../check/spec.js";
import { tagsField, toTagList, type Tags } from "../tags.js";

/** A global secondary index as checked inputs hold it. */
export interface GsiInputs {
  readonly name: string;
  readonly hashKey: string;
  readonly rangeKey?: string;
  readonly projectionType: "ALL" | "KEYS_ONLY" | "INCLUDE";
  readonly nonKeyAttributes?: readonly string[];
  readonly readCapacity?: number;
  readonly writeCapacity?: number;
}

/** A table's checked inputs. */
export interface TableInputs {
  readonly name?: string;
  readonly namePrefix?: string;
  readonly hashKey: string;
  readonly rangeKey?: string;
  readonly attributes: readonly { readonly name: string; readonly type: "S" | "N" | "B" }[];
  readonly billingMode: "PAY_PER_REQUEST" | "PROVISIONED";
  readonly readCapacity?: number;
  readonly writeCapacity?: number;
  readonly globalSecondaryIndexes: readonly GsiInputs[];
  readonly ttl?: { readonly attributeName: string; readonly enabled: boolean };
  readonly pointInTimeRecovery: { readonly enabled: boolean };
  readonly streamEnabled: boolean;
  readonly streamViewType?: string;
  readonly deletionProtectionEnabled: boolean;
  readonly tags: Tags;
}

const NAME = /^[a-zA-Z0-9_.-]{3,255}$/;
const capacity = () => num({ integer: true, min: 1 });

const GSI_FIELDS: Fields = {
  name: str({ required: true, pattern: NAME, expected: "an index name of 3–255 letters, digits and _.-" }),
  hashKey: str({ required: true }),
  rangeKey: str(),
  projectionType: str({ oneOf: ["ALL", "KEYS_ONLY", "INCLUDE"], default: "ALL" }),
  nonKeyAttributes: list(str()),
  readCapacity: capacity(),
  writeCapacity: capacity(),
};

/** The input rules of `aws:dynamodb/Table`. */
export const TABLE_FIELDS: Fields = {
  name: str({ pattern: NAME, expected: "a table name of 3–255 letters, digits and _.-" }),
  namePrefix: str({ pattern: /^[a-zA-Z0-9_.-]{1,247}$/, expected: "a prefix of letters, digits and _.-" }),
  hashKey: str({ required: true }),
  rangeKey: str(),
  attributes: list(record({ name: str({ required: true }), type: str({ required: true, oneOf: ["S", "N", "B"] }) }), { required: true, minItems: 1 }),
  billingMode: str({ oneOf: ["PAY_PER_REQUEST", "PROVISIONED"], default: "PAY_PER_REQUEST" }),
  readCapacity: capacity(),
  writeCapacity: capacity(),
  globalSecondaryIndexes: list(record(GSI_FIELDS), { default: [], maxItems: 20 }),
  ttl: record({ attributeName: str({ required: true }), enabled: bool({ default: true }) }),
  pointInTimeRecovery: record({ enabled: bool({ required: true }) }, { default: { enabled: false } }),
  streamEnabled: bool({ default: false }),
  streamViewType: str({ oneOf: ["KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES"] }),
  deletionProtectionEnabled: bool({ default: false }),
  tags: tagsField(),
};

/** Checks a table's inputs, including the rules that span properties (keys declared as attributes, capacity per billing mode). */
export function checkTable(inputs: PropertyMap): { inputs: PropertyMap; failures: CheckFailure[] } {
  const { inputs: out, failures } = checkFields(TABLE_FIELDS, inputs);
  if (typeof inputs.name === "string" && typeof inputs.namePrefix === "string") failures.push({ property: "namePrefix", reason: "give either name or namePrefix, not both" });
  const t = out as unknown as TableInputs;
  if (isUnknown(out.attributes) || !Array.isArray(t.attributes) || isUnknown(out.globalSecondaryIndexes)) return { inputs: out, failures };
  const declared = new Set(t.attributes.map((a) => a.name));
  const used = new Set<string>();
  const useKey = (key: unknown, property: string) => {
    if (typeof key !== "string") return;
    used.add(key);
    if (!declared.has(key)) failures.push({ property, reason: `key attribute "${key}" is not declared in attributes` });
  };
  useKey(t.hashKey, "hashKey");
  useKey(t.rangeKey, "rangeKey");
  t.globalSecondaryIndexes.forEach((gsi, i) => {
    useKey(gsi.hashKey, `globalSecondaryIndexes.${i}.hashKey`);
    useKey(gsi.rangeKey, `globalSecondaryIndexes.${i}.rangeKey`);
    if (t.billingMode === "PROVISIONED" && (gsi.readCapacity === undefined || gsi.writeCapacity === undefined)) {
      failures.push({ property: `globalSecondaryIndexes.${i}`, reason: "PROVISIONED billing needs readCapacity and writeCapacity on every index" });
    }
  });
  for (const name of declared) if (!used.has(name)) failures.push({ property: "attributes", reason: `attribute "${name}" is used by no key; DynamoDB accepts only key attributes here` });
  if (t.billingMode === "PROVISIONED" && (t.readCapacity === undefined || t.writeCapacity === undefined)) failures.push({ property: "readCapacity", reason: "PROVISIONED billing needs readCapacity and writeCapacity" });
  if (t.billingMode === "PAY_PER_REQUEST" && (t.readCapacity !== undefined || t.writeCapacity !== undefined)) failures.push({ property: "readCapacity", reason: 'capacity is set only with billingMode "PROVISIONED"' });
  if (t.streamEnabled === true && t.streamViewType === undefined) failures.push({ property: "streamViewType", reason: "a stream needs a streamViewType" });
  if (t.streamEnabled === false && t.streamViewType !== undefined) failures.push({ property: "streamViewType", reason: "set streamEnabled: true to use a streamViewType" });
  return { inputs: out, failures };
}

/** The throughput of a table or index under provisioned billing. */
export function throughput(billing: string, read: number | undefined, write: number | undefined): { ReadCapacityUnits: number; WriteCapacityUnits: number } | undefined {
  return billing === "PROVISIONED" && read !== undefined && write !== undefined ? { ReadCapacityUnits: read, WriteCapacityUnits: write } : undefined;
}

/** The definition of one index, as CreateTable and UpdateTable take it. */
export function gsiRequest(gsi: GsiInputs, billing: string): GlobalSecondaryIndex {
  return {
    IndexName: gsi.name,
    KeySchema: [{ AttributeName: gsi.hashKey, KeyType: "HASH" }, ...(gsi.rangeKey === undefined ? [] : [{ AttributeName: gsi.rangeKey, KeyType: "RANGE" as const }])],
    Projection: { ProjectionType: gsi.projectionType, ...(gsi.projectionType === "INCLUDE" ? { NonKeyAttributes: [...(gsi.nonKeyAttributes ?? [])] } : {}) },
    ProvisionedThroughput: throughput(billing, gsi.readCapacity, gsi.writeCapacity),
  };
}

/** The CreateTable request for checked inputs and the table's cloud name. */
export function createTableRequest(t: TableInputs, TableName: string): CreateTableCommandInput {
  return {
    TableName,
    AttributeDefinitions: t.attributes.map((a) => ({ AttributeName: a.name, AttributeType: a.type })),
    KeySchema: [{ AttributeName: t.hashKey, KeyType: "HASH" }, ...(t.rangeKey === undefined ? [] : [{ AttributeName: t.rangeKey, KeyType: "RANGE" as const }])],
    BillingMode: t.billingMode,
    ProvisionedThroughput: throughput(t.billingMode, t.readCapacity, t.writeCapacity),
    GlobalSecondaryIndexes: t.globalSecondaryIndexes.length ? t.globalSecondaryIndexes.map((g) => gsiRequest(g, t.billingMode)) : undefined,
    StreamSpecification: t.streamEnabled ? { StreamEnabled: true, StreamViewType: t.streamViewType as never } : undefined,
    DeletionProtectionEnabled: t.deletionProtectionEnabled || undefined,
    Tags: Object.keys(t.tags).length ? toTagList(t.tags) : undefined,
  };
}

/** Whether two index definitions differ in what only re-creating the index changes (keys, projection). */
export function gsiShapeDiffers(a: GsiInputs, b: GsiInputs): boolean {
  const proj = (g: GsiInputs) => (g.projectionType === "INCLUDE" ? [...(g.nonKeyAttributes ?? [])].sort().join(",") : "");
  return a.hashKey !== b.hashKey || a.rangeKey !== b.rangeKey || a.projectionType !== b.projectionType || proj(a) !== proj(b);
}

/** A table's settings as DynamoDB describes them, in the shape of its inputs. */
export function describedInputs(table: TableDescription, billingFallback: TableInputs["billingMode"]): Omit<TableInputs, "name" | "namePrefix" | "ttl" | "pointInTimeRecovery" | "tags"> {
  const key = (schema: TableDescription["KeySchema"], type: string) => schema?.find((k) => k.KeyType === type)?.AttributeName;
  const billing = (table.BillingModeSummary?.BillingMode as TableInputs["billingMode"] | undefined) ?? billingFallback;
  const provisioned = billing === "PROVISIONED";
  return {
    hashKey: key(table.KeySchema, "HASH") ?? "",
    rangeKey: key(table.KeySchema, "RANGE"),
    attributes: (table.AttributeDefinitions ?? []).map((a) => ({ name: a.AttributeName ?? "", type: (a.AttributeType ?? "S") as "S" })),
    billingMode: billing,
    readCapacity: provisioned ? table.ProvisionedThroughput?.ReadCapacityUnits : undefined,
    writeCapacity: provisioned ? table.ProvisionedThroughput?.WriteCapacityUnits : undefined,
    globalSecondaryIndexes: (table.GlobalSecondaryIndexes ?? []).map((g) => ({
      name: g.IndexName ?? "",
      hashKey: key(g.KeySchema, "HASH") ?? "",
      rangeKey: key(g.KeySchema, "RANGE"),
      projectionType: (g.Projection?.ProjectionType ?? "ALL") as GsiInputs["projectionType"],
      nonKeyAttributes: g.Projection?.ProjectionType === "INCLUDE" ? g.Projection.NonKeyAttributes : undefined,
      readCapacity: provisioned ? g.ProvisionedThroughput?.ReadCapacityUnits : undefined,
      writeCapacity: provisioned ? g.ProvisionedThroughput?.WriteCapacityUnits : undefined,
    })),
    streamEnabled: table.StreamSpecification?.StreamEnabled === true,
    streamViewType: table.StreamSpecification?.StreamEnabled ? table.StreamSpecification.StreamViewType : undefined,
    deletionProtectionEnabled: table.DeletionProtectionEnabled === true,
  };
}
