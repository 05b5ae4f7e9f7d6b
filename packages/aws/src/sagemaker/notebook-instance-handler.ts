import type { DescribeNotebookInstanceCommandOutput } from "@aws-sdk/client-sagemaker";
import type { CheckResult, PropertyMap, ReadResult } from "@cairn/core/provider";
import { checkFields, list, num, str, type Fields } from "../check/spec.js";
import { physicalName, SAGEMAKER_NAMES } from "../naming.js";
import { findByName } from "../provider/find-created.js";
import { plain, typed, type CheckEnv, type ResourceHandler } from "../provider/handler.js";
import { call } from "../runtime/call.js";
import type { AwsContext } from "../runtime/context.js";
import { pollUntil } from "../runtime/poll.js";
import { orMissing, readConfirmed } from "../runtime/read.js";
import { retrying } from "../runtime/retry.js";
import { tagsField, withDefaultTags, type Tags } from "../tags.js";
import { isAlreadyExists, isRolePropagating, isSageMakerNotFound, readTags, SAGEMAKER_DELAYS, SAGEMAKER_NAME, sageMakerTags, updateTags } from "./common.js";
import { describeNotebook, stopNotebook, waitForNotebook } from "./notebook-lifecycle.js";
import { echoingInputs, NAME_SOURCES } from "../provider/secrecy.js";

interface NotebookInputs {
  readonly name?: string;
  readonly namePrefix?: string;
  readonly instanceType: string;
  readonly roleArn: string;
  readonly subnetId?: string;
  readonly securityGroupIds?: readonly string[];
  readonly kmsKeyId?: string;
  readonly directInternetAccess: "Enabled" | "Disabled";
  readonly rootAccess: "Enabled" | "Disabled";
  readonly volumeSizeInGb: number;
  readonly platformIdentifier?: string;
  readonly tags: Tags;
}

const FIELDS: Fields = {
  name: str({ pattern: SAGEMAKER_NAME, expected: "a name of letters, digits and hyphens (at most 63)" }),
  namePrefix: str({ pattern: /^[a-zA-Z0-9-]{1,54}$/, expected: "a prefix of letters, digits and hyphens (at most 54)" }),
  instanceType: str({ required: true, pattern: /^ml\.[a-z0-9]+\.[a-z0-9]+$/, expected: "an ML instance type such as ml.t3.medium" }),
  roleArn: str({ required: true, pattern: /^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/, expected: "an IAM role ARN" }),
  subnetId: str(),
  securityGroupIds: list(str()),
  kmsKeyId: str(),
  directInternetAccess: str({ oneOf: ["Enabled", "Disabled"], default: "Enabled" }),
  rootAccess: str({ oneOf: ["Enabled", "Disabled"], default: "Enabled" }),
  volumeSizeInGb: num({ integer: true, min: 5, max: 16384, default: 5 }),
  platformIdentifier: str(),
  tags: tagsField(),
};

/** Changes SageMaker makes only on a stopped notebook instance. */
const NEEDS_STOP = ["instanceType", "roleArn", "rootAccess", "volumeSizeInGb"] as const;

/** The provider side of `aws:sagemaker/NotebookInstance`; the id is its name. */
export const notebookInstanceHandler: ResourceHandler = {
  token: "aws:sagemaker/NotebookInstance",
  schema: {
    derivedFrom: echoingInputs(FIELDS, { name: NAME_SOURCES, arn: NAME_SOURCES, url: NAME_SOURCES, status: [] }),
    replaceOnChanges: ["name", "namePrefix", "subnetId", "securityGroupIds", "kmsKeyId", "directInternetAccess", "platformIdentifier"],
    stableOutputs: ["id", "arn", "name", "url"],
    timeouts: { create: 30 * 60_000, update: 45 * 60_000, delete: 30 * 60_000 },
  },
  nameProperty: "name",
  parameterHints: { InstanceType: "instanceType", RoleArn: "roleArn", VolumeSizeInGB: "volumeSizeInGb", SubnetId: "subnetId", SecurityGroupIds: "securityGroupIds", NotebookInstanceName: "name" },
  check: (inputs: PropertyMap, env: CheckEnv): CheckResult => {
    const { inputs: out, failures } = checkFields(FIELDS, inputs);
    return { inputs: { ...out, tags: withDefaultTags(out.tags, env.settings.defaultTags) } as PropertyMap, failures };
  },
  create: createNotebook,
  findCreated: (ctx, raw, token) => findByName(createdName(ctx, typed<NotebookInputs>(raw), token), typed<NotebookInputs>(raw).name, token, (name) => readNotebook(ctx, name, raw)),
  read: readNotebook,
  update: updateNotebook,
  delete: async (ctx, name) => {
    const sm = await ctx.clients.sagemaker();
    await stopNotebook(ctx, sm, name);
    const deleted = await orMissing(call(ctx, "DeleteNotebookInstance", () => sm.client.send(new sm.sdk.DeleteNotebookInstanceCommand({ NotebookInstanceName: name }))), isSageMakerNotFound);
    if (deleted === undefined) return;
    // Not the SDK's NotebookInstanceDeleted waiter: it shows no progress and retries throttling outside call()'s token bucket (see pollUntil).
    await pollUntil(ctx, {
      what: "deletion",
      describe: () => describeNotebook(ctx, sm, name),
      evaluate: (found) => (found === undefined ? { done: true, value: undefined } : { status: found.NotebookInstanceStatus ?? "Deleting" }),
      delays: SAGEMAKER_DELAYS,
    });
  },
};

