import type { Policy as AwsPolicy } from "@aws-sdk/client-iam";
import { CairnError } from "@cairn/core";
import type { CheckResult, PropertyMap, ReadResult } from "@cairn/core/provider";
import { checkFields, str, type Fields } from "../check/spec.js";
import { IAM_NAMES, physicalName } from "../naming.js";
import { findByName } from "../provider/find-created.js";
import { plain, typed, type CheckEnv, type ResourceHandler } from "../provider/handler.js";
import { call } from "../runtime/call.js";
import type { IamHandle } from "../runtime/client-factory.js";
import type { AwsContext } from "../runtime/context.js";
import { orMissing, readConfirmed } from "../runtime/read.js";
import { retrying } from "../runtime/retry.js";
import { fromTagList, tagChanges, tagsField, toTagList, withDefaultTags, type Tags } from "../tags.js";
import { IAM_PATH, isEntityAlreadyExists, isNoSuchEntity } from "./common.js";
import { decodePolicy, policyField, samePolicy, type PolicyDocument } from "./policy-document.js";
import { hasAwsCode } from "../errors.js";
import { echoingInputs, NAME_SOURCES } from "../provider/secrecy.js";

interface PolicyInputs {
  readonly name?: string;
  readonly namePrefix?: string;
  readonly path: string;
  readonly description?: string;
  readonly policy: PolicyDocument;
  readonly tags: Tags;
}

const FIELDS: Fields = {
  name: str({ pattern: /^[\w+=,.@-]{1,128}$/, expected: "a policy name of 1–128 letters, digits and +=,.@_-" }),
  namePrefix: str({ pattern: /^[\w+=,.@-]{1,96}$/, expected: "a prefix of letters, digits and +=,.@_-" }),
  path: str({ default: "/", pattern: IAM_PATH, expected: 'a path such as "/" or "/ml/"' }),
  description: str({ maxLength: 1000 }),
  policy: policyField({ required: true }),
  tags: tagsField(),
};

/** The provider side of `aws:iam/Policy`; the id is the policy's ARN. */
export const policyHandler: ResourceHandler = {
  token: "aws:iam/Policy",
  schema: {
    derivedFrom: echoingInputs(FIELDS, { name: NAME_SOURCES, arn: [...NAME_SOURCES, "path"], policyId: [] }),
    replaceOnChanges: ["name", "namePrefix", "path", "description"], stableOutputs: ["id", "arn", "name", "policyId"],
  },
  nameProperty: "name",
  parameterHints: { PolicyDocument: "policy", PolicyName: "name", Path: "path" },
  check: (inputs: PropertyMap, env: CheckEnv): CheckResult => {
    const { inputs: out, failures } = checkFields(FIELDS, inputs);
    if (typeof inputs.name === "string" && typeof inputs.namePrefix === "string") failures.push({ property: "namePrefix", reason: "give either name or namePrefix, not both" });
    return { inputs: { ...out, tags: withDefaultTags(out.tags, env.settings.defaultTags) } as PropertyMap, failures };
  },
  create: async (ctx, raw, token) => {
    const inputs = typed<PolicyInputs>(raw);
    const iam = await ctx.clients.iam();
    const PolicyName = createdName(ctx, inputs, token);
    const input = { PolicyName, Path: inputs.path, Description: inputs.description, PolicyDocument: JSON.stringify(inputs.policy), Tags: Object.keys(inputs.tags).length ? toTagList(inputs.tags) : undefined };
    try {
      const out = await call(ctx, "CreatePolicy", () => iam.client.send(new iam.sdk.CreatePolicyCommand(input)));
      return { id: out.Policy!.Arn!, outputs: outputsOf(inputs, out.Policy!) };
    } catch (error) {
      if (!isEntityAlreadyExists(error)) throw error;
      throw new CairnError("PROVIDER_ERROR", `An IAM policy named "${PolicyName}" [property "name"] already exists. Adopt it with the import option (import: "<its ARN>"), or choose another name.`, { cause: error });
    }
  },
  findCreated: async (ctx, raw, token) => {
    const inputs = typed<PolicyInputs>(raw);
    const iam = await ctx.clients.iam();
    return findByName(createdName(ctx, inputs, token), inputs.name, token, async (name) => {
      const arn = await policyArnByName(ctx, iam, name, inputs.path);
      return arn === undefined ? undefined : readPolicy(ctx, arn, raw);
    });
  },
  read: readPolicy,
  update: updatePolicy,
  delete: deletePolicy,
};

async function getPolicy(ctx: AwsContext, iam: IamHandle, PolicyArn: string): Promise<AwsPolicy | undefined> {
  const out = await orMissing(call(ctx, "GetPolicy", () => iam.client.send(new iam.sdk.GetPolicyCommand({ PolicyArn }))), isNoSuchEntity);
  return out?.Policy;
}

