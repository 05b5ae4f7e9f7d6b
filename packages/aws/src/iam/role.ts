import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/core";
import type { ResourceType } from "@cairn/core/provider";
import { cairnPackage } from "../package.js";

const ROLE: ResourceType = { token: "aws:iam/Role", package: cairnPackage };

/** An IAM policy document, as an object or as JSON text. */
export type PolicyDocumentArg = string | { readonly Version?: string; readonly Statement: readonly unknown[]; readonly [key: string]: unknown };

/** The arguments of {@link Role}. */
export interface RoleArgs {
  /** Who may assume the role (the trust policy); changed in place. */
  readonly assumeRolePolicy: Input<PolicyDocumentArg>;
  /** The role's name; changing it replaces the role. @default the logical name and a random suffix */
  readonly name?: Input<string>;
  /** A prefix for a generated name. @default the logical name and "-" */
  readonly namePrefix?: Input<string>;
  /** Changing it replaces the role. @default "/" */
  readonly path?: Input<string>;
  readonly description?: Input<string>;
  /** In seconds, 3600–43200. @default 3600 */
  readonly maxSessionDuration?: Input<number>;
  /**
   * Managed policies attached to the role, exactly these. Left empty, the
   * role leaves attachments alone, so RolePolicyAttachment resources can
   * manage them. @default none
   */
  readonly managedPolicyArns?: Input<readonly Input<string>[]>;
  /** Inline policies by name, exactly these. @default none */
  readonly inlinePolicies?: Input<Readonly<Record<string, Input<PolicyDocumentArg>>>>;
  /** Tags, merged over the provider's default tags. @default none */
  readonly tags?: Input<Readonly<Record<string, Input<string>>>>;
}

/**
 * An IAM role with its trust policy, managed policy attachments and inline
 * policies. Deleting it detaches and deletes its policies first.
 *
 * Native twin: `aws:native.iam/Role` (`@cairn/aws/native/iam`); never let both manage one object.
 *
 * @example
 * const role = new aws.iam.Role("sagemaker", {
 *   assumeRolePolicy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "sagemaker.amazonaws.com" }, Action: "sts:AssumeRole" }] },
 *   managedPolicyArns: ["arn:aws:iam::aws:policy/AmazonSageMakerFullAccess"],
 * });
 */
export class Role extends CustomResource {
  readonly arn: Output<string> = this.getOutput("arn");
  /** The role's name. */
  readonly name: Output<string> = this.getOutput("name");
  readonly uniqueId: Output<string> = this.getOutput("uniqueId");
  readonly tags: Output<Record<string, string>> = this.getOutput("tags");

  constructor(name: string, args: RoleArgs, opts: CustomResourceOptions = {}) {
    super(ROLE, name, args as unknown as Record<string, unknown>, opts);
  }
}
