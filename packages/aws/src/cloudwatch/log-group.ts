import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/core";
import type { ResourceType } from "@cairn/core/provider";
import { cairnPackage } from "../package.js";

const LOG_GROUP: ResourceType = { token: "aws:cloudwatch/LogGroup", package: cairnPackage };

/** The arguments of {@link LogGroup}. */
export interface LogGroupArgs {
  /** The group's name, such as `/aws/sagemaker/TrainingJobs`; changing it replaces the group. @default the logical name and a random suffix */
  readonly name?: Input<string>;
  /** A prefix for a generated name. @default the logical name and "-" */
  readonly namePrefix?: Input<string>;
  /** Days to keep events: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 or 3653. @default forever */
  readonly retentionInDays?: Input<number>;
  /** A KMS key ARN to encrypt the events with; changed in place. @default CloudWatch Logs' own encryption */
  readonly kmsKeyId?: Input<string>;
  /** `STANDARD` or `INFREQUENT_ACCESS`; changing it replaces the group. @default "STANDARD" */
  readonly logGroupClass?: Input<"STANDARD" | "INFREQUENT_ACCESS">;
  /** Tags, merged over the provider's default tags. @default none */
  readonly tags?: Input<Readonly<Record<string, Input<string>>>>;
}

/**
 * A CloudWatch Logs log group with its retention. Deleting it deletes its
 * events.
 *
 * @example
 * new aws.cloudwatch.LogGroup("training", { name: "/ml/training", retentionInDays: 30 });
 */
export class LogGroup extends CustomResource {
  readonly arn: Output<string> = this.getOutput("arn");
  /** The group's name. */
  readonly name: Output<string> = this.getOutput("name");
  readonly tags: Output<Record<string, string>> = this.getOutput("tags");

  constructor(name: string, args: LogGroupArgs = {}, opts: CustomResourceOptions = {}) {
    super(LOG_GROUP, name, args as unknown as Record<string, unknown>, opts);
  }
}
