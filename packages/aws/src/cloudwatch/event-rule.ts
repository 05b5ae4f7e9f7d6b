import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/core";
import type { ResourceType } from "@cairn/core/provider";
import { cairnPackage } from "../package.js";

const RULE: ResourceType = { token: "aws:cloudwatch/EventRule", package: cairnPackage };

/** The arguments of {@link EventRule}. */
export interface EventRuleArgs {
  /** Which events match (`{ source: ["aws.s3"], "detail-type": [...] }`), as an object or JSON text. Give this or `scheduleExpression`. */
  readonly eventPattern?: Input<string | Readonly<Record<string, unknown>>>;
  /** `cron(0 3 * * ? *)` or `rate(1 day)`, on the default bus only. Give this or `eventPattern`. */
  readonly scheduleExpression?: Input<string>;
  /** The rule's name; changing it replaces the rule. @default the logical name and a random suffix */
  readonly name?: Input<string>;
  /** A prefix for a generated name. @default the logical name and "-" */
  readonly namePrefix?: Input<string>;
  /** The event bus; changing it replaces the rule. @default "default" */
  readonly eventBusName?: Input<string>;
  readonly description?: Input<string>;
  /** `ENABLED` or `DISABLED`. @default "ENABLED" */
  readonly state?: Input<"ENABLED" | "DISABLED">;
  /** A role the rule uses to deliver to targets in other accounts. @default none */
  readonly roleArn?: Input<string>;
  /** Tags, merged over the provider's default tags. @default none */
  readonly tags?: Input<Readonly<Record<string, Input<string>>>>;
}

/**
 * An EventBridge rule: matches events or fires on a schedule. What it
 * starts is given by {@link EventTarget} resources, as in Pulumi's
 * `aws.cloudwatch.EventRule` and `EventTarget`, so a target can be added or
 * removed without touching the rule. Every setting but the name and bus
 * changes in place.
 *
 * @example
 * const onUpload = new aws.cloudwatch.EventRule("on-upload", {
 *   eventPattern: { source: ["aws.s3"], "detail-type": ["Object Created"], detail: { bucket: { name: [bucketName] } } },
 * });
 */
export class EventRule extends CustomResource {
  readonly arn: Output<string> = this.getOutput("arn");
  /** The rule's name. */
  readonly name: Output<string> = this.getOutput("name");
  readonly eventBusName: Output<string> = this.getOutput("eventBusName");
  readonly tags: Output<Record<string, string>> = this.getOutput("tags");

  constructor(name: string, args: EventRuleArgs, opts: CustomResourceOptions = {}) {
    super(RULE, name, args as unknown as Record<string, unknown>, opts);
  }
}
