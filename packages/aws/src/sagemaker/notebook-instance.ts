import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/core";
import type { ResourceType } from "@cairn/core/provider";
import { cairnPackage } from "../package.js";

const NOTEBOOK_INSTANCE: ResourceType = { token: "aws:sagemaker/NotebookInstance", package: cairnPackage };

/** The arguments of {@link NotebookInstance}. */
export interface NotebookInstanceArgs {
  /** Such as "ml.t3.medium"; a change stops, updates and restarts the instance. */
  readonly instanceType: Input<string>;
  /** The role the notebook runs as; a change stops, updates and restarts the instance. */
  readonly roleArn: Input<string>;
  /** @default the logical name and a random suffix */
  readonly name?: Input<string>;
  /** A prefix for a generated name. @default the logical name and "-" */
  readonly namePrefix?: Input<string>;
  /** Put it in a VPC subnet; changing it replaces the instance. @default none */
  readonly subnetId?: Input<string>;
  /** With `subnetId`; changing them replaces the instance. @default the VPC's default group */
  readonly securityGroupIds?: Input<readonly Input<string>[]>;
  /** Changing it replaces the instance. @default none */
  readonly kmsKeyId?: Input<string>;
  /** Changing it replaces the instance. @default "Enabled" */
  readonly directInternetAccess?: Input<"Enabled" | "Disabled">;
  /** A change stops, updates and restarts the instance. @default "Enabled" */
  readonly rootAccess?: Input<"Enabled" | "Disabled">;
  /** The ML storage volume in GB; it can only grow. @default 5 */
  readonly volumeSizeInGb?: Input<number>;
  /** Such as "notebook-al2-v2"; changing it replaces the instance. @default SageMaker's */
  readonly platformIdentifier?: Input<string>;
  /** Tags, merged over the provider's default tags. @default none */
  readonly tags?: Input<Readonly<Record<string, Input<string>>>>;
}

/**
 * A SageMaker notebook instance. Creating it waits until it is InService;
 * deleting it stops it first.
 *
 * Native twin: `aws:native.sagemaker/NotebookInstance` (`@cairn/aws/native/sagemaker`); never let both manage one object.
 *
 * @example
 * new aws.sagemaker.NotebookInstance("research", { instanceType: "ml.t3.medium", roleArn: role.arn });
 */
export class NotebookInstance extends CustomResource {
  readonly arn: Output<string> = this.getOutput("arn");
  /** The instance's name. */
  readonly name: Output<string> = this.getOutput("name");
  /** The Jupyter URL. */
  readonly url: Output<string> = this.getOutput("url");

  constructor(name: string, args: NotebookInstanceArgs, opts: CustomResourceOptions = {}) {
    super(NOTEBOOK_INSTANCE, name, args as unknown as Record<string, unknown>, opts);
  }
}
