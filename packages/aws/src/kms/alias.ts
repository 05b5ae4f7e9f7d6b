import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/core";
import type { ResourceType } from "@cairn/core/provider";
import { cairnPackage } from "../package.js";

const ALIAS: ResourceType = { token: "aws:kms/Alias", package: cairnPackage };

/** The arguments of {@link Alias}. */
export interface AliasArgs {
  /** The alias, starting with `alias/`; changing it replaces the alias. */
  readonly name: Input<string>;
  /** The key it points at (id or ARN); changed in place. */
  readonly targetKeyId: Input<string>;
}

/**
 * A KMS alias: a stable name for a key (`alias/cairn-state`), such as the
 * one a stack's `awskms://alias/...` secrets provider names.
 *
 * @example
 * new aws.kms.Alias("state", { name: "alias/cairn-state", targetKeyId: key.keyId });
 */
export class Alias extends CustomResource {
  readonly arn: Output<string> = this.getOutput("arn");
  readonly name: Output<string> = this.getOutput("name");
  readonly targetKeyArn: Output<string> = this.getOutput("targetKeyArn");

  constructor(name: string, args: AliasArgs, opts: CustomResourceOptions = {}) {
    super(ALIAS, name, args as unknown as Record<string, unknown>, opts);
  }
}
