import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/core";
import type { ResourceType } from "@cairn/core/provider";
import { cairnPackage } from "../package.js";

const MODEL_PACKAGE_GROUP: ResourceType = { token: "aws:sagemaker/ModelPackageGroup", package: cairnPackage };

/** The arguments of {@link ModelPackageGroup}. */
export interface ModelPackageGroupArgs {
  /** The group's name; changing it replaces the group. @default the logical name and a random suffix */
  readonly name?: Input<string>;
  /** A prefix for a generated name. @default the logical name and "-" */
  readonly namePrefix?: Input<string>;
  /** Changing it replaces the group (SageMaker cannot update it). @default none */
  readonly description?: Input<string>;
  /** Tags, merged over the provider's default tags. @default none */
  readonly tags?: Input<Readonly<Record<string, Input<string>>>>;
}

/**
 * A model package group: the model registry that training pipelines register
 * model versions into. Deleting it fails while it still holds model packages.
 *
 * Native twin: `aws:native.sagemaker/ModelPackageGroup` (`@cairn/aws/native/sagemaker`); never let both manage one object.
 *
 * @example
 * const registry = new aws.sagemaker.ModelPackageGroup("rankers", { description: "Ranking models" });
 */
export class ModelPackageGroup extends CustomResource {
  readonly arn: Output<string> = this.getOutput("arn");
  /** The group's name. */
  readonly name: Output<string> = this.getOutput("name");

  constructor(name: string, args: ModelPackageGroupArgs = {}, opts: CustomResourceOptions = {}) {
    super(MODEL_PACKAGE_GROUP, name, args as unknown as Record<string, unknown>, opts);
  }
}
