import type { DescribeEndpointConfigCommandOutput } from "@aws-sdk/client-sagemaker";
import { CairnError } from "@cairn/core";
import type { CheckFailure, CheckResult, PropertyMap, PropertyValue, ReadResult } from "@cairn/core/provider";
import { checkFields, isPlainRecord, list, num, record, str, type Fields } from "../check/spec.js";
import { physicalName, SAGEMAKER_NAMES } from "../naming.js";
import { findByName } from "../provider/find-created.js";
import { plain, typed, type CheckEnv, type ResourceHandler } from "../provider/handler.js";
import { call } from "../runtime/call.js";
import type { SageMakerHandle } from "../runtime/client-factory.js";
import type { AwsContext } from "../runtime/context.js";
import { orMissing, readConfirmed } from "../runtime/read.js";
import { retrying } from "../runtime/retry.js";
import { tagsField, withDefaultTags, type Tags } from "../tags.js";
import { isAlreadyExists, isSageMakerNotFound, readTags, SAGEMAKER_NAME, sageMakerTags, updateTags } from "./common.js";
import { echoingInputs, NAME_SOURCES } from "../provider/secrecy.js";

interface ProductionVariant {
  readonly variantName: string;
  readonly modelName: string;
  readonly instanceType?: string;
  readonly initialInstanceCount?: number;
  readonly initialVariantWeight: number;
  readonly serverlessConfig?: { readonly memorySizeInMb: number; readonly maxConcurrency: number };
}

interface EndpointConfigInputs {
  readonly name?: string;
  readonly namePrefix?: string;
  readonly productionVariants: readonly ProductionVariant[];
  readonly kmsKeyId?: string;
  readonly tags: Tags;
}

const VARIANT = record({
  variantName: str({ required: true, pattern: SAGEMAKER_NAME, expected: "a variant name of letters, digits and hyphens" }),
  modelName: str({ required: true }),
  instanceType: str({ pattern: /^ml\.[a-z0-9]+\.[a-z0-9]+$/, expected: "an ML instance type such as ml.m5.large" }),
  initialInstanceCount: num({ integer: true, min: 1 }),
  initialVariantWeight: num({ min: 0, default: 1 }),
  serverlessConfig: record({ memorySizeInMb: num({ integer: true, required: true, min: 1024, max: 6144 }), maxConcurrency: num({ integer: true, required: true, min: 1, max: 200 }) }),
});

const FIELDS: Fields = {
  name: str({ pattern: SAGEMAKER_NAME, expected: "a name of letters, digits and hyphens (at most 63)" }),
  namePrefix: str({ pattern: /^[a-zA-Z0-9-]{1,54}$/, expected: "a prefix of letters, digits and hyphens (at most 54)" }),
  productionVariants: list(VARIANT, { required: true, minItems: 1, maxItems: 10 }),
  kmsKeyId: str(),
  tags: tagsField(),
};

/** The provider side of `aws:sagemaker/EndpointConfig`; the id is its name. Every change but tags replaces it. */
export const endpointConfigHandler: ResourceHandler = {
  token: "aws:sagemaker/EndpointConfig",
  schema: {
    derivedFrom: echoingInputs(FIELDS, { name: NAME_SOURCES, arn: NAME_SOURCES }),
    replaceOnChanges: ["name", "namePrefix", "productionVariants", "kmsKeyId"],
    stableOutputs: ["id", "arn", "name"],
  },
  nameProperty: "name",
  parameterHints: { ProductionVariants: "productionVariants", InstanceType: "productionVariants", ModelName: "productionVariants", KmsKeyId: "kmsKeyId", EndpointConfigName: "name" },
  check: (inputs: PropertyMap, env: CheckEnv): CheckResult => {
    const { inputs: out, failures } = checkFields(FIELDS, inputs);
    const variants = Array.isArray(out.productionVariants) ? out.productionVariants.map((v, i) => withInstanceCount(v, i, failures)) : out.productionVariants;
    return { inputs: { ...out, productionVariants: variants, tags: withDefaultTags(out.tags, env.settings.defaultTags) } as PropertyMap, failures };
  },
  create: createConfig,
  findCreated: (ctx, raw, token) => findByName(createdName(ctx, typed<EndpointConfigInputs>(raw), token), typed<EndpointConfigInputs>(raw).name, token, (name) => readConfig(ctx, name, raw)),
  read: readConfig,
  update: async (ctx, id, olds, news, oldOutputs) => {
    const sm = await ctx.clients.sagemaker();
    await updateTags(ctx, sm, String(oldOutputs.arn), typed<EndpointConfigInputs>(olds).tags, typed<EndpointConfigInputs>(news).tags);
    return plain({ ...news, name: id, arn: oldOutputs.arn });
  },
  delete: async (ctx, EndpointConfigName) => {
    const sm = await ctx.clients.sagemaker();
    await orMissing(call(ctx, "DeleteEndpointConfig", () => sm.client.send(new sm.sdk.DeleteEndpointConfigCommand({ EndpointConfigName }))), isSageMakerNotFound);
  },
};

