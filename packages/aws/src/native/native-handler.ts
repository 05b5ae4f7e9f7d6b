import type { ResourceDescription } from "@aws-sdk/client-cloudcontrol";
import { CairnError } from "@cairn/core";
import type { CheckResult, CreateResult, DiffResult, PropertyMap, ReadResult, TypeSchema } from "@cairn/core/provider";
import { awsErrorName } from "../errors.js";
import type { CheckEnv, ResourceHandler } from "../provider/handler.js";
import { call } from "../runtime/call.js";
import type { AwsContext } from "../runtime/context.js";
import { orMissing, readConfirmed } from "../runtime/read.js";
import { WRITE_ONLY } from "../../native/catalog.js";
import { diffNative, patchDocument } from "./changes.js";
import { fromCloud, toCloud } from "./convert.js";
import { withNativeDefaultTags } from "./default-tags.js";
import { findForImport } from "./import-lookup.js";
import { awaitRequest, clientToken, type CloudControlHandle } from "./requests.js";
import { loadNativeType, type NativeType } from "./schema.js";
import { validateProperties } from "./validate.js";

type Json = Record<string, unknown>;

/** Cloud Control's operations can take long (a database, a cluster): an hour each unless customTimeouts says otherwise. */
const HOUR = 60 * 60_000;

/**
 * The one handler behind every native type: it validates against the type's
 * schema, and creates, reads, updates (a JSON Patch of the changed
 * properties only) and deletes through the Cloud Control API, following each
 * request to its end. Creates carry the engine's token as ClientToken, so a
 * create resumed after a crash finishes the first request instead of making
 * a second resource.
 */
export function nativeHandler(token: string, cfnType: string): ResourceHandler {
  const schema: TypeSchema = {
    physicalType: cfnType,
    idempotentCreate: true,
    stableOutputs: ["id", "arn"],
    secretOutputs: WRITE_ONLY[token] ?? [],
    // Cloud Control never reports a write-only property back, and nothing else is computed from one.
    writeOnlyInputs: WRITE_ONLY[token] ?? [],
    timeouts: { create: HOUR, update: HOUR, delete: HOUR },
  };
  const load = () => loadNativeType(token);
  return {
    token,
    schema,
    check: async (inputs, env) => {
      const native = await load().catch((error: unknown) => error as Error);
      return native instanceof Error ? { inputs, failures: [{ reason: native.message }] } : check(native, inputs, env);
    },
    diff: async (olds, news) => diff(await load(), olds, news),
    create: async (ctx, inputs, requestToken) => create(ctx, await load(), inputs, requestToken),
    read: async (ctx, id, inputs, outputs) => read(ctx, await load(), id, inputs, outputs),
    update: async (ctx, id, olds, news, oldOutputs) => update(ctx, await load(), id, olds, news, oldOutputs),
    delete: async (ctx, id) => remove(ctx, await load(), id),
  };
}

function check(native: NativeType, inputs: PropertyMap, env: CheckEnv): CheckResult {
  const failures = validateProperties(inputs, native.type.props, native.service);
  const tagged = withNativeDefaultTags(inputs, native, env.settings.defaultTags);
  return { inputs: tagged as PropertyMap, failures };
}

function diff(native: NativeType, olds: PropertyMap, news: PropertyMap): DiffResult {
  return diffNative(native, olds, news);
}

async function create(ctx: AwsContext, native: NativeType, inputs: PropertyMap, token: string): Promise<CreateResult> {
  const cc = await ctx.clients.cloudControl();
  const desired = toCloud(inputs, native.type.props, native.service);
  const input = { TypeName: native.type.cfn, DesiredState: JSON.stringify(desired), ClientToken: clientToken(token) };
  const started = await call(ctx, "CreateResource", () => cc.client.send(new cc.sdk.CreateResourceCommand(input))).catch((error: unknown) => {
    throw awsErrorName(error) === "ClientTokenConflictException" ? tokenConflict(ctx, error) : error;
  });
  const done = await awaitRequest(ctx, cc, started.ProgressEvent, "SUCCESS of the create request");
  const id = done.Identifier;
  if (id === undefined) throw new CairnError("PROVIDER_ERROR", `${ctx.label}: Cloud Control reported success without an identifier.`, { urn: ctx.call.urn });
  // The resource exists now: a failed read must not fail the create, or it would be lost to state.
  const found = await readConfirmed(ctx, () => describe(ctx, cc, native, id)).catch(() => undefined);
  return { id, outputs: outputsOf(native, inputs, found ?? { Identifier: id, Properties: done.ResourceModel }) };
}

