import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/core";
import type { ResourceType } from "@cairn/core/provider";
import { cairnPackage } from "../package.js";

const KEY: ResourceType = { token: "aws:kms/Key", package: cairnPackage };

/** The arguments of {@link Key}. */
export interface KeyArgs {
  readonly description?: Input<string>;
  /** The key policy, as an object or JSON text; changed in place. @default KMS's default (the account's root may use the key) */
  readonly policy?: Input<string | Readonly<Record<string, unknown>>>;
  /** `ENCRYPT_DECRYPT`, `SIGN_VERIFY`, `GENERATE_VERIFY_MAC`; changing it replaces the key. @default "ENCRYPT_DECRYPT" */
  readonly keyUsage?: Input<string>;
  /** `SYMMETRIC_DEFAULT`, `RSA_2048`, ...; changing it replaces the key. @default "SYMMETRIC_DEFAULT" */
  readonly keySpec?: Input<string>;
  /** Yearly rotation of the key material; changed in place. @default false */
  readonly enableKeyRotation?: Input<boolean>;
  /** Whether the key may be used; changed in place. @default true */
  readonly isEnabled?: Input<boolean>;
  /** A multi-Region primary key; changing it replaces the key. @default false */
  readonly multiRegion?: Input<boolean>;
  /** Days (7–30) between destroying the key and KMS deleting it; it can be cancelled meanwhile. @default 30 */
  readonly deletionWindowInDays?: Input<number>;
  /** Tags, merged over the provider's default tags. @default none */
  readonly tags?: Input<Readonly<Record<string, Input<string>>>>;
}

/**
 * A KMS key. KMS never deletes a key at once: destroying it schedules its
 * deletion after `deletionWindowInDays`, and until then it reads as gone.
 *
 * @example
 * const key = new aws.kms.Key("state", { description: "Cairn stack secrets", enableKeyRotation: true });
 * new aws.kms.Alias("state", { name: "alias/cairn-state", targetKeyId: key.keyId });
 */
export class Key extends CustomResource {
  readonly arn: Output<string> = this.getOutput("arn");
  /** The key's id (a UUID); also the resource's `id`. */
  readonly keyId: Output<string> = this.getOutput("keyId");
  readonly tags: Output<Record<string, string>> = this.getOutput("tags");

  constructor(name: string, args: KeyArgs = {}, opts: CustomResourceOptions = {}) {
    super(KEY, name, args as unknown as Record<string, unknown>, opts);
  }
}
