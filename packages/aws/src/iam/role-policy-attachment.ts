import { CustomResource, type CustomResourceOptions, type Input } from "@cairn/core";
import type { ResourceType } from "@cairn/core/provider";
import { cairnPackage } from "../package.js";

const ATTACHMENT: ResourceType = { token: "aws:iam/RolePolicyAttachment", package: cairnPackage };

/** The arguments of {@link RolePolicyAttachment}. */
export interface RolePolicyAttachmentArgs {
  /** The role's name; changing it replaces the attachment. */
  readonly role: Input<string>;
  /** The managed policy's ARN; changing it replaces the attachment. */
  readonly policyArn: Input<string>;
}

/**
 * Attaches one managed policy to one role. Do not also list the policy in
 * that role's `managedPolicyArns`: the role would detach it again.
 *
 * @example
 * new aws.iam.RolePolicyAttachment("trainer-read-data", { role: role.name, policyArn: readData.arn });
 */
export class RolePolicyAttachment extends CustomResource {
  constructor(name: string, args: RolePolicyAttachmentArgs, opts: CustomResourceOptions = {}) {
    super(ATTACHMENT, name, args as unknown as Record<string, unknown>, opts);
  }
}
