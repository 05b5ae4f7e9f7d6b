import type { Instance as AwsInstance, RunInstancesCommandInput } from "@aws-sdk/client-ec2";
import { deepEqual, type PropertyMap, type ReadResult } from "@cairn/core/provider";
import { hasAwsCode } from "../errors.js";
import { plain, typed, type ResourceHandler } from "../provider/handler.js";
import type { Ec2Handle } from "../runtime/client-factory.js";
import type { AwsContext } from "../runtime/context.js";
import { orMissing, readConfirmed } from "../runtime/read.js";
import { retrying } from "../runtime/retry.js";
import { fromTagList } from "../tags.js";
import { ec2Arn, ec2Call, isEc2NotFound, primaryCall, updateEc2Tags } from "./common.js";
import { checkInstance, clientTokenOf, isArn, type InstanceInputs, INSTANCE_FIELDS } from "./instance-inputs.js";
import { updateInstanceProfile } from "./instance-profile-association.js";
import { INSTANCE_WATCHER } from "./instance-watcher.js";
import { ec2Limit } from "./limits.js";
import { echoingInputs } from "../provider/secrecy.js";

/** The provider side of `aws:ec2/Instance`; the id is the instance id. */
export const instanceHandler: ResourceHandler = {
  token: "aws:ec2/Instance",
  schema: {
    derivedFrom: echoingInputs(INSTANCE_FIELDS, { instanceId: [], arn: [], instanceState: [], privateIp: [], publicIp: [], privateDnsName: [], publicDnsName: [], availabilityZone: ["subnetId"], subnetId: ["subnetId"], vpcId: ["subnetId"] }),
    replaceOnChanges: ["ami", "subnetId", "userData", "keyName", "associatePublicIpAddress", "rootBlockDevice"],
    stableOutputs: ["id", "arn", "privateIp", "privateDnsName", "availabilityZone", "subnetId", "vpcId"],
    idempotentCreate: true,
    timeouts: { create: 20 * 60_000, update: 20 * 60_000, delete: 20 * 60_000 },
  },
  parameterHints: {
    ImageId: "ami",
    "image id": "ami",
    InstanceType: "instanceType",
    "instance type": "instanceType",
    SubnetId: "subnetId",
    subnet: "subnetId",
    "security group": "vpcSecurityGroupIds",
    SecurityGroupIds: "vpcSecurityGroupIds",
    iamInstanceProfile: "iamInstanceProfile",
    "instance profile": "iamInstanceProfile",
    UserData: "userData",
    KeyName: "keyName",
    "key pair": "keyName",
    BlockDeviceMapping: "rootBlockDevice",
  },
  check: checkInstance,
  create: createInstance,
  read: readInstance,
  update: updateInstance,
  delete: deleteInstance,
  limits: (operation) => (operation === "create" ? ec2Limit("RunInstances") : operation === "delete" ? ec2Limit("TerminateInstances") : undefined),
};

/** EC2 may not see an instance profile (or its role) for a few seconds after IAM made it. */
function isProfilePropagating(error: unknown): boolean {
  return hasAwsCode(error, ["InvalidParameterValue"]) && /iamInstanceProfile|instance profile/i.test(String((error as Error).message ?? ""));
}

