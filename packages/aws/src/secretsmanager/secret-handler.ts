import type { DescribeSecretCommandOutput } from "@aws-sdk/client-secrets-manager";
import { createHash } from "node:crypto";
import { CairnError } from "@cairn/core";
import type { CheckResult, PropertyMap, ReadResult } from "@cairn/core/provider";
import { checkFields, num, str, type Fields } from "../check/spec.js";
import { hasAwsCode } from "../errors.js";
import { physicalName, type NameRules } from "../naming.js";
import { findByName } from "../provider/find-created.js";
import { plain, typed, type CheckEnv, type ResourceHandler } from "../provider/handler.js";
import { limitedCall, operationLimits, primaryCall } from "../runtime/api-limits.js";
import { call } from "../runtime/call.js";
import type { AwsContext } from "../runtime/context.js";
import { orMissing, readConfirmed } from "../runtime/read.js";
import { retrying } from "../runtime/retry.js";
import { fromTagList, tagChanges, tagsField, toTagList, withDefaultTags, type Tags } from "../tags.js";
import { isSecretNotFound, secretsManager, SECRETS_RATES, type SecretsManagerHandle } from "./client.js";
import { echoingInputs, NAME_SOURCES } from "../provider/secrecy.js";

interface SecretInputs {
  readonly name?: string;
  readonly namePrefix?: string;
  readonly description?: string;
  readonly kmsKeyId?: string;
  readonly secretString?: string;
  readonly recoveryWindowInDays: number;
  readonly tags: Tags;
}

const SECRET_NAMES: NameRules = { maxLength: 512, allowed: /[\w/+=.@-]/ };
const FIELDS: Fields = {
  name: str({ pattern: /^[\w/+=.@-]{1,512}$/, expected: "a name of letters, digits and /_+=.@-" }),
  namePrefix: str({ pattern: /^[\w/+=.@-]{1,480}$/, expected: "a prefix of letters, digits and /_+=.@-" }),
  description: str({ maxLength: 2048 }),
  kmsKeyId: str(),
  secretString: str({ maxLength: 65536 }),
  recoveryWindowInDays: num({ integer: true, min: 0, max: 30, default: 30 }),
  tags: tagsField(),
};

/** The provider side of `aws:secretsmanager/Secret`; the id is the secret's ARN. */
export const secretHandler: ResourceHandler = {
  token: "aws:secretsmanager/Secret",
  schema: {
    derivedFrom: echoingInputs(FIELDS, { name: NAME_SOURCES, arn: NAME_SOURCES }),
    // The value goes only to Secrets Manager: a secret value leaves the name and ARN readable.
    writeOnlyInputs: ["secretString"],
    replaceOnChanges: ["name", "namePrefix"], stableOutputs: ["id", "arn", "name"], secretOutputs: ["secretString"],
  },
  nameProperty: "name",
  parameterHints: { KmsKeyId: "kmsKeyId", Description: "description", RecoveryWindowInDays: "recoveryWindowInDays" },
  check: (inputs: PropertyMap, env: CheckEnv): CheckResult => {
    const { inputs: out, failures } = checkFields(FIELDS, inputs);
    if (typeof out.recoveryWindowInDays === "number" && out.recoveryWindowInDays > 0 && out.recoveryWindowInDays < 7) failures.push({ property: "recoveryWindowInDays", reason: `expected 0 or 7–30, got ${out.recoveryWindowInDays}` });
    if (typeof inputs.name === "string" && typeof inputs.namePrefix === "string") failures.push({ property: "namePrefix", reason: "give either name or namePrefix, not both" });
    return { inputs: { ...out, tags: withDefaultTags(out.tags, env.settings.defaultTags) } as PropertyMap, failures };
  },
  create: async (ctx, raw, token) => {
    const inputs = typed<SecretInputs>(raw);
    const sm = await secretsManager(ctx);
    const Name = createdName(ctx, inputs, token);
    // The token makes a retried create find the version the first attempt made instead of failing.
    const input = { Name, Description: inputs.description, KmsKeyId: inputs.kmsKeyId, SecretString: inputs.secretString, ClientRequestToken: versionToken(token), Tags: Object.keys(inputs.tags).length ? toTagList(inputs.tags) : undefined };
    let arn: string | undefined;
    try {
      arn = (await primaryCall(ctx, SECRETS_RATES, "CreateSecret", () => sm.client.send(new sm.sdk.CreateSecretCommand(input)))()).ARN;
    } catch (error) {
      throw explainExists(error, Name);
    }
    const found = await readConfirmed(ctx, () => describe(ctx, sm, arn ?? Name));
    return { id: found?.ARN ?? arn ?? Name, outputs: outputsOf(inputs, found?.Name ?? Name, found?.ARN ?? arn) };
  },
  findCreated: (ctx, raw, token) => findByName(createdName(ctx, typed<SecretInputs>(raw), token), typed<SecretInputs>(raw).name, token, (name) => readSecret(ctx, name, raw)),
  read: readSecret,
  update: updateSecret,
  delete: async (ctx, SecretId, inputs) => {
    const sm = await secretsManager(ctx);
    const days = typed<SecretInputs>(inputs).recoveryWindowInDays ?? 30;
    const input = days === 0 ? { SecretId, ForceDeleteWithoutRecovery: true } : { SecretId, RecoveryWindowInDays: days };
    await orMissing(primaryCall(ctx, SECRETS_RATES, "DeleteSecret", () => sm.client.send(new sm.sdk.DeleteSecretCommand(input)))(), isSecretNotFound);
  },
  limits: operationLimits(SECRETS_RATES, { create: "CreateSecret", update: "UpdateSecret", delete: "DeleteSecret" }),
};

