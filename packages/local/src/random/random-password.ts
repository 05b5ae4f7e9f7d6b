import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/core";
import { localType } from "../local-package.js";
import { RANDOM_PASSWORD_TOKEN } from "./random-password-type.js";

/** The arguments of a {@link RandomPassword}. */
export interface RandomPasswordArgs {
  /** How many characters. @default 16 */
  readonly length?: Input<number>;
  /** Include A–Z. @default true */
  readonly upper?: Input<boolean>;
  /** Include a–z. @default true */
  readonly lower?: Input<boolean>;
  /** Include 0–9. @default true */
  readonly numeric?: Input<boolean>;
  /** Include punctuation. @default true */
  readonly special?: Input<boolean>;
  /** The punctuation to draw from. @default "!#$%&*()-_=+[]{}<>:?" */
  readonly overrideSpecial?: Input<string>;
  /** Arbitrary values; changing any of them generates a new password. @default none */
  readonly keepers?: Input<Record<string, Input<string>>>;
}

/**
 * A random password, generated once with a cryptographic generator and kept
 * in state, encrypted. Its `result` is secret: shown as `[secret]` and never
 * written in plain text.
 *
 * @example
 * const dbPassword = new RandomPassword("db-password", { length: 24 });
 * new File("db-env", { path: "out/db.env", content: interpolate`PASSWORD=${dbPassword.result}\n`, mode: "0600" });
 */
export class RandomPassword extends CustomResource {
  /** The password. Always secret. */
  readonly result: Output<string> = this.getOutput<string>("result");

  constructor(name: string, args: RandomPasswordArgs = {}, opts?: CustomResourceOptions) {
    super(localType(RANDOM_PASSWORD_TOKEN), name, { ...args }, opts);
  }
}
