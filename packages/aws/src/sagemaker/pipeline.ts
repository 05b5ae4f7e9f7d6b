import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/core";
import type { ResourceType } from "@cairn/core/provider";
import { cairnPackage } from "../package.js";

const PIPELINE: ResourceType = { token: "aws:sagemaker/Pipeline", package: cairnPackage };

/** The arguments of {@link Pipeline}. */
export interface PipelineArgs {
  /** The pipeline definition (`{ Version, Steps, Parameters, ... }`), as an object or JSON text; changed in place. */
  readonly definition: Input<string | Readonly<Record<string, unknown>>>;
  /** The role SageMaker runs the pipeline's steps with; changed in place. */
  readonly roleArn: Input<string>;
  /** The pipeline's name; changing it replaces the pipeline. @default the logical name and a random suffix */
  readonly name?: Input<string>;
  /** The name shown in SageMaker Studio. @default the name */
  readonly displayName?: Input<string>;
  readonly description?: Input<string>;
  /** How many steps may run at once. @default SageMaker's (50) */
  readonly maxParallelExecutionSteps?: Input<number>;
  /** Tags, merged over the provider's default tags. @default none */
  readonly tags?: Input<Readonly<Record<string, Input<string>>>>;
}

/**
 * A SageMaker pipeline: the definition of a training workflow, started by
 * hand, by an EventBridge rule ({@link aws.cloudwatch.EventTarget} with
 * `sageMakerPipelineParameters`) or by a scheduler schedule.
 *
 * @example
 * const pipeline = new aws.sagemaker.Pipeline("retrain", {
 *   roleArn: role.arn,
 *   definition: { Version: "2020-12-01", Steps: [{ Name: "Train", Type: "Training", Arguments: trainingArgs }] },
 * });
 */
export class Pipeline extends CustomResource {
  readonly arn: Output<string> = this.getOutput("arn");
  /** The pipeline's name. */
  readonly name: Output<string> = this.getOutput("name");
  readonly tags: Output<Record<string, string>> = this.getOutput("tags");

  constructor(name: string, args: PipelineArgs, opts: CustomResourceOptions = {}) {
    super(PIPELINE, name, args as unknown as Record<string, unknown>, opts);
  }
}
