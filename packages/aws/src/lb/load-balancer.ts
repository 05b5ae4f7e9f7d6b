import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/core";
import type { ResourceType } from "@cairn/core/provider";
import { cairnPackage } from "../package.js";

const LOAD_BALANCER: ResourceType = { token: "aws:lb/LoadBalancer", package: cairnPackage };

/** The arguments of {@link LoadBalancer}. */
export interface LoadBalancerArgs {
  /** The name (at most 32 letters, digits and hyphens); changing it replaces the load balancer. @default generated from namePrefix */
  readonly name?: Input<string>;
  /** A prefix for a generated name (at most 24 characters). @default the logical name and "-" */
  readonly namePrefix?: Input<string>;
  /** "application" (HTTP, path rules) or "network" (TCP/UDP); changing it replaces it. @default "application" */
  readonly loadBalancerType?: Input<"application" | "network">;
  /** Internal (private addresses only) instead of internet-facing; changing it replaces it. @default false */
  readonly internal?: Input<boolean>;
  /** Subnets, at least two zones for an application load balancer; changed in place. */
  readonly subnets: Input<readonly Input<string>[]>;
  /** Security groups; changed in place. @default the VPC's default group */
  readonly securityGroups?: Input<readonly Input<string>[]>;
  /** "ipv4" or "dualstack"; changed in place. @default "ipv4" */
  readonly ipAddressType?: Input<"ipv4" | "dualstack">;
  /** Seconds an idle connection stays open (application load balancers); changed in place. @default 60 */
  readonly idleTimeout?: Input<number>;
  /** Tags, merged over the provider's default tags. @default none */
  readonly tags?: Input<Readonly<Record<string, Input<string>>>>;
}

/**
 * An application or network load balancer (Elastic Load Balancing v2). Create
 * waits until it is active; delete until it is gone. The id is its ARN.
 *
 * @example
 * const alb = new aws.lb.LoadBalancer("serving", { subnets: [publicA.id, publicB.id], securityGroups: [albSg.id] });
 */
export class LoadBalancer extends CustomResource {
  readonly arn: Output<string> = this.getOutput("arn");
  /** The part of the ARN after `loadbalancer/`, as CloudWatch metrics name it. */
  readonly arnSuffix: Output<string> = this.getOutput("arnSuffix");
  readonly name: Output<string> = this.getOutput("name");
  readonly dnsName: Output<string> = this.getOutput("dnsName");
  /** The Route 53 hosted zone of its DNS name, for alias records. */
  readonly zoneId: Output<string> = this.getOutput("zoneId");
  readonly vpcId: Output<string> = this.getOutput("vpcId");
  readonly tags: Output<Record<string, string>> = this.getOutput("tags");

  constructor(name: string, args: LoadBalancerArgs, opts: CustomResourceOptions = {}) {
    super(LOAD_BALANCER, name, args as unknown as Record<string, unknown>, opts);
  }
}