function versionToken(seed: string): string {
  return createHash("sha256").update(seed).digest("hex").slice(0, 36);
}

function explainExists(error: unknown, name: string): unknown {
  if (!hasAwsCode(error, ["ResourceExistsException"])) return error;
  const pending = /scheduled for deletion/i.test(String((error as Error).message));
  const hint = pending ? "It is scheduled for deletion: restore it (aws secretsmanager restore-secret) and adopt it, or wait until its recovery window ends." : `Adopt it with the import option (import: "${name}"), or choose another name.`;
  return new CairnError("PROVIDER_ERROR", `A secret named "${name}" [property "name"] already exists. ${hint}`, { cause: error });
}

async function describe(ctx: AwsContext, sm: SecretsManagerHandle, SecretId: string): Promise<DescribeSecretCommandOutput | undefined> {
  const found = await orMissing(limitedCall(ctx, SECRETS_RATES, "DescribeSecret", () => sm.client.send(new sm.sdk.DescribeSecretCommand({ SecretId }))), isSecretNotFound);
  // A secret scheduled for deletion is gone as far as the program is concerned.
  return found?.DeletedDate === undefined ? found : undefined;
}

async function updateSecret(ctx: AwsContext, SecretId: string, olds: PropertyMap, news: PropertyMap, oldOutputs: PropertyMap): Promise<PropertyMap> {
  const was = typed<SecretInputs>(olds);
  const now = typed<SecretInputs>(news);
  const sm = await secretsManager(ctx);
  const send = <T>(api: string, fn: () => Promise<T>) => retrying(ctx, () => limitedCall(ctx, SECRETS_RATES, api, fn));
  if (was.description !== now.description || was.kmsKeyId !== now.kmsKeyId) {
    await send("UpdateSecret", () => sm.client.send(new sm.sdk.UpdateSecretCommand({ SecretId, Description: now.description ?? "", KmsKeyId: now.kmsKeyId })));
  }
  if (now.secretString !== undefined && was.secretString !== now.secretString) {
    // One version per value: a retry of this update finds the version it made.
    const input = { SecretId, SecretString: now.secretString, ClientRequestToken: versionToken(`${SecretId}:${now.secretString}`) };
    await send("PutSecretValue", () => sm.client.send(new sm.sdk.PutSecretValueCommand(input)));
  }
  const { set, remove } = tagChanges(was.tags, now.tags);
  if (Object.keys(set).length) await send("TagResource", () => sm.client.send(new sm.sdk.TagResourceCommand({ SecretId, Tags: toTagList(set) })));
  if (remove.length) await send("UntagResource", () => sm.client.send(new sm.sdk.UntagResourceCommand({ SecretId, TagKeys: remove })));
  return outputsOf(now, String(oldOutputs.name), SecretId);
}

async function readSecret(ctx: AwsContext, id: string, inputs: PropertyMap): Promise<ReadResult | undefined> {
  const sm = await secretsManager(ctx);
  const found = await readConfirmed(ctx, () => describe(ctx, sm, id));
  if (found === undefined) return undefined;
  const recorded = typed<SecretInputs>(inputs);
  const imported = Object.keys(inputs).length === 0;
  let secretString: string | undefined;
  // The value is read only to compare with the program's (it comes back sealed as the recorded input was); an adopted secret's value is never copied into state.
  if (recorded.secretString !== undefined) {
    const value = await orMissing(retrying(ctx, () => limitedCall(ctx, SECRETS_RATES, "GetSecretValue", () => sm.client.send(new sm.sdk.GetSecretValueCommand({ SecretId: id })))), (e) => isSecretNotFound(e));
    secretString = value?.SecretString;
  }
  const current: SecretInputs = {
    ...recorded,
    name: recorded.name !== undefined || imported ? found.Name : undefined,
    description: found.Description || undefined,
    // Secrets Manager reports the key as an ARN where the program may name an alias: keep the program's.
    kmsKeyId: recorded.kmsKeyId ?? (imported ? found.KmsKeyId : undefined),
    secretString,
    recoveryWindowInDays: recorded.recoveryWindowInDays ?? 30,
    tags: fromTagList(found.Tags),
  };
  return { id: found.ARN ?? id, inputs: plain(current as never), outputs: outputsOf(current, found.Name ?? id, found.ARN) };
}

function outputsOf(inputs: SecretInputs, name: string, arn: string | undefined): PropertyMap {
  return plain({ ...inputs, name, arn });
}

/** The name a create with this token gives the object; `findCreated` looks for the same one. */
function createdName(ctx: AwsContext, inputs: SecretInputs, token: string): string {
  return physicalName(inputs.name, inputs.namePrefix, ctx.call.name, token, SECRET_NAMES);
}
