import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/core";
import { localType } from "../local-package.js";
import { RANDOM_ID_TOKEN } from "./random-id-type.js";

/** The arguments of a {@link RandomId}. */
export interface RandomIdArgs {
  /** How many random bytes. @default 8 */
  readonly byteLength?: Input<number>;
  /** Text put before the value. @default "" */
  readonly prefix?: Input<string>;
  /** Arbitrary values; changing any of them generates a new id. @default none */
  readonly keepers?: Input<Record<string, Input<string>>>;
}

/**
 * A random identifier, generated once and kept in state; handy for unique
 * names. Changing any argument generates a new one.
 *
 * @example
 * const suffix = new RandomId("suffix", { byteLength: 4 });
 * const bucketName = interpolate`artifacts-${suffix.hex}`;
 */
export class RandomId extends CustomResource {
  /** The prefix followed by the bytes in lowercase hex. */
  readonly hex: Output<string> = this.getOutput<string>("hex");
  /** The prefix followed by the bytes in URL-safe base64. */
  readonly base64url: Output<string> = this.getOutput<string>("base64url");

  constructor(name: string, args: RandomIdArgs = {}, opts?: CustomResourceOptions) {
    super(localType(RANDOM_ID_TOKEN), name, { ...args }, opts);
  }
}
