import type { Repository as EcrRepository } from "@aws-sdk/client-ecr";
import { CairnError, hintText, type Hint } from "@cairn/core";
import { deepEqual, type CheckResult, type PropertyMap, type ReadResult } from "@cairn/core/provider";
import { jsonDocumentField, parseDocument } from "../check/json-document.js";
import { bool, checkFields, str, type Fields } from "../check/spec.js";
import { hasAwsCode } from "../errors.js";
import { physicalName, type NameRules } from "../naming.js";
import { findByName } from "../provider/find-created.js";
import { plain, typed, type CheckEnv, type ResourceHandler } from "../provider/handler.js";
import { limitedCall, operationLimits, primaryCall } from "../runtime/api-limits.js";
import { call } from "../runtime/call.js";
import type { AwsContext } from "../runtime/context.js";
import { orMissing, readConfirmed } from "../runtime/read.js";
import { retrying } from "../runtime/retry.js";
import { tagChanges, tagsField, withDefaultTags, type Tags } from "../tags.js";
import { ecr, ECR_RATES, isRepositoryNotFound, type EcrHandle } from "./client.js";
import { echoingInputs } from "../provider/secrecy.js";

interface RepositoryInputs {
  readonly name?: string;
  readonly imageTagMutability: "MUTABLE" | "IMMUTABLE";
  readonly scanOnPush: boolean;
  readonly encryptionType: "AES256" | "KMS";
  readonly kmsKey?: string;
  readonly lifecyclePolicy?: Record<string, unknown>;
  readonly forceDelete: boolean;
  readonly tags: Tags;
}

const ECR_NAMES: NameRules = { maxLength: 256, allowed: /[a-z0-9._/-]/, lowercase: true };

const FIELDS: Fields = {
  name: str({ pattern: /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$/, expected: "a lower-case name such as ml/trainer", maxLength: 256 }),
  imageTagMutability: str({ oneOf: ["MUTABLE", "IMMUTABLE"], default: "MUTABLE" }),
  scanOnPush: bool({ default: false }),
  encryptionType: str({ oneOf: ["AES256", "KMS"], default: "AES256" }),
  kmsKey: str(),
  lifecyclePolicy: jsonDocumentField("a lifecycle policy", { maxLength: 30_720 }),
  forceDelete: bool({ default: false }),
  tags: tagsField(),
};

/** The provider side of `aws:ecr/Repository`; the id is the repository name. */
export const repositoryHandler: ResourceHandler = {
  token: "aws:ecr/Repository",
  schema: {
    derivedFrom: echoingInputs(FIELDS, { arn: ["name"], repositoryUrl: ["name"], registryId: [] }),
    replaceOnChanges: ["name", "encryptionType", "kmsKey"], stableOutputs: ["id", "arn", "name", "repositoryUrl", "registryId"],
  },
  nameProperty: "name",
  parameterHints: { repositoryName: "name", lifecyclePolicyText: "lifecyclePolicy", imageTagMutability: "imageTagMutability", kmsKey: "kmsKey" },
  check: (inputs: PropertyMap, env: CheckEnv): CheckResult => {
    const { inputs: out, failures } = checkFields(FIELDS, inputs);
    if (out.kmsKey !== undefined && out.encryptionType !== "KMS") failures.push({ property: "kmsKey", reason: 'a kmsKey needs encryptionType "KMS"' });
    return { inputs: { ...out, tags: withDefaultTags(out.tags, env.settings.defaultTags) } as PropertyMap, failures };
  },
  create: createRepository,
  findCreated: (ctx, raw, token) => findByName(createdName(ctx, typed<RepositoryInputs>(raw), token), typed<RepositoryInputs>(raw).name, token, (name) => readRepository(ctx, name, raw)),
  read: readRepository,
  update: updateRepository,
  delete: deleteRepository,
  limits: operationLimits(ECR_RATES, { create: "CreateRepository", delete: "DeleteRepository" }),
};

