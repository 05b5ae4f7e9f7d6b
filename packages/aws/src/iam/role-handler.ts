import type { Role as AwsRole } from "@aws-sdk/client-iam";
import { CairnError, hintText, type Hint } from "@cairn/core";
import { deepEqual, type CheckResult, type PropertyMap, type ReadResult } from "@cairn/core/provider";
import { checkFields, list, num, str, type Fields } from "../check/spec.js";
import { IAM_NAMES, physicalName } from "../naming.js";
import { findByName } from "../provider/find-created.js";
import { plain, typed, type CheckEnv, type ResourceHandler } from "../provider/handler.js";
import { call } from "../runtime/call.js";
import type { IamHandle } from "../runtime/client-factory.js";
import type { AwsContext } from "../runtime/context.js";
import { pollUntil } from "../runtime/poll.js";
import { orMissing, readConfirmed } from "../runtime/read.js";
import { fromTagList, tagChanges, tagsField, toTagList, withDefaultTags, type Tags } from "../tags.js";
import { IAM_PATH, isEntityAlreadyExists, isNoSuchEntity } from "./common.js";
import { decodePolicy, policyField, policyMapField, samePolicy, type PolicyDocument } from "./policy-document.js";
import { attachedPolicies, inlinePolicies, inlinePolicyNames, syncAttached, syncInline } from "./role-policies.js";
import { echoingInputs, NAME_SOURCES } from "../provider/secrecy.js";

interface RoleInputs {
  readonly name?: string;
  readonly namePrefix?: string;
  readonly path: string;
  readonly description?: string;
  readonly assumeRolePolicy: PolicyDocument;
  readonly maxSessionDuration: number;
  readonly managedPolicyArns: readonly string[];
  readonly inlinePolicies: Readonly<Record<string, PolicyDocument>>;
  readonly tags: Tags;
}

const FIELDS: Fields = {
  name: str({ pattern: /^[\w+=,.@-]{1,64}$/, expected: "a role name of 1–64 letters, digits and +=,.@_-" }),
  namePrefix: str({ pattern: /^[\w+=,.@-]{1,38}$/, expected: "a prefix of 1–38 letters, digits and +=,.@_-" }),
  path: str({ default: "/", pattern: IAM_PATH, expected: 'a path such as "/" or "/ml/"' }),
  description: str({ maxLength: 1000 }),
  assumeRolePolicy: policyField({ required: true }),
  maxSessionDuration: num({ integer: true, min: 3600, max: 43200, default: 3600 }),
  managedPolicyArns: list(str({ pattern: /^arn:/, expected: "a policy ARN" }), { default: [] }),
  inlinePolicies: policyMapField(),
  tags: tagsField(),
};

/** The provider side of `aws:iam/Role`; the id is the role name. */
export const roleHandler: ResourceHandler = {
  token: "aws:iam/Role",
  schema: {
    derivedFrom: echoingInputs(FIELDS, { name: NAME_SOURCES, arn: [...NAME_SOURCES, "path"], uniqueId: [], createDate: [] }),
    replaceOnChanges: ["name", "namePrefix", "path"],
    stableOutputs: ["id", "arn", "name", "uniqueId", "createDate"],
  },
  nameProperty: "name",
  parameterHints: { AssumeRolePolicyDocument: "assumeRolePolicy", "assume role policy": "assumeRolePolicy", PolicyArn: "managedPolicyArns", PolicyDocument: "inlinePolicies", MaxSessionDuration: "maxSessionDuration", RoleName: "name" },
  check: (inputs: PropertyMap, env: CheckEnv): CheckResult => {
    const { inputs: out, failures } = checkFields(FIELDS, inputs);
    if (typeof inputs.name === "string" && typeof inputs.namePrefix === "string") failures.push({ property: "namePrefix", reason: "give either name or namePrefix, not both" });
    const arns = Array.isArray(out.managedPolicyArns) && out.managedPolicyArns.every((a) => typeof a === "string") ? [...(out.managedPolicyArns as string[])].sort() : out.managedPolicyArns;
    return { inputs: { ...out, managedPolicyArns: arns, tags: withDefaultTags(out.tags, env.settings.defaultTags) } as PropertyMap, failures };
  },
  create: createRole,
  findCreated: (ctx, raw, token) => findByName(createdName(ctx, typed<RoleInputs>(raw), token), typed<RoleInputs>(raw).name, token, (name) => readRole(ctx, name, raw)),
  read: readRole,
  update: updateRole,
  delete: deleteRole,
};

