import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/core";
import type { ResourceType } from "@cairn/core/provider";
import { cairnPackage } from "../package.js";

const MODEL: ResourceType = { token: "aws:sagemaker/Model", package: cairnPackage };

/** The arguments of {@link Model}. Every change but tags replaces the model. */
export interface ModelArgs {
  /** The role SageMaker assumes to pull the image and the model data. */
  readonly executionRoleArn: Input<string>;
  /** The inference container. */
  readonly primaryContainer: Input<{
    /** The container image URI (ECR). */
    readonly image: Input<string>;
    /**
     * The model artifacts, an s3:// URL of a .tar.gz. A training job's
     * `modelArtifacts` goes here as it is; it is set once the job has
     * completed (the job waits for that by default). @default none
     */
    readonly modelDataUrl?: Input<string | undefined>;
    /** Environment variables of the container. @default none */
    readonly environment?: Input<Readonly<Record<string, Input<string>>>>;
    /** @default "SingleModel" */
    readonly mode?: Input<"SingleModel" | "MultiModel">;
  }>;
  /** The model's name. @default the logical name and a random suffix */
  readonly name?: Input<string>;
  /** A prefix for a generated name. @default the logical name and "-" */
  readonly namePrefix?: Input<string>;
  /** Run the container inside a VPC. @default none */
  readonly vpcConfig?: Input<{ readonly securityGroupIds: Input<readonly Input<string>[]>; readonly subnets: Input<readonly Input<string>[]> }>;
  /** @default false */
  readonly enableNetworkIsolation?: Input<boolean>;
  /** Tags, merged over the provider's default tags. @default none */
  readonly tags?: Input<Readonly<Record<string, Input<string>>>>;
}

/**
 * A SageMaker model: an inference image, its artifacts and the role it runs as.
 *
 * Native twin: `aws:native.sagemaker/Model` (`@cairn/aws/native/sagemaker`); never let both manage one object.
 *
 * @example
 * const model = new aws.sagemaker.Model("ranker", {
 *   executionRoleArn: role.arn,
 *   primaryContainer: { image: rankerImage, modelDataUrl: interpolate`s3://${bucket.bucket}/ranker/model.tar.gz` },
 * });
 */
export class Model extends CustomResource {
  readonly arn: Output<string> = this.getOutput("arn");
  /** The model's name. */
  readonly name: Output<string> = this.getOutput("name");

  constructor(name: string, args: ModelArgs, opts: CustomResourceOptions = {}) {
    super(MODEL, name, args as unknown as Record<string, unknown>, opts);
  }
}