async function createRepository(ctx: AwsContext, raw: PropertyMap, token: string) {
  const inputs = typed<RepositoryInputs>(raw);
  const client = await ecr(ctx);
  const repositoryName = createdName(ctx, inputs, token);
  const input = {
    repositoryName,
    imageTagMutability: inputs.imageTagMutability,
    imageScanningConfiguration: { scanOnPush: inputs.scanOnPush },
    encryptionConfiguration: { encryptionType: inputs.encryptionType, ...(inputs.kmsKey ? { kmsKey: inputs.kmsKey } : {}) },
    tags: Object.entries(inputs.tags).map(([Key, Value]) => ({ Key, Value })),
  };
  let repo: EcrRepository | undefined;
  try {
    repo = (await primaryCall(ctx, ECR_RATES, "CreateRepository", () => client.client.send(new client.sdk.CreateRepositoryCommand(input)))()).repository;
  } catch (error) {
    if (!hasAwsCode(error, ["RepositoryAlreadyExistsException"])) throw error;
    if (inputs.name !== undefined) {
      throw new CairnError("PROVIDER_ERROR", `An ECR repository named "${repositoryName}" [property "name"] already exists. Adopt it with the import option (import: "${repositoryName}"), or choose another name.`, { cause: error });
    }
  }
  if (inputs.lifecyclePolicy !== undefined) await putLifecycle(ctx, client, repositoryName, inputs.lifecyclePolicy);
  repo ??= await describeOrThrow(ctx, client, repositoryName);
  return { id: repositoryName, outputs: outputsOf(inputs, repo) };
}

async function describe(ctx: AwsContext, client: EcrHandle, name: string): Promise<EcrRepository | undefined> {
  const out = await orMissing(limitedCall(ctx, ECR_RATES, "DescribeRepositories", () => client.client.send(new client.sdk.DescribeRepositoriesCommand({ repositoryNames: [name] }))), isRepositoryNotFound);
  return out?.repositories?.[0];
}

async function describeOrThrow(ctx: AwsContext, client: EcrHandle, name: string): Promise<EcrRepository> {
  const repo = await readConfirmed(ctx, () => describe(ctx, client, name));
  if (repo === undefined) throw new CairnError("PROVIDER_ERROR", `${ctx.label}: repository ${name} was not found after it was created.`, { urn: ctx.call.urn });
  return repo;
}

function putLifecycle(ctx: AwsContext, client: EcrHandle, repositoryName: string, policy: Record<string, unknown>) {
  const input = { repositoryName, lifecyclePolicyText: JSON.stringify(policy) };
  // A fresh repository may not be visible to the lifecycle API for a moment.
  return retrying(ctx, () => limitedCall(ctx, ECR_RATES, "PutLifecyclePolicy", () => client.client.send(new client.sdk.PutLifecyclePolicyCommand(input))), { retryIf: isRepositoryNotFound, budgetMs: 30_000 });
}

async function updateRepository(ctx: AwsContext, repositoryName: string, olds: PropertyMap, news: PropertyMap, oldOutputs: PropertyMap): Promise<PropertyMap> {
  const was = typed<RepositoryInputs>(olds);
  const now = typed<RepositoryInputs>(news);
  const client = await ecr(ctx);
  const send = <T>(api: string, fn: () => Promise<T>) => retrying(ctx, () => limitedCall(ctx, ECR_RATES, api, fn));
  if (was.imageTagMutability !== now.imageTagMutability) {
    await send("PutImageTagMutability", () => client.client.send(new client.sdk.PutImageTagMutabilityCommand({ repositoryName, imageTagMutability: now.imageTagMutability })));
  }
  if (was.scanOnPush !== now.scanOnPush) {
    const input = { repositoryName, imageScanningConfiguration: { scanOnPush: now.scanOnPush } };
    await send("PutImageScanningConfiguration", () => client.client.send(new client.sdk.PutImageScanningConfigurationCommand(input)));
  }
  if (!deepEqual(was.lifecyclePolicy, now.lifecyclePolicy)) {
    if (now.lifecyclePolicy !== undefined) await putLifecycle(ctx, client, repositoryName, now.lifecyclePolicy);
    else await orMissing(send("DeleteLifecyclePolicy", () => client.client.send(new client.sdk.DeleteLifecyclePolicyCommand({ repositoryName }))), isNoLifecyclePolicy);
  }
  const { set, remove } = tagChanges(was.tags, now.tags);
  const resourceArn = String(oldOutputs.arn);
  if (Object.keys(set).length) await send("TagResource", () => client.client.send(new client.sdk.TagResourceCommand({ resourceArn, tags: Object.entries(set).map(([Key, Value]) => ({ Key, Value })) })));
  if (remove.length) await send("UntagResource", () => client.client.send(new client.sdk.UntagResourceCommand({ resourceArn, tagKeys: remove })));
  return outputsOf(now, await describeOrThrow(ctx, client, repositoryName));
}