async function createNotebook(ctx: AwsContext, raw: PropertyMap, token: string) {
  const inputs = typed<NotebookInputs>(raw);
  const sm = await ctx.clients.sagemaker();
  const name = createdName(ctx, inputs, token);
  const input = {
    NotebookInstanceName: name,
    InstanceType: inputs.instanceType as never,
    RoleArn: inputs.roleArn,
    SubnetId: inputs.subnetId,
    SecurityGroupIds: inputs.securityGroupIds ? [...inputs.securityGroupIds] : undefined,
    KmsKeyId: inputs.kmsKeyId,
    DirectInternetAccess: inputs.directInternetAccess,
    RootAccess: inputs.rootAccess,
    VolumeSizeInGB: inputs.volumeSizeInGb,
    PlatformIdentifier: inputs.platformIdentifier,
    Tags: sageMakerTags(inputs.tags),
  };
  try {
    await retrying(ctx, () => call(ctx, "CreateNotebookInstance", () => sm.client.send(new sm.sdk.CreateNotebookInstanceCommand(input))), { retryIf: isRolePropagating });
  } catch (error) {
    if (!(isAlreadyExists(error) && inputs.name === undefined)) throw error;
  }
  const notebook = await waitForNotebook(ctx, sm, name, ["InService"]);
  return { id: name, outputs: outputsOf(inputs, notebook) };
}

async function updateNotebook(ctx: AwsContext, name: string, olds: PropertyMap, news: PropertyMap, oldOutputs: PropertyMap): Promise<PropertyMap> {
  const was = typed<NotebookInputs>(olds);
  const now = typed<NotebookInputs>(news);
  const sm = await ctx.clients.sagemaker();
  if (NEEDS_STOP.some((key) => was[key] !== now[key])) {
    await stopNotebook(ctx, sm, name);
    const input = { NotebookInstanceName: name, InstanceType: now.instanceType as never, RoleArn: now.roleArn, RootAccess: now.rootAccess, VolumeSizeInGB: now.volumeSizeInGb };
    await retrying(ctx, () => call(ctx, "UpdateNotebookInstance", () => sm.client.send(new sm.sdk.UpdateNotebookInstanceCommand(input))), { retryIf: isRolePropagating });
    await waitForNotebook(ctx, sm, name, ["Stopped"]);
    ctx.call.progress("starting the notebook instance");
    await call(ctx, "StartNotebookInstance", () => sm.client.send(new sm.sdk.StartNotebookInstanceCommand({ NotebookInstanceName: name })));
    await waitForNotebook(ctx, sm, name, ["InService"]);
  }
  await updateTags(ctx, sm, String(oldOutputs.arn), was.tags, now.tags);
  return outputsOf(now, (await describeNotebook(ctx, sm, name)) ?? {});
}

async function readNotebook(ctx: AwsContext, name: string, inputs: PropertyMap): Promise<ReadResult | undefined> {
  const sm = await ctx.clients.sagemaker();
  const notebook = await readConfirmed(ctx, () => describeNotebook(ctx, sm, name));
  if (notebook === undefined) return undefined;
  const recorded = typed<NotebookInputs>(inputs);
  const imported = Object.keys(inputs).length === 0;
  const current: NotebookInputs = {
    ...recorded,
    name: recorded.name !== undefined || imported ? notebook.NotebookInstanceName : undefined,
    instanceType: notebook.InstanceType as string,
    roleArn: notebook.RoleArn as string,
    subnetId: notebook.SubnetId,
    securityGroupIds: recorded.securityGroupIds !== undefined || (notebook.SecurityGroups?.length ?? 0) > 0 ? notebook.SecurityGroups : undefined,
    kmsKeyId: notebook.KmsKeyId,
    directInternetAccess: (notebook.DirectInternetAccess ?? "Enabled") as NotebookInputs["directInternetAccess"],
    rootAccess: (notebook.RootAccess ?? "Enabled") as NotebookInputs["rootAccess"],
    volumeSizeInGb: notebook.VolumeSizeInGB ?? 5,
    platformIdentifier: recorded.platformIdentifier !== undefined ? notebook.PlatformIdentifier : undefined,
    tags: notebook.NotebookInstanceArn ? await readTags(ctx, sm, notebook.NotebookInstanceArn) : {},
  };
  return { id: name, inputs: plain(current as never), outputs: outputsOf(current, notebook) };
}

function outputsOf(inputs: NotebookInputs, notebook: Partial<DescribeNotebookInstanceCommandOutput>): PropertyMap {
  return plain({
    ...inputs,
    name: notebook.NotebookInstanceName,
    arn: notebook.NotebookInstanceArn,
    url: notebook.Url,
    status: notebook.NotebookInstanceStatus,
  });
}

/** The name a create with this token gives the object; `findCreated` looks for the same one. */
function createdName(ctx: AwsContext, inputs: NotebookInputs, token: string): string {
  return physicalName(inputs.name, inputs.namePrefix, ctx.call.name, token, SAGEMAKER_NAMES);
}
