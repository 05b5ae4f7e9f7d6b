import type { ComponentResource, Output, Resource } from "@cairn/core";
import * as aws from "@cairn/aws";

/** How the endpoint's variant scales. */
export interface VariantAutoscalingArgs {
  /** Instances at least. @default 1 */
  readonly minCapacity?: number;
  /** Instances at most. */
  readonly maxCapacity: number;
  /** Invocations per instance per minute that the policy keeps the variant at. @default 1000 */
  readonly targetInvocationsPerInstance?: number;
}

/**
 * Registers the variant's instance count with Application Auto Scaling and
 * tracks invocations per instance. The resource id names the variant, not
 * the config, so the policy survives the registry's config swaps.
 */
export function addVariantAutoscaling(parent: ComponentResource, name: string, resourceId: Output<string>, args: VariantAutoscalingArgs, endpoint: Resource): void {
  const dimension = { serviceNamespace: "sagemaker", resourceId, scalableDimension: "sagemaker:variant:DesiredInstanceCount" };
  const target = new aws.appautoscaling.Target(`${name}-scaling`, { ...dimension, minCapacity: args.minCapacity ?? 1, maxCapacity: args.maxCapacity }, { parent, dependsOn: [endpoint] });
  new aws.appautoscaling.Policy(
    `${name}-invocations`,
    {
      ...dimension,
      policyType: "TargetTrackingScaling",
      targetTrackingScalingPolicyConfiguration: {
        targetValue: args.targetInvocationsPerInstance ?? 1000,
        predefinedMetricSpecification: { predefinedMetricType: "SageMakerVariantInvocationsPerInstance" },
        scaleInCooldown: 300,
        scaleOutCooldown: 60,
      },
    },
    { parent, dependsOn: [target] },
  );
}
