import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/core";
import type { ResourceType } from "@cairn/core/provider";
import { cairnPackage } from "../package.js";

const SCHEDULE: ResourceType = { token: "aws:scheduler/Schedule", package: cairnPackage };

/** What a schedule starts. */
export interface ScheduleTargetArgs {
  /**
   * The target's ARN: a SageMaker pipeline, a Lambda function, an SQS queue,
   * or a universal target such as `arn:aws:scheduler:::aws-sdk:sagemaker:createTrainingJob`.
   */
  readonly arn: Input<string>;
  /** The role the scheduler assumes to invoke the target. */
  readonly roleArn: Input<string>;
  /** The JSON text passed to the target (for a universal target, the API's request). @default none */
  readonly input?: Input<string>;
  /** Parameters of a SageMaker pipeline target. @default none */
  readonly sagemakerPipelineParameters?: Input<readonly Input<{ readonly name: Input<string>; readonly value: Input<string> }>[]>;
  /** @default the scheduler's (185 attempts within 24 hours) */
  readonly retryPolicy?: Input<{ readonly maximumEventAgeInSeconds?: Input<number>; readonly maximumRetryAttempts?: Input<number> }>;
  /** An SQS queue for invocations that failed every retry. @default none */
  readonly deadLetterArn?: Input<string>;
}

/** The arguments of {@link Schedule}. */
export interface ScheduleArgs {
  /** `cron(0 3 * * ? *)`, `rate(1 day)` or `at(2027-01-01T00:00:00)`. */
  readonly scheduleExpression: Input<string>;
  readonly target: Input<ScheduleTargetArgs>;
  /** The schedule's name; changing it replaces the schedule. @default the logical name and a random suffix */
  readonly name?: Input<string>;
  /** The group; changing it replaces the schedule. @default "default" */
  readonly groupName?: Input<string>;
  /** The time zone of the expression, such as `Europe/Paris`. @default "UTC" */
  readonly scheduleExpressionTimezone?: Input<string>;
  readonly description?: Input<string>;
  /** `ENABLED` or `DISABLED`. @default "ENABLED" */
  readonly state?: Input<"ENABLED" | "DISABLED">;
  /** Minutes within which the invocation may start after its time, spreading load. @default none (on time) */
  readonly flexibleTimeWindowMinutes?: Input<number>;
  /** ISO 8601 times before and after which the schedule does not fire. @default none */
  readonly startDate?: Input<string>;
  readonly endDate?: Input<string>;
  /** A customer managed KMS key for the schedule's data. @default an AWS owned key */
  readonly kmsKeyArn?: Input<string>;
}

/**
 * An EventBridge Scheduler schedule: starts a target on a cron, a rate or
 * once. Every setting but the name and group changes in place. Schedules
 * carry no tags (their group does).
 *
 * @example
 * new aws.scheduler.Schedule("nightly-retrain", {
 *   groupName: training.name,
 *   scheduleExpression: "cron(0 3 * * ? *)",
 *   target: { arn: pipeline.arn, roleArn: schedulerRole.arn, sagemakerPipelineParameters: [{ name: "Epochs", value: "10" }] },
 * });
 */
export class Schedule extends CustomResource {
  readonly arn: Output<string> = this.getOutput("arn");
  /** The schedule's name. */
  readonly name: Output<string> = this.getOutput("name");
  readonly groupName: Output<string> = this.getOutput("groupName");

  constructor(name: string, args: ScheduleArgs, opts: CustomResourceOptions = {}) {
    super(SCHEDULE, name, args as unknown as Record<string, unknown>, opts);
  }
}