async function createRole(ctx: AwsContext, raw: PropertyMap, token: string) {
  const inputs = typed<RoleInputs>(raw);
  const iam = await ctx.clients.iam();
  const RoleName = createdName(ctx, inputs, token);
  const input = {
    RoleName,
    Path: inputs.path,
    AssumeRolePolicyDocument: JSON.stringify(inputs.assumeRolePolicy),
    Description: inputs.description,
    MaxSessionDuration: inputs.maxSessionDuration,
    Tags: Object.keys(inputs.tags).length ? toTagList(inputs.tags) : undefined,
  };
  try {
    await call(ctx, "CreateRole", () => iam.client.send(new iam.sdk.CreateRoleCommand(input)));
  } catch (error) {
    // A generated name is ours alone: an earlier attempt of this create made the role.
    if (!(isEntityAlreadyExists(error) && inputs.name === undefined)) throw explainExists(error, RoleName);
  }
  const role = await waitForRole(ctx, iam, RoleName);
  await syncAttached(ctx, iam, RoleName, [], inputs.managedPolicyArns);
  await syncInline(ctx, iam, RoleName, {}, inputs.inlinePolicies);
  return { id: RoleName, outputs: outputsOf(inputs, role) };
}

function explainExists(error: unknown, name: string): unknown {
  if (!isEntityAlreadyExists(error)) return error;
  const adopt: Hint = { kind: "import-resource", type: "aws:iam/Role", id: name };
  return new CairnError("PROVIDER_ERROR", `An IAM role named "${name}" [property "name"] already exists. Adopt it with ${hintText(adopt)}, or choose another name.`, { cause: error, hints: [adopt] });
}

/** IAM is eventually consistent: GetRole may say NoSuchEntity right after CreateRole. */
function waitForRole(ctx: AwsContext, iam: IamHandle, RoleName: string): Promise<AwsRole> {
  // Not the SDK's RoleExists waiter: the role found is returned for outputs, and each look goes through call() (see pollUntil).
  return pollUntil(ctx, {
    what: "a visible role",
    describe: () => getRole(ctx, iam, RoleName),
    evaluate: (role) => (role === undefined ? { status: "not visible yet" } : { done: true, value: role }),
    delays: { baseMs: 1_000, maxMs: 5_000 },
  });
}

async function getRole(ctx: AwsContext, iam: IamHandle, RoleName: string): Promise<AwsRole | undefined> {
  const out = await orMissing(call(ctx, "GetRole", () => iam.client.send(new iam.sdk.GetRoleCommand({ RoleName }))), isNoSuchEntity);
  return out?.Role;
}

