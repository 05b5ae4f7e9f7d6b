import type { DescribeEndpointCommandOutput } from "@aws-sdk/client-sagemaker";
import { CairnError } from "@cairn/core";
import type { CheckResult, PropertyMap, ReadResult } from "@cairn/core/provider";
import { checkFields, str, type Fields } from "../check/spec.js";
import { physicalName, SAGEMAKER_NAMES } from "../naming.js";
import { findByName } from "../provider/find-created.js";
import { plain, typed, type CheckEnv, type ResourceHandler } from "../provider/handler.js";
import { call } from "../runtime/call.js";
import type { SageMakerHandle } from "../runtime/client-factory.js";
import type { AwsContext } from "../runtime/context.js";
import { pollUntil, WaitFailedError } from "../runtime/poll.js";
import { orMissing, readConfirmed } from "../runtime/read.js";
import { retrying } from "../runtime/retry.js";
import { tagsField, withDefaultTags, type Tags } from "../tags.js";
import { isAlreadyExists, isSageMakerNotFound, readTags, SAGEMAKER_DELAYS, SAGEMAKER_NAME, sageMakerTags, updateTags } from "./common.js";
import { echoingInputs, NAME_SOURCES } from "../provider/secrecy.js";

interface EndpointInputs {
  readonly name?: string;
  readonly namePrefix?: string;
  readonly endpointConfigName: string;
  readonly tags: Tags;
}

const FIELDS: Fields = {
  name: str({ pattern: SAGEMAKER_NAME, expected: "a name of letters, digits and hyphens (at most 63)" }),
  namePrefix: str({ pattern: /^[a-zA-Z0-9-]{1,54}$/, expected: "a prefix of letters, digits and hyphens (at most 54)" }),
  endpointConfigName: str({ required: true }),
  tags: tagsField(),
};

/** Endpoints take 10–25 minutes to create or update; the default limit leaves room for slow ones. */
const HOUR = 60 * 60_000;

/** The provider side of `aws:sagemaker/Endpoint`; the id is the endpoint name. */
export const endpointHandler: ResourceHandler = {
  token: "aws:sagemaker/Endpoint",
  schema: {
    derivedFrom: echoingInputs(FIELDS, { name: NAME_SOURCES, arn: NAME_SOURCES, endpointStatus: [] }),
    replaceOnChanges: ["name", "namePrefix"],
    stableOutputs: ["id", "arn", "name"],
    timeouts: { create: HOUR, update: HOUR, delete: HOUR / 2 },
  },
  nameProperty: "name",
  parameterHints: { EndpointConfigName: "endpointConfigName", "endpoint config": "endpointConfigName", EndpointName: "name" },
  check: (inputs: PropertyMap, env: CheckEnv): CheckResult => {
    const { inputs: out, failures } = checkFields(FIELDS, inputs);
    return { inputs: { ...out, tags: withDefaultTags(out.tags, env.settings.defaultTags) } as PropertyMap, failures };
  },
  create: createEndpoint,
  findCreated: (ctx, raw, token) => findByName(createdName(ctx, typed<EndpointInputs>(raw), token), typed<EndpointInputs>(raw).name, token, (name) => readEndpoint(ctx, name, raw)),
  read: readEndpoint,
  update: updateEndpoint,
  delete: deleteEndpoint,
};

async function createEndpoint(ctx: AwsContext, raw: PropertyMap, token: string) {
  const inputs = typed<EndpointInputs>(raw);
  const sm = await ctx.clients.sagemaker();
  const EndpointName = createdName(ctx, inputs, token);
  const input = { EndpointName, EndpointConfigName: inputs.endpointConfigName, Tags: sageMakerTags(inputs.tags) };
  const send = () => call(ctx, "CreateEndpoint", () => sm.client.send(new sm.sdk.CreateEndpointCommand(input)));
  try {
    // An endpoint config made a moment ago may not be visible yet.
    await retrying(ctx, send, { retryIf: isSageMakerNotFound, budgetMs: 60_000 });
  } catch (error) {
    // A generated name is ours alone: an earlier attempt of this create made it, so wait for it.
    if (!(isAlreadyExists(error) && inputs.name === undefined)) throw error;
  }
  let endpoint: DescribeEndpointCommandOutput;
  try {
    endpoint = await waitInService(ctx, sm, EndpointName, inputs.endpointConfigName);
  } catch (error) {
    throw await cleanUpFailed(ctx, sm, EndpointName, error);
  }
  return { id: EndpointName, outputs: outputsOf(inputs, endpoint) };
}

/**
 * Waits until the endpoint is InService with the wanted config. Failed ends
 * the wait with SageMaker's FailureReason; an update that SageMaker rolled
 * back (InService, but still on the old config) fails the same way.
 */