/** A resumed create whose inputs changed since the first attempt: Cloud Control refuses the token for a different request. */
function tokenConflict(ctx: AwsContext, cause: unknown): CairnError {
  return new CairnError(
    "PROVIDER_ERROR",
    `${ctx.label}: create refused (ClientTokenConflictException): an interrupted create of this resource was sent with other inputs, and Cloud Control may have made it. ` +
      "Find it in the AWS console; adopt it with the `import` resource option, or delete it, then run again.",
    { urn: ctx.call.urn, cause },
  );
}

async function read(ctx: AwsContext, native: NativeType, id: string, inputs: PropertyMap, outputs: PropertyMap): Promise<ReadResult | undefined> {
  const cc = await ctx.clients.cloudControl();
  const importing = Object.keys(outputs).length === 0;
  let found = await readConfirmed(ctx, () => describe(ctx, cc, native, id), importing ? 0 : undefined);
  if (found === undefined && importing) found = await findForImport(ctx, cc, native, id);
  if (found === undefined) return undefined;
  const current = fromCloud(modelOf(found), native.type.props, native.service);
  return { id: found.Identifier ?? id, inputs: currentInputs(inputs, current, importing), outputs: outputsOf(native, inputs, found) };
}

async function update(ctx: AwsContext, native: NativeType, id: string, olds: PropertyMap, news: PropertyMap, oldOutputs: PropertyMap): Promise<PropertyMap> {
  const cc = await ctx.clients.cloudControl();
  const patch = patchDocument(toCloud(olds, native.type.props, native.service), toCloud(news, native.type.props, native.service));
  if (patch.length > 0) {
    const input = { TypeName: native.type.cfn, Identifier: id, PatchDocument: JSON.stringify(patch) };
    const started = await call(ctx, "UpdateResource", () => cc.client.send(new cc.sdk.UpdateResourceCommand(input)));
    await awaitRequest(ctx, cc, started.ProgressEvent, "SUCCESS of the update request");
  }
  const found = await readConfirmed(ctx, () => describe(ctx, cc, native, id));
  return found === undefined ? { ...oldOutputs, ...news } : outputsOf(native, news, found);
}

async function remove(ctx: AwsContext, native: NativeType, id: string): Promise<void> {
  const cc = await ctx.clients.cloudControl();
  const input = { TypeName: native.type.cfn, Identifier: id };
  const started = await orMissing(call(ctx, "DeleteResource", () => cc.client.send(new cc.sdk.DeleteResourceCommand(input))), isNotFound);
  if (started === undefined) return;
  await awaitRequest(ctx, cc, started.ProgressEvent, "SUCCESS of the delete request", ["NotFound"]);
}

/** The resource as GetResource reports it, or `undefined` if it is gone. */
async function describe(ctx: AwsContext, cc: CloudControlHandle, native: NativeType, id: string): Promise<ResourceDescription | undefined> {
  const input = { TypeName: native.type.cfn, Identifier: id };
  const out = await orMissing(call(ctx, "GetResource", () => cc.client.send(new cc.sdk.GetResourceCommand(input))), isNotFound);
  return out?.ResourceDescription;
}

function isNotFound(error: unknown): boolean {
  return awsErrorName(error) === "ResourceNotFoundException";
}

function modelOf(found: ResourceDescription | undefined): Json {
  if (found?.Properties === undefined) return {};
  return JSON.parse(found.Properties) as Json;
}

/**
 * Outputs: the recorded inputs, overlaid with every property and read-only
 * value the cloud reports. Write-only properties, which it never reports,
 * keep their recorded (secret) values.
 */
function outputsOf(native: NativeType, inputs: PropertyMap, found: ResourceDescription | undefined): PropertyMap {
  const model = modelOf(found);
  const props = fromCloud(model, native.type.props, native.service);
  const attrs = fromCloud(model, native.type.attrs, native.service);
  return { ...inputs, ...props, ...attrs } as PropertyMap;
}

/**
 * The inputs a refresh records: each recorded property as the cloud now
 * reports it, seen through the shape the program gave it. What the cloud
 * does not report (a write-only property, a nested value it never echoes)
 * keeps its recorded value: it is never compared with a read. What the cloud
 * adds on its own (defaults inside a nested object) is left out, so it is not
 * drift. An import records everything the cloud reports.
 */
function currentInputs(recorded: PropertyMap, current: Json, importing: boolean): PropertyMap {
  if (importing && Object.keys(recorded).length === 0) return current as PropertyMap;
  return projected(recorded, current) as PropertyMap;
}

function projected(recorded: unknown, current: unknown): unknown {
  if (current === undefined) return recorded;
  if (isPlainObject(recorded) && isPlainObject(current)) {
    const out: Json = {};
    for (const [key, value] of Object.entries(recorded)) out[key] = projected(value, current[key]);
    return out;
  }
  if (Array.isArray(recorded) && Array.isArray(current) && recorded.length === current.length) {
    return current.map((item, i) => projected(recorded[i], item));
  }
  return current;
}

function isPlainObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