function runInput(inputs: InstanceInputs, ClientToken: string): RunInstancesCommandInput {
  const network =
    inputs.associatePublicIpAddress === undefined
      ? { SubnetId: inputs.subnetId, SecurityGroupIds: inputs.vpcSecurityGroupIds ? [...inputs.vpcSecurityGroupIds] : undefined }
      : {
          NetworkInterfaces: [
            { DeviceIndex: 0, SubnetId: inputs.subnetId, Groups: inputs.vpcSecurityGroupIds ? [...inputs.vpcSecurityGroupIds] : undefined, AssociatePublicIpAddress: inputs.associatePublicIpAddress },
          ],
        };
  const tags = Object.entries(inputs.tags).map(([Key, Value]) => ({ Key, Value }));
  const root = inputs.rootBlockDevice;
  return {
    ImageId: inputs.ami,
    InstanceType: inputs.instanceType as never,
    MinCount: 1,
    MaxCount: 1,
    ClientToken,
    ...network,
    UserData: inputs.userData === undefined ? undefined : Buffer.from(inputs.userData, "utf8").toString("base64"),
    IamInstanceProfile: inputs.iamInstanceProfile === undefined ? undefined : isArn(inputs.iamInstanceProfile) ? { Arn: inputs.iamInstanceProfile } : { Name: inputs.iamInstanceProfile },
    KeyName: inputs.keyName,
    BlockDeviceMappings: root === undefined ? undefined : [{ DeviceName: root.deviceName ?? "/dev/xvda", Ebs: { VolumeSize: root.volumeSize, VolumeType: root.volumeType as never } }],
    TagSpecifications: tags.length === 0 ? undefined : [{ ResourceType: "instance", Tags: tags }, { ResourceType: "volume", Tags: tags }],
  };
}

async function createInstance(ctx: AwsContext, raw: PropertyMap, token: string) {
  const inputs = typed<InstanceInputs>(raw);
  const ec2 = await ctx.clients.ec2();
  const input = runInput(inputs, clientTokenOf(token));
  const send = primaryCall(ctx, "RunInstances", () => ec2.client.send(new ec2.sdk.RunInstancesCommand(input)));
  // Every attempt carries the same ClientToken, so EC2 launches at most one instance.
  // Throttling and 5xx go back to the engine, which retries the whole create with the same token.
  const reservation = await retrying(ctx, send, { retryIf: isProfilePropagating, budgetMs: 2 * 60_000 });
  const id = reservation.Instances?.[0]?.InstanceId as string;
  ctx.call.progress(`launched ${id}`);
  const instance = await ctx.shared.get(INSTANCE_WATCHER).waitFor(ctx, id, "running");
  return { id, outputs: outputsOf(inputs, instance, await ec2.client.config.region()) };
}

async function updateInstance(ctx: AwsContext, id: string, olds: PropertyMap, news: PropertyMap): Promise<PropertyMap> {
  const was = typed<InstanceInputs>(olds);
  const now = typed<InstanceInputs>(news);
  const ec2 = await ctx.clients.ec2();
  const modify = (input: object) =>
    ec2Call(ctx, "ModifyInstanceAttribute", () => ec2.client.send(new ec2.sdk.ModifyInstanceAttributeCommand({ InstanceId: id, ...input })));
  let instance: AwsInstance | undefined;
  if (was.instanceType !== now.instanceType) instance = await resize(ctx, ec2, id, now.instanceType, modify);
  if (!deepEqual(was.vpcSecurityGroupIds, now.vpcSecurityGroupIds) && now.vpcSecurityGroupIds !== undefined) {
    await modify({ Groups: [...now.vpcSecurityGroupIds] });
  }
  if (was.iamInstanceProfile !== now.iamInstanceProfile) await updateInstanceProfile(ctx, ec2, id, now.iamInstanceProfile);
  await updateEc2Tags(ctx, ec2, id, was.tags, now.tags);
  instance = (await describeInstance(ctx, ec2, id)) ?? instance;
  return outputsOf(now, instance, await ec2.client.config.region());
}

/** A new instance type: EC2 allows it only on a stopped instance, so stop, modify, start. */
async function resize(ctx: AwsContext, ec2: Ec2Handle, InstanceIds: string, instanceType: string, modify: (input: object) => Promise<unknown>): Promise<AwsInstance | undefined> {
  ctx.call.progress(`stopping ${InstanceIds} to change its type to ${instanceType}`);
  await ec2Call(ctx, "StopInstances", () => ec2.client.send(new ec2.sdk.StopInstancesCommand({ InstanceIds: [InstanceIds] })));
  await ctx.shared.get(INSTANCE_WATCHER).waitFor(ctx, InstanceIds, "stopped");
  await modify({ InstanceType: { Value: instanceType } });
  ctx.call.progress(`starting ${InstanceIds} as ${instanceType}`);
  await ec2Call(ctx, "StartInstances", () => ec2.client.send(new ec2.sdk.StartInstancesCommand({ InstanceIds: [InstanceIds] })));
  return ctx.shared.get(INSTANCE_WATCHER).waitFor(ctx, InstanceIds, "running");
}

