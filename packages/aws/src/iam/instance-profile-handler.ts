import type { InstanceProfile as AwsInstanceProfile } from "@aws-sdk/client-iam";
import { CairnError, hintText, type Hint } from "@cairn/core";
import type { CheckResult, PropertyMap, ReadResult } from "@cairn/core/provider";
import { checkFields, str, type Fields } from "../check/spec.js";
import { IAM_NAMES, physicalName } from "../naming.js";
import { findByName } from "../provider/find-created.js";
import { plain, typed, type CheckEnv, type ResourceHandler } from "../provider/handler.js";
import { call } from "../runtime/call.js";
import type { IamHandle } from "../runtime/client-factory.js";
import type { AwsContext } from "../runtime/context.js";
import { pollUntil } from "../runtime/poll.js";
import { orMissing, readConfirmed } from "../runtime/read.js";
import { retrying } from "../runtime/retry.js";
import { fromTagList, tagChanges, tagsField, toTagList, withDefaultTags, type Tags } from "../tags.js";
import { IAM_PATH, isEntityAlreadyExists, isNoSuchEntity } from "./common.js";
import { echoingInputs, NAME_SOURCES } from "../provider/secrecy.js";

interface InstanceProfileInputs {
  readonly name?: string;
  readonly namePrefix?: string;
  readonly path: string;
  readonly role?: string;
  readonly tags: Tags;
}

const FIELDS: Fields = {
  name: str({ pattern: /^[\w+=,.@-]{1,128}$/, expected: "a name of 1–128 letters, digits and +=,.@_-" }),
  namePrefix: str({ pattern: /^[\w+=,.@-]{1,100}$/, expected: "a prefix of letters, digits and +=,.@_-" }),
  path: str({ default: "/", pattern: IAM_PATH, expected: 'a path such as "/" or "/ml/"' }),
  role: str(),
  tags: tagsField(),
};

/** The provider side of `aws:iam/InstanceProfile`; the id is the profile name. */
export const instanceProfileHandler: ResourceHandler = {
  token: "aws:iam/InstanceProfile",
  schema: {
    derivedFrom: echoingInputs(FIELDS, { name: NAME_SOURCES, arn: [...NAME_SOURCES, "path"], uniqueId: [] }),
    replaceOnChanges: ["name", "namePrefix", "path"],
    stableOutputs: ["id", "arn", "name", "uniqueId"],
  },
  nameProperty: "name",
  parameterHints: { RoleName: "role", InstanceProfileName: "name" },
  check: (inputs: PropertyMap, env: CheckEnv): CheckResult => {
    const { inputs: out, failures } = checkFields(FIELDS, inputs);
    return { inputs: { ...out, tags: withDefaultTags(out.tags, env.settings.defaultTags) } as PropertyMap, failures };
  },
  create: createProfile,
  findCreated: (ctx, raw, token) => findByName(createdName(ctx, typed<InstanceProfileInputs>(raw), token), typed<InstanceProfileInputs>(raw).name, token, (name) => readProfile(ctx, name, raw)),
  read: readProfile,
  update: async (ctx, name, olds, news) => {
    const was = typed<InstanceProfileInputs>(olds);
    const now = typed<InstanceProfileInputs>(news);
    const iam = await ctx.clients.iam();
    if (was.role !== now.role) {
      if (was.role !== undefined) await removeRole(ctx, iam, name, was.role);
      if (now.role !== undefined) await addRole(ctx, iam, name, now.role);
    }
    const { set, remove } = tagChanges(was.tags, now.tags);
    const send = <T>(api: string, fn: () => Promise<T>) => call(ctx, api, fn);
    if (Object.keys(set).length) await send("TagInstanceProfile", () => iam.client.send(new iam.sdk.TagInstanceProfileCommand({ InstanceProfileName: name, Tags: toTagList(set) })));
    if (remove.length) await send("UntagInstanceProfile", () => iam.client.send(new iam.sdk.UntagInstanceProfileCommand({ InstanceProfileName: name, TagKeys: remove })));
    return outputsOf(now, await waitForProfile(ctx, iam, name));
  },
  delete: async (ctx, name) => {
    const iam = await ctx.clients.iam();
    const profile = await getProfile(ctx, iam, name);
    if (profile === undefined) return;
    for (const role of profile.Roles ?? []) if (role.RoleName) await removeRole(ctx, iam, name, role.RoleName);
    await orMissing(call(ctx, "DeleteInstanceProfile", () => iam.client.send(new iam.sdk.DeleteInstanceProfileCommand({ InstanceProfileName: name }))), isNoSuchEntity);
  },
};

