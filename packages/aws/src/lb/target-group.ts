import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/core";
import type { ResourceType } from "@cairn/core/provider";
import { cairnPackage } from "../package.js";

const TARGET_GROUP: ResourceType = { token: "aws:lb/TargetGroup", package: cairnPackage };

/** A target group's health check; every field changes in place. */
export interface TargetGroupHealthCheckArgs {
  /** @default true */
  readonly enabled?: Input<boolean>;
  /** The HTTP path. @default "/" for HTTP(S) */
  readonly path?: Input<string>;
  /** A port, or "traffic-port". @default "traffic-port" */
  readonly port?: Input<string>;
  /** @default the group's protocol */
  readonly protocol?: Input<string>;
  /** Seconds between checks. @default 30 */
  readonly interval?: Input<number>;
  /** Seconds before a check fails. @default ELB's for the protocol */
  readonly timeout?: Input<number>;
  /** @default 5 */
  readonly healthyThreshold?: Input<number>;
  /** @default 2 */
  readonly unhealthyThreshold?: Input<number>;
  /** HTTP codes counted healthy, such as "200-299". @default "200" */
  readonly matcher?: Input<string>;
}

/** The arguments of {@link TargetGroup}. */
export interface TargetGroupArgs {
  /** The name (at most 32 characters); changing it replaces the group. @default generated from namePrefix */
  readonly name?: Input<string>;
  /** A prefix for a generated name (at most 24 characters). @default the logical name and "-" */
  readonly namePrefix?: Input<string>;
  /** The port targets receive traffic on; changing it replaces the group. @default none (required unless targetType is "lambda") */
  readonly port?: Input<number>;
  /** HTTP, HTTPS, TCP, TLS, UDP, TCP_UDP or GENEVE; changing it replaces the group. @default none (required unless targetType is "lambda") */
  readonly protocol?: Input<string>;
  /** The VPC; changing it replaces the group. @default none (required unless targetType is "lambda") */
  readonly vpcId?: Input<string>;
  /** "instance", "ip", "lambda" or "alb"; changing it replaces the group. @default "instance" */
  readonly targetType?: Input<"instance" | "ip" | "lambda" | "alb">;
  readonly healthCheck?: Input<TargetGroupHealthCheckArgs>;
  /** Seconds a deregistering target keeps its connections; changed in place. @default 300 */
  readonly deregistrationDelay?: Input<number>;
  /** Tags, merged over the provider's default tags. @default none */
  readonly tags?: Input<Readonly<Record<string, Input<string>>>>;
}

/**
 * A target group: the instances or addresses a listener forwards to, with
 * their health check. The id is its ARN.
 *
 * @example
 * const rankers = new aws.lb.TargetGroup("rankers", { port: 8080, protocol: "HTTP", vpcId: vpc.id, healthCheck: { path: "/healthz" } });
 */
export class TargetGroup extends CustomResource {
  readonly arn: Output<string> = this.getOutput("arn");
  /** The part of the ARN from `targetgroup/`, as CloudWatch metrics and scaling policies name it. */
  readonly arnSuffix: Output<string> = this.getOutput("arnSuffix");
  readonly name: Output<string> = this.getOutput("name");
  /** The load balancers that forward to it. */
  readonly loadBalancerArns: Output<string[]> = this.getOutput("loadBalancerArns");
  readonly tags: Output<Record<string, string>> = this.getOutput("tags");

  constructor(name: string, args: TargetGroupArgs = {}, opts: CustomResourceOptions = {}) {
    super(TARGET_GROUP, name, args as unknown as Record<string, unknown>, opts);
  }
}
