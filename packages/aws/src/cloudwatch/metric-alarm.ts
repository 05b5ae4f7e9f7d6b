import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/core";
import type { ResourceType } from "@cairn/core/provider";
import { cairnPackage } from "../package.js";

const ALARM: ResourceType = { token: "aws:cloudwatch/MetricAlarm", package: cairnPackage };

/** The arguments of {@link MetricAlarm}. */
export interface MetricAlarmArgs {
  /** `GreaterThanThreshold`, `GreaterThanOrEqualToThreshold`, `LessThanThreshold` or `LessThanOrEqualToThreshold`. */
  readonly comparisonOperator: Input<string>;
  /** Periods compared with the threshold. */
  readonly evaluationPeriods: Input<number>;
  /** The metric, such as `Invocation5XXErrors`. */
  readonly metricName: Input<string>;
  /** Its namespace, such as `AWS/SageMaker`. */
  readonly namespace: Input<string>;
  /** Seconds per period: 10, 20, 30 or a multiple of 60. */
  readonly period: Input<number>;
  readonly threshold: Input<number>;
  /** `Average`, `Sum`, `Minimum`, `Maximum` or `SampleCount`. Give this or `extendedStatistic`. */
  readonly statistic?: Input<string>;
  /** A percentile such as `p99`. */
  readonly extendedStatistic?: Input<string>;
  /** The metric's dimensions, such as `{ EndpointName, VariantName }`. @default none */
  readonly dimensions?: Input<Readonly<Record<string, Input<string>>>>;
  /** The alarm's name; changing it replaces the alarm. @default the logical name and a random suffix */
  readonly name?: Input<string>;
  readonly alarmDescription?: Input<string>;
  /** @default true */
  readonly actionsEnabled?: Input<boolean>;
  /** ARNs notified on ALARM, OK and INSUFFICIENT_DATA. @default none */
  readonly alarmActions?: Input<readonly Input<string>[]>;
  readonly okActions?: Input<readonly Input<string>[]>;
  readonly insufficientDataActions?: Input<readonly Input<string>[]>;
  /** `missing`, `ignore`, `breaching` or `notBreaching`. @default "missing" */
  readonly treatMissingData?: Input<string>;
  /** Breaching data points out of `evaluationPeriods` that fire the alarm. @default evaluationPeriods */
  readonly datapointsToAlarm?: Input<number>;
  readonly unit?: Input<string>;
  /** Tags, merged over the provider's default tags. @default none */
  readonly tags?: Input<Readonly<Record<string, Input<string>>>>;
}

/**
 * A CloudWatch alarm on one metric. Every setting but the name changes in
 * place (PutMetricAlarm replaces the alarm's definition as a whole).
 *
 * @example
 * new aws.cloudwatch.MetricAlarm("endpoint-5xx", {
 *   namespace: "AWS/SageMaker", metricName: "Invocation5XXErrors", statistic: "Sum",
 *   dimensions: { EndpointName: endpoint.name, VariantName: "primary" },
 *   period: 60, evaluationPeriods: 5, threshold: 1, comparisonOperator: "GreaterThanOrEqualToThreshold",
 * });
 */
export class MetricAlarm extends CustomResource {
  readonly arn: Output<string> = this.getOutput("arn");
  /** The alarm's name. */
  readonly name: Output<string> = this.getOutput("name");
  readonly tags: Output<Record<string, string>> = this.getOutput("tags");

  constructor(name: string, args: MetricAlarmArgs, opts: CustomResourceOptions = {}) {
    super(ALARM, name, args as unknown as Record<string, unknown>, opts);
  }
}
