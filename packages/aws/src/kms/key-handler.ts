import type { KeyMetadata } from "@aws-sdk/client-kms";
import { deepEqual, type CheckResult, type PropertyMap, type ReadResult } from "@cairn/core/provider";
import { jsonDocumentField, parseDocument } from "../check/json-document.js";
import { bool, checkFields, num, str, type Fields } from "../check/spec.js";
import { plain, typed, type CheckEnv, type ResourceHandler } from "../provider/handler.js";
import { limitedCall, operationLimits, primaryCall } from "../runtime/api-limits.js";
import { call } from "../runtime/call.js";
import type { AwsContext } from "../runtime/context.js";
import { orMissing, readConfirmed } from "../runtime/read.js";
import { retrying } from "../runtime/retry.js";
import { tagChanges, tagsField, withDefaultTags, type Tags } from "../tags.js";
import { isKmsNotFound, kms, KMS_RATES, type KmsHandle } from "./client.js";
import { echoingInputs } from "../provider/secrecy.js";

interface KeyInputs {
  readonly description?: string;
  readonly policy?: Record<string, unknown>;
  readonly keyUsage: string;
  readonly keySpec: string;
  readonly enableKeyRotation: boolean;
  readonly isEnabled: boolean;
  readonly multiRegion: boolean;
  readonly deletionWindowInDays: number;
  readonly tags: Tags;
}

const FIELDS: Fields = {
  description: str({ maxLength: 8192 }),
  policy: jsonDocumentField("a key policy", { maxLength: 32768 }),
  keyUsage: str({ oneOf: ["ENCRYPT_DECRYPT", "SIGN_VERIFY", "GENERATE_VERIFY_MAC", "KEY_AGREEMENT"], default: "ENCRYPT_DECRYPT" }),
  keySpec: str({ default: "SYMMETRIC_DEFAULT" }),
  enableKeyRotation: bool({ default: false }),
  isEnabled: bool({ default: true }),
  multiRegion: bool({ default: false }),
  deletionWindowInDays: num({ integer: true, min: 7, max: 30, default: 30 }),
  tags: tagsField(),
};

/** The provider side of `aws:kms/Key`; the id is the key id. */
export const keyHandler: ResourceHandler = {
  token: "aws:kms/Key",
  schema: {
    derivedFrom: echoingInputs(FIELDS, { keyId: [], arn: [] }),
    replaceOnChanges: ["keyUsage", "keySpec", "multiRegion"], stableOutputs: ["id", "arn", "keyId"],
  },
  parameterHints: { Policy: "policy", KeyUsage: "keyUsage", KeySpec: "keySpec", PendingWindowInDays: "deletionWindowInDays" },
  check: (inputs: PropertyMap, env: CheckEnv): CheckResult => {
    const { inputs: out, failures } = checkFields(FIELDS, inputs);
    return { inputs: { ...out, tags: withDefaultTags(out.tags, env.settings.defaultTags) } as PropertyMap, failures };
  },
  create: async (ctx, raw) => {
    const inputs = typed<KeyInputs>(raw);
    const client = await kms(ctx);
    const input = {
      Description: inputs.description,
      Policy: inputs.policy === undefined ? undefined : JSON.stringify(inputs.policy),
      KeyUsage: inputs.keyUsage as never,
      KeySpec: inputs.keySpec as never,
      MultiRegion: inputs.multiRegion,
      Tags: Object.entries(inputs.tags).map(([TagKey, TagValue]) => ({ TagKey, TagValue })),
    };
    const created = await primaryCall(ctx, KMS_RATES, "CreateKey", () => client.client.send(new client.sdk.CreateKeyCommand(input)))();
    const KeyId = created.KeyMetadata?.KeyId ?? "";
    const send = <T>(api: string, fn: () => Promise<T>) => retrying(ctx, () => limitedCall(ctx, KMS_RATES, api, fn), { retryIf: isKmsNotFound, budgetMs: 30_000 });
    if (inputs.enableKeyRotation) await send("EnableKeyRotation", () => client.client.send(new client.sdk.EnableKeyRotationCommand({ KeyId })));
    if (!inputs.isEnabled) await send("DisableKey", () => client.client.send(new client.sdk.DisableKeyCommand({ KeyId })));
    return { id: KeyId, outputs: outputsOf(inputs, created.KeyMetadata ?? { KeyId }) };
  },
  read: readKey,
  update: updateKey,
  delete: async (ctx, KeyId, inputs) => {
    const client = await kms(ctx);
    const PendingWindowInDays = typed<KeyInputs>(inputs).deletionWindowInDays ?? 30;
    try {
      await orMissing(primaryCall(ctx, KMS_RATES, "ScheduleKeyDeletion", () => client.client.send(new client.sdk.ScheduleKeyDeletionCommand({ KeyId, PendingWindowInDays })))(), isKmsNotFound);
    } catch (error) {
      // Already scheduled for deletion: nothing left to do.
      if (!/pending ?deletion/i.test(String((error as Error).message))) throw error;
    }
  },
  limits: operationLimits(KMS_RATES, { create: "CreateKey", delete: "ScheduleKeyDeletion" }),
};

