import { CustomResource, secret, type CustomResourceOptions, type Input, type Output } from "@cairn/core";
import type { ResourceType } from "@cairn/core/provider";
import { cairnPackage } from "../package.js";

const SECRET: ResourceType = { token: "aws:secretsmanager/Secret", package: cairnPackage };

/** The arguments of {@link Secret}. */
export interface SecretArgs {
  /**
   * The secret's value. It is always kept as a Cairn secret: encrypted in
   * state and plan files and shown as `[secret]`, even when given as a plain
   * string. Changed in place (a new version). @default none (set it outside Cairn)
   */
  readonly secretString?: Input<string>;
  /** The secret's name; changing it replaces the secret. @default the logical name and a random suffix */
  readonly name?: Input<string>;
  /** A prefix for a generated name. @default the logical name and "-" */
  readonly namePrefix?: Input<string>;
  readonly description?: Input<string>;
  /** The KMS key that encrypts the value; changed in place. @default the account's `aws/secretsmanager` key */
  readonly kmsKeyId?: Input<string>;
  /**
   * Days Secrets Manager keeps a deleted secret recoverable (7–30), or 0 to
   * delete it at once. While it is recoverable its name cannot be reused.
   * @default 30
   */
  readonly recoveryWindowInDays?: Input<number>;
  /** Tags, merged over the provider's default tags. @default none */
  readonly tags?: Input<Readonly<Record<string, Input<string>>>>;
}

/**
 * A Secrets Manager secret whose value comes from the program as a Cairn
 * secret (`config.requireSecret("dbPassword")`, a random password). Its
 * value never appears in plain text in state, plans or output.
 *
 * @example
 * const cfg = new cairn.Config();
 * const db = new aws.secretsmanager.Secret("db-password", { secretString: cfg.requireSecret("dbPassword"), recoveryWindowInDays: 7 });
 */
export class Secret extends CustomResource {
  readonly arn: Output<string> = this.getOutput("arn");
  /** The secret's name. */
  readonly name: Output<string> = this.getOutput("name");
  readonly tags: Output<Record<string, string>> = this.getOutput("tags");

  constructor(name: string, args: SecretArgs = {}, opts: CustomResourceOptions = {}) {
    const sealed = args.secretString === undefined ? args : { ...args, secretString: secret(args.secretString) };
    super(SECRET, name, sealed as unknown as Record<string, unknown>, opts);
  }
}
