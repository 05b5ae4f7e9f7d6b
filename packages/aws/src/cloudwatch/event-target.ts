import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/core";
import type { ResourceType } from "@cairn/core/provider";
import { cairnPackage } from "../package.js";

const TARGET: ResourceType = { token: "aws:cloudwatch/EventTarget", package: cairnPackage };

/** The arguments of {@link EventTarget}. */
export interface EventTargetArgs {
  /** The rule's name; changing it replaces the target. */
  readonly rule: Input<string>;
  /** What the rule starts: a SageMaker pipeline, a Lambda function, an SQS queue, a Step Functions state machine... */
  readonly arn: Input<string>;
  /** The target's id within the rule; changing it replaces the target. @default the logical name and a random suffix */
  readonly targetId?: Input<string>;
  /** The rule's event bus; changing it replaces the target. @default "default" */
  readonly eventBusName?: Input<string>;
  /** The role EventBridge assumes to start the target (needed for SageMaker pipelines). @default none */
  readonly roleArn?: Input<string>;
  /** Constant JSON text passed instead of the event. @default the event */
  readonly input?: Input<string>;
  /** A JSONPath into the event, passed instead of it. @default the whole event */
  readonly inputPath?: Input<string>;
  /** Parameters of a SageMaker pipeline target. @default none */
  readonly sagemakerPipelineParameters?: Input<readonly Input<{ readonly name: Input<string>; readonly value: Input<string> }>[]>;
  /** @default EventBridge's (185 attempts within 24 hours) */
  readonly retryPolicy?: Input<{ readonly maximumEventAgeInSeconds?: Input<number>; readonly maximumRetryAttempts?: Input<number> }>;
  /** An SQS queue for events that failed every retry. @default none */
  readonly deadLetterArn?: Input<string>;
}

/**
 * One target of an {@link EventRule}: what the rule starts when it fires.
 * Every setting but the rule, bus and target id changes in place.
 *
 * @example
 * new aws.cloudwatch.EventTarget("retrain-on-upload", {
 *   rule: onUpload.name,
 *   arn: pipeline.arn,
 *   roleArn: eventsRole.arn,
 *   sagemakerPipelineParameters: [{ name: "InputPrefix", value: "s3://data/new/" }],
 * });
 */
export class EventTarget extends CustomResource {
  readonly targetId: Output<string> = this.getOutput("targetId");
  readonly rule: Output<string> = this.getOutput("rule");

  constructor(name: string, args: EventTargetArgs, opts: CustomResourceOptions = {}) {
    super(TARGET, name, args as unknown as Record<string, unknown>, opts);
  }
}
