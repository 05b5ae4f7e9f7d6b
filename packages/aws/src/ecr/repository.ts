import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/core";
import type { ResourceType } from "@cairn/core/provider";
import { cairnPackage } from "../package.js";

const REPOSITORY: ResourceType = { token: "aws:ecr/Repository", package: cairnPackage };

/** The arguments of {@link Repository}. */
export interface RepositoryArgs {
  /** The repository's name (lower case); changing it replaces the repository. @default the logical name and a random suffix */
  readonly name?: Input<string>;
  /** `MUTABLE` or `IMMUTABLE` tags; changed in place. @default "MUTABLE" */
  readonly imageTagMutability?: Input<"MUTABLE" | "IMMUTABLE">;
  /** Scan images when pushed; changed in place. @default false */
  readonly scanOnPush?: Input<boolean>;
  /** `AES256` or `KMS`; changing it replaces the repository. @default "AES256" */
  readonly encryptionType?: Input<"AES256" | "KMS">;
  /** The KMS key for `KMS` encryption; changing it replaces the repository. @default the AWS managed key */
  readonly kmsKey?: Input<string>;
  /**
   * The lifecycle policy (`{ rules: [...] }`), as an object or JSON text; set,
   * changed and removed in place. @default none
   */
  readonly lifecyclePolicy?: Input<string | Readonly<Record<string, unknown>>>;
  /** Delete the repository even when it holds images. @default false */
  readonly forceDelete?: Input<boolean>;
  /** Tags, merged over the provider's default tags. @default none */
  readonly tags?: Input<Readonly<Record<string, Input<string>>>>;
}

/**
 * An ECR repository for container images (training and serving images),
 * with its lifecycle policy. Deleting a repository that still holds images
 * fails unless `forceDelete` is set.
 *
 * @example
 * const images = new aws.ecr.Repository("trainer", {
 *   scanOnPush: true,
 *   lifecyclePolicy: { rules: [{ rulePriority: 1, description: "keep 20", selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: 20 }, action: { type: "expire" } }] },
 * });
 * export const imageRepo = images.repositoryUrl;
 */
export class Repository extends CustomResource {
  readonly arn: Output<string> = this.getOutput("arn");
  /** The repository's name. */
  readonly name: Output<string> = this.getOutput("name");
  /** `<account>.dkr.ecr.<region>.amazonaws.com/<name>`, for `docker push`. */
  readonly repositoryUrl: Output<string> = this.getOutput("repositoryUrl");
  readonly registryId: Output<string> = this.getOutput("registryId");
  readonly tags: Output<Record<string, string>> = this.getOutput("tags");

  constructor(name: string, args: RepositoryArgs = {}, opts: CustomResourceOptions = {}) {
    super(REPOSITORY, name, args as unknown as Record<string, unknown>, opts);
  }
}
