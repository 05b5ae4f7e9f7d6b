import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/core";
import type { ResourceType } from "@cairn/core/provider";
import { cairnPackage } from "../package.js";

const POLICY: ResourceType = { token: "aws:appautoscaling/Policy", package: cairnPackage };

/** A target-tracking policy: keep a metric near a value. */
export interface TargetTrackingArgs {
  readonly targetValue: Input<number>;
  /** A metric AWS defines, such as "SageMakerVariantInvocationsPerInstance". */
  readonly predefinedMetricSpecification: Input<{ readonly predefinedMetricType: Input<string>; readonly resourceLabel?: Input<string> }>;
  /** Seconds after a scale-in before another. @default 300 */
  readonly scaleInCooldown?: Input<number>;
  /** Seconds after a scale-out before another. @default 300 */
  readonly scaleOutCooldown?: Input<number>;
  /** Only ever scale out. @default false */
  readonly disableScaleIn?: Input<boolean>;
}

/** A step-scaling policy: adjustments by how far an alarm's metric is past its threshold. */
export interface StepScalingArgs {
  /** "ChangeInCapacity", "ExactCapacity" or "PercentChangeInCapacity". */
  readonly adjustmentType: Input<string>;
  readonly stepAdjustments: Input<readonly Input<{ readonly scalingAdjustment: Input<number>; readonly metricIntervalLowerBound?: Input<number>; readonly metricIntervalUpperBound?: Input<number> }>[]>;
  /** @default 300 */
  readonly cooldown?: Input<number>;
  /** "Average", "Minimum" or "Maximum". @default "Average" */
  readonly metricAggregationType?: Input<string>;
  readonly minAdjustmentMagnitude?: Input<number>;
}

/** The arguments of {@link Policy}. */
export interface PolicyArgs {
  /** The policy's name; changing it replaces the policy. @default the logical name */
  readonly name?: Input<string>;
  /** The target's namespace, resource and dimension (usually from a {@link Target}); changing them replaces the policy. */
  readonly serviceNamespace: Input<string>;
  readonly resourceId: Input<string>;
  readonly scalableDimension: Input<string>;
  /** "TargetTrackingScaling" or "StepScaling"; changing it replaces the policy. @default "TargetTrackingScaling" */
  readonly policyType?: Input<"TargetTrackingScaling" | "StepScaling">;
  /** Changed in place. */
  readonly targetTrackingScalingPolicyConfiguration?: Input<TargetTrackingArgs>;
  /** Changed in place. */
  readonly stepScalingPolicyConfiguration?: Input<StepScalingArgs>;
}

/**
 * A scaling policy of Application Auto Scaling, such as keeping a SageMaker
 * variant near 200 invocations per instance.
 *
 * @example
 * new aws.appautoscaling.Policy("ranker-invocations", {
 *   serviceNamespace: target.serviceNamespace, resourceId: target.resourceId, scalableDimension: target.scalableDimension,
 *   targetTrackingScalingPolicyConfiguration: { targetValue: 200, predefinedMetricSpecification: { predefinedMetricType: "SageMakerVariantInvocationsPerInstance" } },
 * });
 */
export class Policy extends CustomResource {
  readonly arn: Output<string> = this.getOutput("arn");
  readonly name: Output<string> = this.getOutput("name");
  /** The CloudWatch alarms a target-tracking policy made. */
  readonly alarmArns: Output<string[]> = this.getOutput("alarmArns");

  constructor(name: string, args: PolicyArgs, opts: CustomResourceOptions = {}) {
    super(POLICY, name, args as unknown as Record<string, unknown>, opts);
  }
}