async function updateRole(ctx: AwsContext, RoleName: string, olds: PropertyMap, news: PropertyMap): Promise<PropertyMap> {
  const was = typed<RoleInputs>(olds);
  const now = typed<RoleInputs>(news);
  const iam = await ctx.clients.iam();
  const send = <T>(api: string, fn: () => Promise<T>) => call(ctx, api, fn);
  if (!samePolicy(was.assumeRolePolicy, now.assumeRolePolicy)) {
    const PolicyDocument = JSON.stringify(now.assumeRolePolicy);
    await send("UpdateAssumeRolePolicy", () => iam.client.send(new iam.sdk.UpdateAssumeRolePolicyCommand({ RoleName, PolicyDocument })));
  }
  if (was.description !== now.description || was.maxSessionDuration !== now.maxSessionDuration) {
    const input = { RoleName, Description: now.description ?? "", MaxSessionDuration: now.maxSessionDuration };
    await send("UpdateRole", () => iam.client.send(new iam.sdk.UpdateRoleCommand(input)));
  }
  if (!deepEqual(was.managedPolicyArns, now.managedPolicyArns)) await syncAttached(ctx, iam, RoleName, was.managedPolicyArns, now.managedPolicyArns);
  if (!deepEqual(was.inlinePolicies, now.inlinePolicies)) await syncInline(ctx, iam, RoleName, was.inlinePolicies, now.inlinePolicies);
  const { set, remove } = tagChanges(was.tags, now.tags);
  if (Object.keys(set).length) await send("TagRole", () => iam.client.send(new iam.sdk.TagRoleCommand({ RoleName, Tags: toTagList(set) })));
  if (remove.length) await send("UntagRole", () => iam.client.send(new iam.sdk.UntagRoleCommand({ RoleName, TagKeys: remove })));
  return outputsOf(now, await waitForRole(ctx, iam, RoleName));
}

async function deleteRole(ctx: AwsContext, RoleName: string): Promise<void> {
  const iam = await ctx.clients.iam();
  try {
    // IAM refuses to delete a role that still has policies.
    await syncAttached(ctx, iam, RoleName, await attachedPolicies(ctx, iam, RoleName), []);
    const names = await inlinePolicyNames(ctx, iam, RoleName);
    await syncInline(ctx, iam, RoleName, Object.fromEntries(names.map((n) => [n, {}])), {});
    await call(ctx, "DeleteRole", () => iam.client.send(new iam.sdk.DeleteRoleCommand({ RoleName })));
  } catch (error) {
    if (!isNoSuchEntity(error)) throw error;
  }
}

async function readRole(ctx: AwsContext, RoleName: string, inputs: PropertyMap): Promise<ReadResult | undefined> {
  const iam = await ctx.clients.iam();
  const role = await readConfirmed(ctx, () => getRole(ctx, iam, RoleName));
  if (role === undefined) return undefined;
  const recorded = typed<RoleInputs>(inputs);
  const imported = Object.keys(inputs).length === 0;
  const trust = decodePolicy(role.AssumeRolePolicyDocument) ?? {};
  const inline = await inlinePolicies(ctx, iam, RoleName);
  const current: RoleInputs = {
    ...recorded,
    name: recorded.name !== undefined || imported ? role.RoleName : undefined,
    path: role.Path ?? "/",
    description: role.Description || undefined,
    // Keep the program's spelling of documents that mean the same.
    assumeRolePolicy: recorded.assumeRolePolicy !== undefined && samePolicy(recorded.assumeRolePolicy, trust) ? recorded.assumeRolePolicy : trust,
    maxSessionDuration: role.MaxSessionDuration ?? 3600,
    // None declared leaves attachments to RolePolicyAttachment resources: they are not this role's drift.
    managedPolicyArns: imported || recorded.managedPolicyArns?.length ? await attachedPolicies(ctx, iam, RoleName) : [],
    inlinePolicies: Object.fromEntries(
      Object.entries(inline).map(([name, doc]) => [name, recorded.inlinePolicies?.[name] !== undefined && samePolicy(recorded.inlinePolicies[name], doc) ? recorded.inlinePolicies[name]! : doc]),
    ),
    tags: fromTagList(role.Tags),
  };
  return { id: RoleName, inputs: plain(current as never), outputs: outputsOf(current, role) };
}

function outputsOf(inputs: RoleInputs, role: AwsRole): PropertyMap {
  return plain({
    ...inputs,
    name: role.RoleName,
    arn: role.Arn,
    uniqueId: role.RoleId,
    createDate: role.CreateDate instanceof Date ? role.CreateDate.toISOString() : undefined,
  });
}

/** The name a create with this token gives the object; `findCreated` looks for the same one. */
function createdName(ctx: AwsContext, inputs: RoleInputs, token: string): string {
  return physicalName(inputs.name, inputs.namePrefix, ctx.call.name, token, IAM_NAMES);
}