function isNoLifecyclePolicy(error: unknown): boolean {
  return hasAwsCode(error, ["LifecyclePolicyNotFoundException"]);
}

async function deleteRepository(ctx: AwsContext, repositoryName: string, inputs: PropertyMap): Promise<void> {
  const client = await ecr(ctx);
  const force = typed<RepositoryInputs>(inputs).forceDelete === true;
  try {
    await orMissing(primaryCall(ctx, ECR_RATES, "DeleteRepository", () => client.client.send(new client.sdk.DeleteRepositoryCommand({ repositoryName, force })))(), isRepositoryNotFound);
  } catch (error) {
    if (!hasAwsCode(error, ["RepositoryNotEmptyException"])) throw error;
    const deploy: Hint = { kind: "deploy" };
    throw new CairnError("PROVIDER_ERROR", `${ctx.label}: repository ${repositoryName} still holds images. Delete them, or set forceDelete: true (${hintText(deploy)}) to delete them with it.`, { urn: ctx.call.urn, cause: error, hints: [deploy] });
  }
}

async function readRepository(ctx: AwsContext, name: string, inputs: PropertyMap): Promise<ReadResult | undefined> {
  const client = await ecr(ctx);
  const repo = await readConfirmed(ctx, () => describe(ctx, client, name));
  if (repo === undefined) return undefined;
  const recorded = typed<RepositoryInputs>(inputs);
  const imported = Object.keys(inputs).length === 0;
  const send = <T>(api: string, fn: () => Promise<T>) => retrying(ctx, () => limitedCall(ctx, ECR_RATES, api, fn));
  const policy = await orMissing(send("GetLifecyclePolicy", () => client.client.send(new client.sdk.GetLifecyclePolicyCommand({ repositoryName: name }))), isNoLifecyclePolicy);
  const tags = await send("ListTagsForResource", () => client.client.send(new client.sdk.ListTagsForResourceCommand({ resourceArn: repo.repositoryArn })));
  const cloudPolicy = parseDocument(policy?.lifecyclePolicyText);
  const current: RepositoryInputs = {
    ...recorded,
    name: recorded.name !== undefined || imported ? repo.repositoryName : undefined,
    imageTagMutability: (repo.imageTagMutability as RepositoryInputs["imageTagMutability"]) ?? "MUTABLE",
    scanOnPush: repo.imageScanningConfiguration?.scanOnPush === true,
    encryptionType: (repo.encryptionConfiguration?.encryptionType as RepositoryInputs["encryptionType"]) ?? "AES256",
    kmsKey: recorded.kmsKey ?? (repo.encryptionConfiguration?.encryptionType === "KMS" && imported ? repo.encryptionConfiguration.kmsKey : undefined),
    lifecyclePolicy: cloudPolicy !== undefined && deepEqual(cloudPolicy, recorded.lifecyclePolicy) ? recorded.lifecyclePolicy : cloudPolicy,
    forceDelete: recorded.forceDelete ?? false,
    tags: Object.fromEntries((tags.tags ?? []).filter((t) => t.Key && !t.Key.startsWith("aws:")).map((t) => [t.Key!, t.Value ?? ""])),
  };
  return { id: name, inputs: plain(current as never), outputs: outputsOf(current, repo) };
}

function outputsOf(inputs: RepositoryInputs, repo: EcrRepository): PropertyMap {
  return plain({ ...inputs, name: repo.repositoryName, arn: repo.repositoryArn, repositoryUrl: repo.repositoryUri, registryId: repo.registryId });
}

/** The name a create with this token gives the object; `findCreated` looks for the same one. */
function createdName(ctx: AwsContext, inputs: RepositoryInputs, token: string): string {
  return physicalName(inputs.name, undefined, ctx.call.name, token, ECR_NAMES);
}
