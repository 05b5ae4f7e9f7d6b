import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/core";
import type { ResourceType } from "@cairn/core/provider";
import { cairnPackage } from "../package.js";

const KEY_PAIR: ResourceType = { token: "aws:ec2/KeyPair", package: cairnPackage };

/** The arguments of {@link KeyPair}. */
export interface KeyPairArgs {
  /** The public key, in OpenSSH format ("ssh-ed25519 AAAA…") ; changing it replaces the key pair. */
  readonly publicKey: Input<string>;
  /** The key pair's name; changing it replaces it. @default generated from namePrefix */
  readonly keyName?: Input<string>;
  /** A prefix for a generated name. @default the logical name and "-" */
  readonly keyNamePrefix?: Input<string>;
  /** Tags, merged over the provider's default tags. @default none */
  readonly tags?: Input<Readonly<Record<string, Input<string>>>>;
}

/**
 * An EC2 key pair made from a public key you hold (ImportKeyPair); the
 * private key never passes through Cairn. The id is the key pair's name, as
 * instances and launch templates take it (`keyName`).
 *
 * @example
 * const key = new aws.ec2.KeyPair("ops", { publicKey: readFileSync("ops.pub", "utf8") });
 * new aws.ec2.Instance("bastion", { ami, instanceType: "t3.micro", keyName: key.keyName });
 */
export class KeyPair extends CustomResource {
  readonly keyName: Output<string> = this.getOutput("keyName");
  /** EC2's key pair id (`key-…`). */
  readonly keyPairId: Output<string> = this.getOutput("keyPairId");
  readonly fingerprint: Output<string> = this.getOutput("fingerprint");
  /** "rsa" or "ed25519". */
  readonly keyType: Output<string> = this.getOutput("keyType");
  readonly arn: Output<string> = this.getOutput("arn");
  readonly tags: Output<Record<string, string>> = this.getOutput("tags");

  constructor(name: string, args: KeyPairArgs, opts: CustomResourceOptions = {}) {
    super(KEY_PAIR, name, args as unknown as Record<string, unknown>, opts);
  }
}