async function deleteInstance(ctx: AwsContext, id: string): Promise<void> {
  const ec2 = await ctx.clients.ec2();
  const send = primaryCall(ctx, "TerminateInstances", () => ec2.client.send(new ec2.sdk.TerminateInstancesCommand({ InstanceIds: [id] })));
  const terminated = await orMissing(send(), isEc2NotFound);
  if (terminated === undefined) return;
  await ctx.shared.get(INSTANCE_WATCHER).waitFor(ctx, id, "terminated");
}

async function describeInstance(ctx: AwsContext, ec2: Ec2Handle, id: string): Promise<AwsInstance | undefined> {
  const out = await orMissing(
    ec2Call(ctx, "DescribeInstances", () => ec2.client.send(new ec2.sdk.DescribeInstancesCommand({ InstanceIds: [id] }))),
    isEc2NotFound,
  );
  const instance = out?.Reservations?.[0]?.Instances?.[0];
  // A terminated instance lingers in describe results for a while; it is gone all the same.
  return instance === undefined || instance.State?.Name === "terminated" || instance.State?.Name === "shutting-down" ? undefined : instance;
}

async function readInstance(ctx: AwsContext, id: string, inputs: PropertyMap): Promise<ReadResult | undefined> {
  const ec2 = await ctx.clients.ec2();
  const instance = await readConfirmed(ctx, () => describeInstance(ctx, ec2, id));
  if (instance === undefined) return undefined;
  const recorded = typed<InstanceInputs>(inputs);
  const profileArn = instance.IamInstanceProfile?.Arn;
  const groups = (instance.SecurityGroups ?? []).map((g) => g.GroupId as string).sort();
  const imported = Object.keys(inputs).length === 0;
  // A subnet or groups EC2 chose (the default VPC's) are outputs, not inputs the program gave.
  const given = (key: keyof InstanceInputs) => recorded[key] !== undefined || imported;
  const current: InstanceInputs = {
    ...recorded,
    ami: instance.ImageId ?? recorded.ami,
    instanceType: instance.InstanceType ?? recorded.instanceType,
    subnetId: given("subnetId") ? instance.SubnetId : undefined,
    vpcSecurityGroupIds: given("vpcSecurityGroupIds") ? groups : undefined,
    // The program may name the profile or give its ARN; EC2 reports the ARN.
    iamInstanceProfile: profileArn === undefined ? undefined : recorded.iamInstanceProfile !== undefined && profileArn.endsWith(`/${recorded.iamInstanceProfile}`) ? recorded.iamInstanceProfile : profileArn,
    keyName: instance.KeyName,
    tags: fromTagList(instance.Tags),
  };
  return { id, inputs: plain(current as never), outputs: outputsOf(current, instance, await ec2.client.config.region()) };
}

function outputsOf(inputs: InstanceInputs, instance: AwsInstance | undefined, region: string): PropertyMap {
  const id = instance?.InstanceId as string;
  const owner = instance?.NetworkInterfaces?.[0]?.OwnerId;
  return plain({
    ...inputs,
    arn: ec2Arn(region, owner, `instance/${id}`),
    instanceState: instance?.State?.Name,
    privateIp: instance?.PrivateIpAddress,
    publicIp: instance?.PublicIpAddress,
    privateDnsName: instance?.PrivateDnsName,
    publicDnsName: instance?.PublicDnsName || undefined,
    availabilityZone: instance?.Placement?.AvailabilityZone,
    subnetId: instance?.SubnetId,
    vpcId: instance?.VpcId,
  });
}