/** An instance-backed variant runs one instance unless told otherwise; a serverless one has no count. */
function withInstanceCount(value: PropertyValue, i: number, failures: CheckFailure[]): PropertyValue {
  if (!isPlainRecord(value)) return value;
  if (value.serverlessConfig !== undefined) return value;
  if (value.instanceType === undefined) {
    failures.push({ property: `productionVariants.${i}.instanceType`, reason: "give instanceType (with initialInstanceCount) or serverlessConfig" });
    return value;
  }
  return value.initialInstanceCount === undefined ? { ...value, initialInstanceCount: 1 } : value;
}

async function createConfig(ctx: AwsContext, raw: PropertyMap, token: string) {
  const inputs = typed<EndpointConfigInputs>(raw);
  const sm = await ctx.clients.sagemaker();
  const EndpointConfigName = createdName(ctx, inputs, token);
  const input = {
    EndpointConfigName,
    ProductionVariants: inputs.productionVariants.map((v) => ({
      VariantName: v.variantName,
      ModelName: v.modelName,
      InstanceType: v.instanceType as never,
      InitialInstanceCount: v.serverlessConfig === undefined ? (v.initialInstanceCount ?? 1) : undefined,
      InitialVariantWeight: v.initialVariantWeight,
      ServerlessConfig: v.serverlessConfig === undefined ? undefined : { MemorySizeInMB: v.serverlessConfig.memorySizeInMb, MaxConcurrency: v.serverlessConfig.maxConcurrency },
    })),
    KmsKeyId: inputs.kmsKeyId,
    Tags: sageMakerTags(inputs.tags),
  };
  // A model made a moment ago may not be visible to the endpoint config yet.
  const send = () => call(ctx, "CreateEndpointConfig", () => sm.client.send(new sm.sdk.CreateEndpointConfigCommand(input)));
  try {
    await retrying(ctx, send, { retryIf: isSageMakerNotFound, budgetMs: 60_000 });
  } catch (error) {
    if (!(isAlreadyExists(error) && inputs.name === undefined)) {
      if (!isAlreadyExists(error)) throw error;
      throw new CairnError("PROVIDER_ERROR", `An endpoint config named "${EndpointConfigName}" [property "name"] already exists; choose another name or import it.`, { cause: error });
    }
  }
  // Describe right after create may say it does not exist; look for up to a minute.
  const config = await readConfirmed(ctx, () => describeConfig(ctx, sm, EndpointConfigName), 60_000);
  return { id: EndpointConfigName, outputs: plain({ ...inputs, name: EndpointConfigName, arn: config?.EndpointConfigArn }) };
}

async function describeConfig(ctx: AwsContext, sm: SageMakerHandle, EndpointConfigName: string): Promise<DescribeEndpointConfigCommandOutput | undefined> {
  return orMissing(call(ctx, "DescribeEndpointConfig", () => sm.client.send(new sm.sdk.DescribeEndpointConfigCommand({ EndpointConfigName }))), isSageMakerNotFound);
}

async function readConfig(ctx: AwsContext, name: string, inputs: PropertyMap): Promise<ReadResult | undefined> {
  const sm = await ctx.clients.sagemaker();
  const config = await readConfirmed(ctx, () => describeConfig(ctx, sm, name));
  if (config === undefined) return undefined;
  const recorded = typed<EndpointConfigInputs>(inputs);
  const imported = Object.keys(inputs).length === 0;
  const variants = (config.ProductionVariants ?? []).map((v) =>
    plain({
      variantName: v.VariantName,
      modelName: v.ModelName,
      instanceType: v.InstanceType,
      initialInstanceCount: v.ServerlessConfig ? undefined : v.InitialInstanceCount,
      initialVariantWeight: v.InitialVariantWeight ?? 1,
      serverlessConfig: v.ServerlessConfig ? { memorySizeInMb: v.ServerlessConfig.MemorySizeInMB, maxConcurrency: v.ServerlessConfig.MaxConcurrency } : undefined,
    }),
  );
  const current = {
    ...recorded,
    name: recorded.name !== undefined || imported ? config.EndpointConfigName : undefined,
    productionVariants: variants,
    kmsKeyId: config.KmsKeyId,
    tags: config.EndpointConfigArn ? await readTags(ctx, sm, config.EndpointConfigArn) : {},
  };
  return { id: name, inputs: plain(current), outputs: plain({ ...current, name, arn: config.EndpointConfigArn }) };
}

/** The name a create with this token gives the object; `findCreated` looks for the same one. */
function createdName(ctx: AwsContext, inputs: EndpointConfigInputs, token: string): string {
  return physicalName(inputs.name, inputs.namePrefix, ctx.call.name, token, SAGEMAKER_NAMES);
}
