import { CustomResource, type CustomResourceOptions, type Input } from "@cairn/core";
import type { ResourceType } from "@cairn/core/provider";
import { cairnPackage } from "../package.js";

const TARGET_GROUP_ATTACHMENT: ResourceType = { token: "aws:lb/TargetGroupAttachment", package: cairnPackage };

/** The arguments of {@link TargetGroupAttachment}; every change replaces it. */
export interface TargetGroupAttachmentArgs {
  readonly targetGroupArn: Input<string>;
  /** An instance id, an IP address, a Lambda function's ARN or an ALB's ARN, by the group's target type. */
  readonly targetId: Input<string>;
  /** The port traffic goes to. @default the group's port */
  readonly port?: Input<number>;
  /** For an IP target outside the VPC: "all", or its zone. @default none */
  readonly availabilityZone?: Input<string>;
}

/**
 * Registers one target with a target group. Delete deregisters it and waits
 * until ELB has drained it (the group's deregistration delay). Instances of
 * an `aws.autoscaling.Group` are registered by the group instead (its
 * `targetGroupArns`).
 *
 * @example
 * new aws.lb.TargetGroupAttachment("ranker-1", { targetGroupArn: rankers.arn, targetId: server.id, port: 8080 });
 */
export class TargetGroupAttachment extends CustomResource {
  constructor(name: string, args: TargetGroupAttachmentArgs, opts: CustomResourceOptions = {}) {
    super(TARGET_GROUP_ATTACHMENT, name, args as unknown as Record<string, unknown>, opts);
  }
}