function waitInService(ctx: AwsContext, sm: SageMakerHandle, EndpointName: string, configName: string): Promise<DescribeEndpointCommandOutput> {
  // Not the SDK's EndpointInService waiter: it takes InService on the old config for success and shows no progress for 10–25 minutes (see pollUntil).
  return pollUntil(ctx, {
    what: "InService",
    describe: () => describeEndpoint(ctx, sm, EndpointName),
    evaluate: (endpoint) => {
      const status = endpoint?.EndpointStatus;
      if (endpoint === undefined) return { status: "not visible yet" };
      if (status === "Failed") return { failed: `status Failed: ${endpoint.FailureReason ?? "SageMaker gave no reason"}` };
      if (status === "InService" && endpoint.EndpointConfigName === configName) return { done: true, value: endpoint };
      if (status === "InService") {
        return { failed: `the update to endpoint config ${configName} was rolled back; it still serves ${endpoint.EndpointConfigName}: ${endpoint.FailureReason ?? "SageMaker gave no reason"}` };
      }
      return { status: status ?? "unknown" };
    },
    delays: SAGEMAKER_DELAYS,
  });
}

/** A create that ended Failed leaves a Failed endpoint behind; delete it so nothing is left unrecorded. */
async function cleanUpFailed(ctx: AwsContext, sm: SageMakerHandle, EndpointName: string, error: unknown): Promise<unknown> {
  if (!(error instanceof WaitFailedError)) return error;
  try {
    await call(ctx, "DeleteEndpoint", () => sm.client.send(new sm.sdk.DeleteEndpointCommand({ EndpointName })));
    return new CairnError("PROVIDER_ERROR", `${error.message} (the failed endpoint ${EndpointName} was deleted)`, { urn: ctx.call.urn, cause: error });
  } catch {
    return new CairnError("PROVIDER_ERROR", `${error.message} (the failed endpoint ${EndpointName} is left in SageMaker; delete it there)`, { urn: ctx.call.urn, cause: error });
  }
}

async function describeEndpoint(ctx: AwsContext, sm: SageMakerHandle, EndpointName: string): Promise<DescribeEndpointCommandOutput | undefined> {
  return orMissing(call(ctx, "DescribeEndpoint", () => sm.client.send(new sm.sdk.DescribeEndpointCommand({ EndpointName }))), isSageMakerNotFound);
}

async function updateEndpoint(ctx: AwsContext, EndpointName: string, olds: PropertyMap, news: PropertyMap, oldOutputs: PropertyMap): Promise<PropertyMap> {
  const was = typed<EndpointInputs>(olds);
  const now = typed<EndpointInputs>(news);
  const sm = await ctx.clients.sagemaker();
  if (was.endpointConfigName !== now.endpointConfigName) {
    ctx.call.progress(`pointing the endpoint at ${now.endpointConfigName}`);
    const input = { EndpointName, EndpointConfigName: now.endpointConfigName };
    await retrying(ctx, () => call(ctx, "UpdateEndpoint", () => sm.client.send(new sm.sdk.UpdateEndpointCommand(input))), { retryIf: isSageMakerNotFound, budgetMs: 60_000 });
  }
  await updateTags(ctx, sm, String(oldOutputs.arn), was.tags, now.tags);
  return outputsOf(now, await waitInService(ctx, sm, EndpointName, now.endpointConfigName));
}

async function deleteEndpoint(ctx: AwsContext, EndpointName: string): Promise<void> {
  const sm = await ctx.clients.sagemaker();
  const deleted = await orMissing(call(ctx, "DeleteEndpoint", () => sm.client.send(new sm.sdk.DeleteEndpointCommand({ EndpointName }))), isSageMakerNotFound);
  if (deleted === undefined) return;
  // Not the SDK's EndpointDeleted waiter: it shows no progress and retries throttling outside call()'s token bucket (see pollUntil).
  await pollUntil(ctx, {
    what: "deletion",
    describe: () => describeEndpoint(ctx, sm, EndpointName),
    evaluate: (endpoint) => (endpoint === undefined ? { done: true, value: undefined } : { status: endpoint.EndpointStatus ?? "Deleting" }),
    delays: SAGEMAKER_DELAYS,
  });
}

async function readEndpoint(ctx: AwsContext, name: string, inputs: PropertyMap): Promise<ReadResult | undefined> {
  const sm = await ctx.clients.sagemaker();
  const endpoint = await readConfirmed(ctx, () => describeEndpoint(ctx, sm, name));
  if (endpoint === undefined) return undefined;
  const recorded = typed<EndpointInputs>(inputs);
  const imported = Object.keys(inputs).length === 0;
  const current: EndpointInputs = {
    ...recorded,
    name: recorded.name !== undefined || imported ? endpoint.EndpointName : undefined,
    endpointConfigName: endpoint.EndpointConfigName as string,
    tags: endpoint.EndpointArn ? await readTags(ctx, sm, endpoint.EndpointArn) : {},
  };
  return { id: name, inputs: plain(current as never), outputs: outputsOf(current, endpoint) };
}

function outputsOf(inputs: EndpointInputs, endpoint: DescribeEndpointCommandOutput): PropertyMap {
  return plain({ ...inputs, name: endpoint.EndpointName, arn: endpoint.EndpointArn, endpointStatus: endpoint.EndpointStatus });
}

/** The name a create with this token gives the object; `findCreated` looks for the same one. */
function createdName(ctx: AwsContext, inputs: EndpointInputs, token: string): string {
  return physicalName(inputs.name, inputs.namePrefix, ctx.call.name, token, SAGEMAKER_NAMES);
}
