import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/core";
import type { ResourceType } from "@cairn/core/provider";
import { cairnPackage } from "../package.js";

const ENDPOINT_CONFIG: ResourceType = { token: "aws:sagemaker/EndpointConfig", package: cairnPackage };

/** One production variant: a model on instances (or serverless) behind an endpoint. */
export interface ProductionVariantArgs {
  readonly variantName: Input<string>;
  readonly modelName: Input<string>;
  /** Such as "ml.m5.large"; give it or `serverlessConfig`. */
  readonly instanceType?: Input<string>;
  /** @default 1 (for instance-backed variants) */
  readonly initialInstanceCount?: Input<number>;
  /** @default 1 */
  readonly initialVariantWeight?: Input<number>;
  /** Serverless inference instead of instances. @default none */
  readonly serverlessConfig?: Input<{ readonly memorySizeInMb: number; readonly maxConcurrency: number }>;
}

/** The arguments of {@link EndpointConfig}. Every change but tags replaces the config. */
export interface EndpointConfigArgs {
  readonly productionVariants: Input<readonly Input<ProductionVariantArgs>[]>;
  /** @default the logical name and a random suffix */
  readonly name?: Input<string>;
  /** A prefix for a generated name. @default the logical name and "-" */
  readonly namePrefix?: Input<string>;
  /** A KMS key for the instances' storage. @default none */
  readonly kmsKeyId?: Input<string>;
  /** Tags, merged over the provider's default tags. @default none */
  readonly tags?: Input<Readonly<Record<string, Input<string>>>>;
}

/**
 * A SageMaker endpoint configuration. Changing it makes a new config (created
 * before the old one is deleted), and the endpoint that uses it is pointed at
 * the new one with UpdateEndpoint, without downtime.
 *
 * Native twin: `aws:native.sagemaker/EndpointConfig` (`@cairn/aws/native/sagemaker`); never let both manage one object.
 *
 * @example
 * const config = new aws.sagemaker.EndpointConfig("ranker", {
 *   productionVariants: [{ variantName: "main", modelName: model.name, instanceType: "ml.m5.large" }],
 * });
 */
export class EndpointConfig extends CustomResource {
  readonly arn: Output<string> = this.getOutput("arn");
  /** The config's name. */
  readonly name: Output<string> = this.getOutput("name");

  constructor(name: string, args: EndpointConfigArgs, opts: CustomResourceOptions = {}) {
    super(ENDPOINT_CONFIG, name, args as unknown as Record<string, unknown>, opts);
  }
}
