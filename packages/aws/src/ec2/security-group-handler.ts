import type { SecurityGroup as AwsSecurityGroup } from "@aws-sdk/client-ec2";
import type { CheckResult, PropertyMap, ReadResult } from "@cairn/core/provider";
import { checkFields, str, type Fields } from "../check/spec.js";
import { hasAwsCode } from "../errors.js";
import { physicalName, SECURITY_GROUP_NAMES } from "../naming.js";
import { findByName } from "../provider/find-created.js";
import { plain, typed, type CheckEnv, type ResourceHandler } from "../provider/handler.js";
import type { Ec2Handle } from "../runtime/client-factory.js";
import type { AwsContext } from "../runtime/context.js";
import { pollUntil } from "../runtime/poll.js";
import { orMissing, readConfirmed } from "../runtime/read.js";
import { retrying } from "../runtime/retry.js";
import { fromTagList, tagsField, withDefaultTags, type Tags } from "../tags.js";
import { deleteEc2, ec2Arn, ec2Call, isEc2NotFound, primaryCall, tagSpecifications, updateEc2Tags } from "./common.js";
import { ec2Limit } from "./limits.js";
import { ALLOW_ALL_EGRESS, atomicsOf, expandRules, ruleChanges, rulesField, rulesOf, sameRules, toPermission, type SecurityGroupRule } from "./security-group-rules.js";
import { echoingInputs, NAME_SOURCES } from "../provider/secrecy.js";

interface SecurityGroupInputs {
  readonly name?: string;
  readonly namePrefix?: string;
  readonly description: string;
  readonly vpcId?: string;
  readonly ingress: readonly SecurityGroupRule[];
  readonly egress: readonly SecurityGroupRule[];
  readonly tags: Tags;
}

const FIELDS: Fields = {
  name: str({ maxLength: 255, pattern: /^(?!sg-)/i, expected: "a name that does not start with sg-" }),
  namePrefix: str({ maxLength: 100, pattern: /^(?!sg-)/i, expected: "a prefix that does not start with sg-" }),
  description: str({ default: "Managed by Cairn", maxLength: 255 }),
  vpcId: str(),
  ingress: rulesField([]),
  egress: rulesField([ALLOW_ALL_EGRESS]),
  tags: tagsField(),
};

/** The provider side of `aws:ec2/SecurityGroup`; the id is the group id. */
export const securityGroupHandler: ResourceHandler = {
  token: "aws:ec2/SecurityGroup",
  schema: {
    derivedFrom: echoingInputs(FIELDS, { name: NAME_SOURCES, vpcId: ["vpcId"], arn: [], ownerId: [] }),
    replaceOnChanges: ["name", "namePrefix", "description", "vpcId"],
    stableOutputs: ["id", "arn", "name", "vpcId", "ownerId"],
  },
  nameProperty: "name",
  parameterHints: { GroupName: "name", GroupDescription: "description", "vpc": "vpcId", IpPermissions: "ingress", CidrIp: "ingress", port: "ingress" },
  check: (inputs: PropertyMap, env: CheckEnv): CheckResult => {
    const { inputs: out, failures } = checkFields(FIELDS, inputs);
    if (typeof inputs.name === "string" && typeof inputs.namePrefix === "string") failures.push({ property: "namePrefix", reason: "give either name or namePrefix, not both" });
    return { inputs: { ...out, tags: withDefaultTags(out.tags, env.settings.defaultTags) } as PropertyMap, failures };
  },
  create: createGroup,
  findCreated: async (ctx, raw, token) => {
    const inputs = typed<SecurityGroupInputs>(raw);
    const ec2 = await ctx.clients.ec2();
    return findByName(createdName(ctx, inputs, token), inputs.name, token, async (name) => {
      const id = await groupIdByName(ctx, ec2, name, inputs.vpcId);
      return id === undefined ? undefined : readGroup(ctx, id, raw);
    });
  },
  read: readGroup,
  update: async (ctx, id, olds, news) => {
    const ec2 = await ctx.clients.ec2();
    const inputs = typed<SecurityGroupInputs>(news);
    await updateEc2Tags(ctx, ec2, id, typed<SecurityGroupInputs>(olds).tags, inputs.tags);
    const group = await reconcileRules(ctx, ec2, id, inputs, await describeGroup(ctx, ec2, id));
    return outputsOf(inputs, group, await ec2.client.config.region());
  },
  delete: async (ctx, id) => {
    const ec2 = await ctx.clients.ec2();
    await deleteEc2(ctx, primaryCall(ctx, "DeleteSecurityGroup", () => ec2.client.send(new ec2.sdk.DeleteSecurityGroupCommand({ GroupId: id }))));
  },
  limits: (operation) => (operation === "create" ? ec2Limit("CreateSecurityGroup") : operation === "delete" ? ec2Limit("DeleteSecurityGroup") : undefined),
};

async function createGroup(ctx: AwsContext, raw: PropertyMap, token: string) {
  const inputs = typed<SecurityGroupInputs>(raw);
  const ec2 = await ctx.clients.ec2();
  const GroupName = createdName(ctx, inputs, token);
  const input = { GroupName, Description: inputs.description, VpcId: inputs.vpcId, TagSpecifications: tagSpecifications("security-group", inputs.tags) };
  const send = primaryCall(ctx, "CreateSecurityGroup", () => ec2.client.send(new ec2.sdk.CreateSecurityGroupCommand(input)));
  let id: string;
  try {
    // A VPC made a moment ago may not be visible yet.
    id = (await retrying(ctx, send, { retryIf: isEc2NotFound, budgetMs: 60_000 })).GroupId as string;
  } catch (error) {
    // A generated name is ours alone: an earlier attempt of this create made the group.
    if (!(hasAwsCode(error, ["InvalidGroup.Duplicate"]) && inputs.name === undefined)) throw error;
    id = await groupIdByName(ctx, ec2, GroupName, inputs.vpcId) as string;
  }
  // Not the SDK's SecurityGroupExists waiter: the group found is returned for outputs, and each look goes through call() (see pollUntil).
  const group = await pollUntil(ctx, {
    what: "a visible group",
    describe: () => describeGroup(ctx, ec2, id),
    evaluate: (found) => (found === undefined ? { status: "not visible yet" } : { done: true, value: found }),
    delays: { baseMs: 1_000, maxMs: 5_000 },
  });
  const final = await reconcileRules(ctx, ec2, id, inputs, group);
  return { id, outputs: outputsOf(inputs, final, await ec2.client.config.region()) };
}

