import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/core";
import type { ResourceType } from "@cairn/core/provider";
import { cairnPackage } from "../package.js";
import type { PolicyDocumentArg } from "./role.js";

const POLICY: ResourceType = { token: "aws:iam/Policy", package: cairnPackage };

/** The arguments of {@link Policy}. */
export interface PolicyArgs {
  /** The policy document; a change makes a new default version in place. */
  readonly policy: Input<PolicyDocumentArg>;
  /** The policy's name; changing it replaces the policy. @default the logical name and a random suffix */
  readonly name?: Input<string>;
  /** A prefix for a generated name. @default the logical name and "-" */
  readonly namePrefix?: Input<string>;
  /** Changing it replaces the policy. @default "/" */
  readonly path?: Input<string>;
  /** IAM cannot change a policy's description: changing it replaces the policy. */
  readonly description?: Input<string>;
  /** Tags, merged over the provider's default tags. @default none */
  readonly tags?: Input<Readonly<Record<string, Input<string>>>>;
}

/**
 * A customer managed IAM policy. A changed document becomes a new default
 * version (the oldest other version is deleted when IAM's limit of five is
 * reached). Attach it with {@link RolePolicyAttachment} or a Role's
 * `managedPolicyArns`, not both for one role.
 *
 * @example
 * const readData = new aws.iam.Policy("read-data", {
 *   policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["s3:GetObject"], Resource: [interpolate`${bucket.arn}/*`] }] },
 * });
 */
export class Policy extends CustomResource {
  /** The policy's ARN; also the resource's `id`. */
  readonly arn: Output<string> = this.getOutput("arn");
  readonly name: Output<string> = this.getOutput("name");
  readonly policyId: Output<string> = this.getOutput("policyId");
  readonly tags: Output<Record<string, string>> = this.getOutput("tags");

  constructor(name: string, args: PolicyArgs, opts: CustomResourceOptions = {}) {
    super(POLICY, name, args as unknown as Record<string, unknown>, opts);
  }
}