async function createProfile(ctx: AwsContext, raw: PropertyMap, token: string) {
  const inputs = typed<InstanceProfileInputs>(raw);
  const iam = await ctx.clients.iam();
  const name = createdName(ctx, inputs, token);
  const input = { InstanceProfileName: name, Path: inputs.path, Tags: Object.keys(inputs.tags).length ? toTagList(inputs.tags) : undefined };
  try {
    await call(ctx, "CreateInstanceProfile", () => iam.client.send(new iam.sdk.CreateInstanceProfileCommand(input)));
  } catch (error) {
    if (!(isEntityAlreadyExists(error) && inputs.name === undefined)) {
      if (!isEntityAlreadyExists(error)) throw error;
      const adopt: Hint = { kind: "import-resource", type: "aws:iam/InstanceProfile", id: name };
      throw new CairnError("PROVIDER_ERROR", `An instance profile named "${name}" [property "name"] already exists. Adopt it with ${hintText(adopt)}, or choose another name.`, { cause: error, hints: [adopt] });
    }
  }
  let profile = await waitForProfile(ctx, iam, name);
  if (inputs.role !== undefined && !(profile.Roles ?? []).some((r) => r.RoleName === inputs.role)) {
    await addRole(ctx, iam, name, inputs.role);
    profile = await waitForProfile(ctx, iam, name);
  }
  return { id: name, outputs: outputsOf(inputs, profile) };
}

function addRole(ctx: AwsContext, iam: IamHandle, InstanceProfileName: string, RoleName: string): Promise<unknown> {
  // A role made a moment ago may not be visible yet.
  return retrying(ctx, () => call(ctx, "AddRoleToInstanceProfile", () => iam.client.send(new iam.sdk.AddRoleToInstanceProfileCommand({ InstanceProfileName, RoleName }))), {
    retryIf: isNoSuchEntity,
  });
}

function removeRole(ctx: AwsContext, iam: IamHandle, InstanceProfileName: string, RoleName: string): Promise<unknown> {
  return orMissing(
    call(ctx, "RemoveRoleFromInstanceProfile", () => iam.client.send(new iam.sdk.RemoveRoleFromInstanceProfileCommand({ InstanceProfileName, RoleName }))),
    isNoSuchEntity,
  );
}

async function getProfile(ctx: AwsContext, iam: IamHandle, InstanceProfileName: string): Promise<AwsInstanceProfile | undefined> {
  const out = await orMissing(call(ctx, "GetInstanceProfile", () => iam.client.send(new iam.sdk.GetInstanceProfileCommand({ InstanceProfileName }))), isNoSuchEntity);
  return out?.InstanceProfile;
}

function waitForProfile(ctx: AwsContext, iam: IamHandle, name: string): Promise<AwsInstanceProfile> {
  // Not the SDK's InstanceProfileExists waiter: the profile found is returned for outputs, and each look goes through call() (see pollUntil).
  return pollUntil(ctx, {
    what: "a visible instance profile",
    describe: () => getProfile(ctx, iam, name),
    evaluate: (profile) => (profile === undefined ? { status: "not visible yet" } : { done: true, value: profile }),
    delays: { baseMs: 1_000, maxMs: 5_000 },
  });
}

async function readProfile(ctx: AwsContext, name: string, inputs: PropertyMap): Promise<ReadResult | undefined> {
  const iam = await ctx.clients.iam();
  const profile = await readConfirmed(ctx, () => getProfile(ctx, iam, name));
  if (profile === undefined) return undefined;
  const recorded = typed<InstanceProfileInputs>(inputs);
  const imported = Object.keys(inputs).length === 0;
  const current: InstanceProfileInputs = {
    ...recorded,
    name: recorded.name !== undefined || imported ? profile.InstanceProfileName : undefined,
    path: profile.Path ?? "/",
    role: profile.Roles?.[0]?.RoleName,
    tags: fromTagList(profile.Tags),
  };
  return { id: name, inputs: plain(current as never), outputs: outputsOf(current, profile) };
}

function outputsOf(inputs: InstanceProfileInputs, profile: AwsInstanceProfile): PropertyMap {
  return plain({ ...inputs, name: profile.InstanceProfileName, arn: profile.Arn, uniqueId: profile.InstanceProfileId });
}

/** The name a create with this token gives the object; `findCreated` looks for the same one. */
function createdName(ctx: AwsContext, inputs: InstanceProfileInputs, token: string): string {
  return physicalName(inputs.name, inputs.namePrefix, ctx.call.name, token, IAM_NAMES);
}