async function groupIdByName(ctx: AwsContext, ec2: Ec2Handle, name: string, vpcId: string | undefined): Promise<string | undefined> {
  const Filters = [{ Name: "group-name", Values: [name] }, ...(vpcId ? [{ Name: "vpc-id", Values: [vpcId] }] : [])];
  const out = await ec2Call(ctx, "DescribeSecurityGroups", () => ec2.client.send(new ec2.sdk.DescribeSecurityGroupsCommand({ Filters })));
  return out.SecurityGroups?.[0]?.GroupId;
}

async function describeGroup(ctx: AwsContext, ec2: Ec2Handle, id: string): Promise<AwsSecurityGroup | undefined> {
  const out = await orMissing(
    ec2Call(ctx, "DescribeSecurityGroups", () => ec2.client.send(new ec2.sdk.DescribeSecurityGroupsCommand({ GroupIds: [id] }))),
    isEc2NotFound,
  );
  return out?.SecurityGroups?.[0];
}

/** Revokes rules the group has and should not, then authorizes the missing ones; returns the group as it now is. */
async function reconcileRules(ctx: AwsContext, ec2: Ec2Handle, GroupId: string, inputs: SecurityGroupInputs, group: AwsSecurityGroup | undefined): Promise<AwsSecurityGroup | undefined> {
  let changed = false;
  for (const direction of ["Ingress", "Egress"] as const) {
    const desired = expandRules(direction === "Ingress" ? inputs.ingress : inputs.egress, GroupId);
    const actual = atomicsOf(direction === "Ingress" ? group?.IpPermissions : group?.IpPermissionsEgress);
    const { revoke, authorize } = ruleChanges(desired, actual);
    if (revoke.length > 0) {
      const IpPermissions = revoke.map(toPermission);
      const api = `RevokeSecurityGroup${direction}` as const;
      const command = direction === "Ingress" ? new ec2.sdk.RevokeSecurityGroupIngressCommand({ GroupId, IpPermissions }) : new ec2.sdk.RevokeSecurityGroupEgressCommand({ GroupId, IpPermissions });
      await ec2Call(ctx, api, () => ec2.client.send(command as never));
    }
    if (authorize.length > 0) {
      const IpPermissions = authorize.map(toPermission);
      const api = `AuthorizeSecurityGroup${direction}` as const;
      const command = direction === "Ingress" ? new ec2.sdk.AuthorizeSecurityGroupIngressCommand({ GroupId, IpPermissions }) : new ec2.sdk.AuthorizeSecurityGroupEgressCommand({ GroupId, IpPermissions });
      await ec2Call(ctx, api, () => ec2.client.send(command as never));
    }
    changed ||= revoke.length + authorize.length > 0;
  }
  return changed ? describeGroup(ctx, ec2, GroupId) : group;
}

async function readGroup(ctx: AwsContext, id: string, inputs: PropertyMap): Promise<ReadResult | undefined> {
  const ec2 = await ctx.clients.ec2();
  const group = await readConfirmed(ctx, () => describeGroup(ctx, ec2, id));
  if (group === undefined) return undefined;
  const recorded = typed<SecurityGroupInputs>(inputs);
  const imported = Object.keys(inputs).length === 0;
  const current: SecurityGroupInputs = {
    ...recorded,
    name: recorded.name !== undefined || imported ? group.GroupName : undefined,
    description: group.Description ?? "",
    vpcId: recorded.vpcId !== undefined || imported ? group.VpcId : undefined,
    ingress: observedRules(recorded.ingress, group.IpPermissions, id),
    egress: observedRules(recorded.egress, group.IpPermissionsEgress, id),
    tags: fromTagList(group.Tags),
  };
  return { id, inputs: plain(current as never), outputs: outputsOf(current, group, await ec2.client.config.region()) };
}

/** The recorded rules if the group still has exactly them (keeping the program's grouping), else what it has. */
function observedRules(recorded: readonly SecurityGroupRule[] | undefined, permissions: AwsSecurityGroup["IpPermissions"], groupId: string): SecurityGroupRule[] {
  const actual = atomicsOf(permissions);
  if (recorded !== undefined && sameRules(expandRules(recorded, groupId), actual)) return [...recorded];
  return rulesOf(actual, groupId);
}

function outputsOf(inputs: SecurityGroupInputs, group: AwsSecurityGroup | undefined, region: string): PropertyMap {
  const id = group?.GroupId as string;
  return plain({
    ...inputs,
    name: group?.GroupName,
    vpcId: group?.VpcId,
    arn: group?.SecurityGroupArn ?? ec2Arn(region, group?.OwnerId, `security-group/${id}`),
    ownerId: group?.OwnerId,
  });
}

/** The name a create with this token gives the group; `findCreated` looks for the same one. */
function createdName(ctx: AwsContext, inputs: SecurityGroupInputs, token: string): string {
  return physicalName(inputs.name, inputs.namePrefix, ctx.call.name, token, SECURITY_GROUP_NAMES);
}
