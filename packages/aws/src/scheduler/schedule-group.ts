import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/core";
import type { ResourceType } from "@cairn/core/provider";
import { cairnPackage } from "../package.js";

const GROUP: ResourceType = { token: "aws:scheduler/ScheduleGroup", package: cairnPackage };

/** The arguments of {@link ScheduleGroup}. */
export interface ScheduleGroupArgs {
  /** The group's name; changing it replaces the group. @default the logical name and a random suffix */
  readonly name?: Input<string>;
  /** Tags, merged over the provider's default tags. @default none */
  readonly tags?: Input<Readonly<Record<string, Input<string>>>>;
}

/**
 * An EventBridge Scheduler schedule group: schedules that share tags and
 * permissions. Deleting a group deletes its schedules; delete waits until
 * the group is gone.
 *
 * @example
 * const training = new aws.scheduler.ScheduleGroup("training");
 */
export class ScheduleGroup extends CustomResource {
  readonly arn: Output<string> = this.getOutput("arn");
  /** The group's name. */
  readonly name: Output<string> = this.getOutput("name");
  readonly tags: Output<Record<string, string>> = this.getOutput("tags");

  constructor(name: string, args: ScheduleGroupArgs = {}, opts: CustomResourceOptions = {}) {
    super(GROUP, name, args as unknown as Record<string, unknown>, opts);
  }
}
