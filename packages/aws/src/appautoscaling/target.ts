import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/core";
import type { ResourceType } from "@cairn/core/provider";
import { cairnPackage } from "../package.js";

const TARGET: ResourceType = { token: "aws:appautoscaling/Target", package: cairnPackage };

/** The arguments of {@link Target}. */
export interface TargetArgs {
  /** The service: "sagemaker", "ecs", "dynamodb", ...; changing it replaces the target. */
  readonly serviceNamespace: Input<string>;
  /** What scales, such as "endpoint/ranker/variant/main"; changing it replaces the target. */
  readonly resourceId: Input<string>;
  /** Such as "sagemaker:variant:DesiredInstanceCount"; changing it replaces the target. */
  readonly scalableDimension: Input<string>;
  /** Changed in place. */
  readonly minCapacity: Input<number>;
  /** Changed in place. */
  readonly maxCapacity: Input<number>;
  /** A role for Application Auto Scaling; changed in place. @default the service-linked role */
  readonly roleArn?: Input<string>;
  /** Tags, merged over the provider's default tags. @default none */
  readonly tags?: Input<Readonly<Record<string, Input<string>>>>;
}

/**
 * A scalable target of Application Auto Scaling: something whose capacity
 * may move between `minCapacity` and `maxCapacity`, such as a SageMaker
 * endpoint variant's instance count. A {@link Policy} then moves it.
 *
 * @example
 * const target = new aws.appautoscaling.Target("ranker", {
 *   serviceNamespace: "sagemaker", scalableDimension: "sagemaker:variant:DesiredInstanceCount",
 *   resourceId: interpolate`endpoint/${endpoint.name}/variant/main`, minCapacity: 1, maxCapacity: 4,
 * });
 */
export class Target extends CustomResource {
  readonly arn: Output<string> = this.getOutput("arn");
  readonly serviceNamespace: Output<string> = this.getOutput("serviceNamespace");
  readonly resourceId: Output<string> = this.getOutput("resourceId");
  readonly scalableDimension: Output<string> = this.getOutput("scalableDimension");
  readonly tags: Output<Record<string, string>> = this.getOutput("tags");

  constructor(name: string, args: TargetArgs, opts: CustomResourceOptions = {}) {
    super(TARGET, name, args as unknown as Record<string, unknown>, opts);
  }
}