async function updateKey(ctx: AwsContext, KeyId: string, olds: PropertyMap, news: PropertyMap): Promise<PropertyMap> {
  const was = typed<KeyInputs>(olds);
  const now = typed<KeyInputs>(news);
  const client = await kms(ctx);
  const send = <T>(api: string, fn: () => Promise<T>) => retrying(ctx, () => limitedCall(ctx, KMS_RATES, api, fn));
  if (was.description !== now.description) await send("UpdateKeyDescription", () => client.client.send(new client.sdk.UpdateKeyDescriptionCommand({ KeyId, Description: now.description ?? "" })));
  if (!deepEqual(was.policy, now.policy) && now.policy !== undefined) {
    await send("PutKeyPolicy", () => client.client.send(new client.sdk.PutKeyPolicyCommand({ KeyId, PolicyName: "default", Policy: JSON.stringify(now.policy) })));
  }
  if (was.isEnabled !== now.isEnabled) {
    if (now.isEnabled) await send("EnableKey", () => client.client.send(new client.sdk.EnableKeyCommand({ KeyId })));
    else await send("DisableKey", () => client.client.send(new client.sdk.DisableKeyCommand({ KeyId })));
  }
  if (was.enableKeyRotation !== now.enableKeyRotation) {
    if (now.enableKeyRotation) await send("EnableKeyRotation", () => client.client.send(new client.sdk.EnableKeyRotationCommand({ KeyId })));
    else await send("DisableKeyRotation", () => client.client.send(new client.sdk.DisableKeyRotationCommand({ KeyId })));
  }
  const { set, remove } = tagChanges(was.tags, now.tags);
  if (Object.keys(set).length) await send("TagResource", () => client.client.send(new client.sdk.TagResourceCommand({ KeyId, Tags: Object.entries(set).map(([TagKey, TagValue]) => ({ TagKey, TagValue })) })));
  if (remove.length) await send("UntagResource", () => client.client.send(new client.sdk.UntagResourceCommand({ KeyId, TagKeys: remove })));
  const meta = await describeKey(ctx, client, KeyId);
  return outputsOf(now, meta ?? { KeyId });
}

async function describeKey(ctx: AwsContext, client: KmsHandle, KeyId: string): Promise<KeyMetadata | undefined> {
  const out = await orMissing(limitedCall(ctx, KMS_RATES, "DescribeKey", () => client.client.send(new client.sdk.DescribeKeyCommand({ KeyId }))), isKmsNotFound);
  const meta = out?.KeyMetadata;
  // A key pending deletion cannot be used and will be gone: it reads as gone.
  return meta === undefined || meta.KeyState === "PendingDeletion" || meta.KeyState === "PendingReplicaDeletion" ? undefined : meta;
}

async function readKey(ctx: AwsContext, KeyId: string, inputs: PropertyMap): Promise<ReadResult | undefined> {
  const client = await kms(ctx);
  const meta = await readConfirmed(ctx, () => describeKey(ctx, client, KeyId));
  if (meta === undefined) return undefined;
  const recorded = typed<KeyInputs>(inputs);
  const send = <T>(api: string, fn: () => Promise<T>) => retrying(ctx, () => limitedCall(ctx, KMS_RATES, api, fn));
  const policy = await send("GetKeyPolicy", () => client.client.send(new client.sdk.GetKeyPolicyCommand({ KeyId, PolicyName: "default" })));
  const rotation = await send("GetKeyRotationStatus", () => client.client.send(new client.sdk.GetKeyRotationStatusCommand({ KeyId })));
  const tags = await send("ListResourceTags", () => client.client.send(new client.sdk.ListResourceTagsCommand({ KeyId })));
  const cloudPolicy = parseDocument(policy.Policy);
  const current: KeyInputs = {
    ...recorded,
    description: meta.Description || undefined,
    // KMS always has a policy; it is an input only when the program gave one.
    policy: recorded.policy === undefined || cloudPolicy === undefined ? undefined : deepEqual(cloudPolicy, recorded.policy) ? recorded.policy : cloudPolicy,
    keyUsage: meta.KeyUsage ?? "ENCRYPT_DECRYPT",
    keySpec: meta.KeySpec ?? "SYMMETRIC_DEFAULT",
    enableKeyRotation: rotation.KeyRotationEnabled === true,
    isEnabled: meta.Enabled !== false,
    multiRegion: meta.MultiRegion === true,
    deletionWindowInDays: recorded.deletionWindowInDays ?? 30,
    tags: Object.fromEntries((tags.Tags ?? []).filter((t) => t.TagKey && !t.TagKey.startsWith("aws:")).map((t) => [t.TagKey!, t.TagValue ?? ""])),
  };
  return { id: KeyId, inputs: plain(current as never), outputs: outputsOf(current, meta) };
}

function outputsOf(inputs: KeyInputs, meta: KeyMetadata): PropertyMap {
  return plain({ ...inputs, keyId: meta.KeyId, arn: meta.Arn });
}