async function updatePolicy(ctx: AwsContext, PolicyArn: string, olds: PropertyMap, news: PropertyMap): Promise<PropertyMap> {
  const was = typed<PolicyInputs>(olds);
  const now = typed<PolicyInputs>(news);
  const iam = await ctx.clients.iam();
  const send = <T>(api: string, fn: () => Promise<T>) => retrying(ctx, () => call(ctx, api, fn));
  if (!samePolicy(was.policy, now.policy)) {
    await pruneVersions(ctx, iam, PolicyArn);
    const input = { PolicyArn, PolicyDocument: JSON.stringify(now.policy), SetAsDefault: true };
    await send("CreatePolicyVersion", () => iam.client.send(new iam.sdk.CreatePolicyVersionCommand(input)));
  }
  const { set, remove } = tagChanges(was.tags, now.tags);
  if (Object.keys(set).length) await send("TagPolicy", () => iam.client.send(new iam.sdk.TagPolicyCommand({ PolicyArn, Tags: toTagList(set) })));
  if (remove.length) await send("UntagPolicy", () => iam.client.send(new iam.sdk.UntagPolicyCommand({ PolicyArn, TagKeys: remove })));
  const policy = await readConfirmed(ctx, () => getPolicy(ctx, iam, PolicyArn));
  return outputsOf(now, policy ?? { Arn: PolicyArn });
}

/** IAM keeps at most five versions: delete the oldest non-default one to make room for another. */
async function pruneVersions(ctx: AwsContext, iam: IamHandle, PolicyArn: string, keep = 4): Promise<void> {
  const out = await retrying(ctx, () => call(ctx, "ListPolicyVersions", () => iam.client.send(new iam.sdk.ListPolicyVersionsCommand({ PolicyArn }))));
  const others = (out.Versions ?? []).filter((v) => !v.IsDefaultVersion).sort((a, b) => (a.CreateDate?.getTime() ?? 0) - (b.CreateDate?.getTime() ?? 0));
  const excess = (out.Versions?.length ?? 0) - keep;
  for (const version of others.slice(0, Math.max(0, excess))) {
    await retrying(ctx, () => call(ctx, "DeletePolicyVersion", () => iam.client.send(new iam.sdk.DeletePolicyVersionCommand({ PolicyArn, VersionId: version.VersionId }))));
  }
}

async function deletePolicy(ctx: AwsContext, PolicyArn: string): Promise<void> {
  const iam = await ctx.clients.iam();
  try {
    await orMissing(pruneVersions(ctx, iam, PolicyArn, 1), isNoSuchEntity);
    await orMissing(call(ctx, "DeletePolicy", () => iam.client.send(new iam.sdk.DeletePolicyCommand({ PolicyArn }))), isNoSuchEntity);
  } catch (error) {
    if (!hasAwsCode(error, ["DeleteConflict"], 409)) throw error;
    throw new CairnError("PROVIDER_ERROR", `${ctx.label}: policy ${PolicyArn} is still attached to a role, user or group this stack does not manage. Detach it there, then destroy again.`, { urn: ctx.call.urn, cause: error });
  }
}

async function readPolicy(ctx: AwsContext, PolicyArn: string, inputs: PropertyMap): Promise<ReadResult | undefined> {
  const iam = await ctx.clients.iam();
  const policy = await readConfirmed(ctx, () => getPolicy(ctx, iam, PolicyArn));
  if (policy === undefined) return undefined;
  const recorded = typed<PolicyInputs>(inputs);
  const imported = Object.keys(inputs).length === 0;
  const version = await retrying(ctx, () => call(ctx, "GetPolicyVersion", () => iam.client.send(new iam.sdk.GetPolicyVersionCommand({ PolicyArn, VersionId: policy.DefaultVersionId }))));
  const doc = decodePolicy(version.PolicyVersion?.Document) ?? {};
  const current: PolicyInputs = {
    ...recorded,
    name: recorded.name !== undefined || imported ? policy.PolicyName : undefined,
    path: policy.Path ?? "/",
    description: policy.Description || undefined,
    policy: recorded.policy !== undefined && samePolicy(recorded.policy, doc) ? recorded.policy : doc,
    tags: fromTagList(policy.Tags),
  };
  return { id: PolicyArn, inputs: plain(current as never), outputs: outputsOf(current, policy) };
}

function outputsOf(inputs: PolicyInputs, policy: AwsPolicy): PropertyMap {
  return plain({ ...inputs, name: policy.PolicyName, arn: policy.Arn, policyId: policy.PolicyId });
}

/** The name a create with this token gives the policy; `findCreated` looks for the same one. */
function createdName(ctx: AwsContext, inputs: PolicyInputs, token: string): string {
  return physicalName(inputs.name, inputs.namePrefix, ctx.call.name, token, IAM_NAMES);
}

/** The ARN of the account's own policy of this name and path (the id holds the account, so it is listed rather than built). */
async function policyArnByName(ctx: AwsContext, iam: IamHandle, name: string, path: string): Promise<string | undefined> {
  let Marker: string | undefined;
  do {
    const out = await call(ctx, "ListPolicies", () => iam.client.send(new iam.sdk.ListPoliciesCommand({ Scope: "Local", PathPrefix: path, Marker })));
    const found = out.Policies?.find((policy) => policy.PolicyName === name && policy.Path === path);
    if (found !== undefined) return found.Arn;
    Marker = out.IsTruncated ? out.Marker : undefined;
  } while (Marker !== undefined);
  return undefined;
}
