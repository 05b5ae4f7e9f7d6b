import { ComponentResource, interpolate, output, type ComponentResourceOptions, type Input, type Output } from "@cairn/core";
import * as aws from "@cairn/aws";
import { addVariantAutoscaling, type VariantAutoscalingArgs } from "./autoscaling.js";

/** The name of the one production variant; the registry's deployer keeps it when it swaps configs. */
export const VARIANT_NAME = "primary";

/** The arguments of an {@link InferenceEndpoint}. */
export interface InferenceEndpointArgs {
  /** The inference container image (an ECR URI). */
  readonly image: Input<string>;
  /** The first model's artifacts, an `s3://…/model.tar.gz`. Later versions arrive through the registry. */
  readonly modelDataUrl: Input<string>;
  /** The role the model runs as (the registry's `modelRoleArn`). */
  readonly executionRoleArn: Input<string>;
  /** The variant's instance type. @default "ml.m5.large" */
  readonly instanceType?: Input<string>;
  /** Instances the variant starts with. @default 1 */
  readonly initialInstanceCount?: Input<number>;
  /** Environment variables of the container. @default none */
  readonly environment?: Input<Record<string, string>>;
  /** Run the model inside these private subnets and security groups. @default not in a VPC */
  readonly vpc?: { readonly subnetIds: Input<readonly Input<string>[]>; readonly securityGroupIds: Input<readonly Input<string>[]> };
  /** Scale the variant between a minimum and a maximum on invocations per instance. @default no autoscaling */
  readonly autoscaling?: VariantAutoscalingArgs;
  /** Tags of every resource, over the provider's default tags. @default {} */
  readonly tags?: Input<Record<string, string>>;
}

/**
 * A SageMaker real-time endpoint: a model, its first endpoint config and the
 * endpoint, plus autoscaling of the variant. The endpoint ignores changes of
 * `endpointConfigName`: after the first deployment the model registry's
 * deployer points the endpoint at new configs (new model versions), and
 * `cairn up` must not move it back. Cairn owns the first config only.
 *
 * @example
 * const ranker = new InferenceEndpoint("ranker", {
 *   image: "123456789012.dkr.ecr.us-west-2.amazonaws.com/ranker:1.4",
 *   modelDataUrl: interpolate`${registry.artifactsUri}ranker/v1/model.tar.gz`,
 *   executionRoleArn: registry.modelRoleArn,
 *   autoscaling: { minCapacity: 1, maxCapacity: 4 },
 * });
 */
export class InferenceEndpoint extends ComponentResource {
  /** What clients invoke (`sagemaker-runtime InvokeEndpoint`). */
  readonly endpointName: Output<string>;
  readonly endpointArn: Output<string>;
  /** The config Cairn created; the endpoint may have moved on to one the registry made. */
  readonly initialConfigName: Output<string>;
  readonly modelName: Output<string>;
  /** The variant the registry's deployer must keep in the configs it makes. */
  readonly variantName: Output<string>;

  constructor(name: string, args: InferenceEndpointArgs, opts: ComponentResourceOptions = {}) {
    super("cairn-ml:inference/InferenceEndpoint", name, {}, opts);
    const tags = args.tags ?? {};
    const model = new aws.sagemaker.Model(
      `${name}-model`,
      {
        executionRoleArn: args.executionRoleArn,
        // An empty environment is left out: SageMaker does not return one, and a refresh would see drift.
        primaryContainer: { image: args.image, modelDataUrl: args.modelDataUrl, ...(args.environment === undefined ? {} : { environment: args.environment }) },
        ...(args.vpc === undefined ? {} : { vpcConfig: { subnets: args.vpc.subnetIds, securityGroupIds: args.vpc.securityGroupIds } }),
        tags,
      },
      { parent: this },
    );
    const config = new aws.sagemaker.EndpointConfig(
      `${name}-config`,
      {
        productionVariants: [
          { variantName: VARIANT_NAME, modelName: model.name, instanceType: args.instanceType ?? "ml.m5.large", initialInstanceCount: args.initialInstanceCount ?? 1 },
        ],
        tags,
      },
      { parent: this },
    );
    const endpoint = new aws.sagemaker.Endpoint(
      `${name}-endpoint`,
      { endpointConfigName: config.name, tags },
      // The registry rolls new configs out; Cairn must not revert them.
      { parent: this, ignoreChanges: ["endpointConfigName"], customTimeouts: { create: "90m", update: "90m" } },
    );
    if (args.autoscaling !== undefined) {
      addVariantAutoscaling(this, name, interpolate`endpoint/${endpoint.name}/variant/${VARIANT_NAME}`, args.autoscaling, endpoint);
    }
    this.endpointName = endpoint.name;
    this.endpointArn = endpoint.arn;
    this.initialConfigName = config.name;
    this.modelName = model.name;
    this.variantName = output(VARIANT_NAME);
    this.registerOutputs({ endpointName: this.endpointName, initialConfigName: this.initialConfigName, modelName: this.modelName });
  }
}
