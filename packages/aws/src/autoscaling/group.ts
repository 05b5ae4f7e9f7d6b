import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/core";
import type { ResourceType } from "@cairn/core/provider";
import { cairnPackage } from "../package.js";

const GROUP: ResourceType = { token: "aws:autoscaling/Group", package: cairnPackage };

/** The arguments of {@link Group}. */
export interface GroupArgs {
  /** The group's name; changing it replaces the group. @default generated from namePrefix */
  readonly name?: Input<string>;
  /** A prefix for a generated name. @default the logical name and "-" */
  readonly namePrefix?: Input<string>;
  /** Changed in place. */
  readonly minSize: Input<number>;
  /** Changed in place. */
  readonly maxSize: Input<number>;
  /** Changed in place; leave it unset when a scaling policy owns it. @default minSize at create, then whatever scaling sets */
  readonly desiredCapacity?: Input<number>;
  /** Subnets to launch in; changed in place. */
  readonly vpcZoneIdentifiers: Input<readonly Input<string>[]>;
  /** The launch template and its version (a number, "$Latest" or "$Default"); a change starts an instance refresh when `instanceRefresh` is set. */
  readonly launchTemplate: Input<{ readonly id: Input<string>; readonly version?: Input<string | number> }>;
  /** Target groups its instances register with; changed in place. @default none */
  readonly targetGroupArns?: Input<readonly Input<string>[]>;
  /** "EC2" or "ELB" (a target group's health check counts). @default "EC2" */
  readonly healthCheckType?: Input<"EC2" | "ELB">;
  /** Seconds after launch before health checks count. @default 300 */
  readonly healthCheckGracePeriod?: Input<number>;
  /**
   * Replace the instances, a batch at a time, when the launch template or its
   * version changes, and wait until that is done. @default none (new
   * instances use the new template; running ones stay as they are)
   */
  readonly instanceRefresh?: Input<{ readonly minHealthyPercentage?: Input<number>; readonly instanceWarmup?: Input<number> }>;
  /** Wait after create until `minSize` instances are InService. @default true */
  readonly waitForCapacity?: Input<boolean>;
  /** Tags, given to the group and (propagated at launch) to its instances; merged over the provider's default tags. @default none */
  readonly tags?: Input<Readonly<Record<string, Input<string>>>>;
}

/**
 * An EC2 Auto Scaling group: a fleet of instances from a launch template,
 * kept between `minSize` and `maxSize`, registered with target groups. Delete
 * force-deletes it (terminating its instances) and waits until it is gone.
 *
 * @example
 * const fleet = new aws.autoscaling.Group("rankers", {
 *   minSize: 2, maxSize: 10, vpcZoneIdentifiers: [privateA.id, privateB.id],
 *   launchTemplate: { id: template.id, version: template.latestVersion },
 *   targetGroupArns: [rankers.arn], healthCheckType: "ELB",
 *   instanceRefresh: { minHealthyPercentage: 50 },
 * });
 */
export class Group extends CustomResource {
  readonly arn: Output<string> = this.getOutput("arn");
  readonly name: Output<string> = this.getOutput("name");
  readonly tags: Output<Record<string, string>> = this.getOutput("tags");

  constructor(name: string, args: GroupArgs, opts: CustomResourceOptions = {}) {
    super(GROUP, name, args as unknown as Record<string, unknown>, opts);
  }
}
