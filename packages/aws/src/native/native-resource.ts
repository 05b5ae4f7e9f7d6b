import { CustomResource, secret, type CustomResourceOptions, type Input, type Output } from "@cairn/core";
import { cairnPackage } from "../package.js";

/** A value with every `Input` in it resolved: what an output of that property holds. */
export type Plain<T> =
  T extends Output<infer U>
    ? Plain<U>
    : T extends Promise<infer U>
      ? Plain<U>
      : T extends readonly (infer E)[]
        ? Plain<E>[]
        : T extends object
          ? { -readonly [K in keyof T]: Plain<T[K]> }
          : T;

/**
 * The base of every generated native type (`aws.native.dynamodb.Table`): a
 * resource driven by the AWS Cloud Control API. Its write-only arguments
 * (passwords, code) are made secrets so that state and plans keep them
 * encrypted. Each generated class declares its outputs once, with
 * {@link defineOutputs}; a resource makes an output's Output on first read.
 */
export abstract class NativeResource extends CustomResource {
  protected constructor(
    token: string,
    name: string,
    args: object,
    opts: CustomResourceOptions,
    writeOnly: readonly string[],
  ) {
    super({ token, package: cairnPackage }, name, withSecrets(args as Record<string, Input<unknown>>, writeOnly), opts);
  }

  /** @internal The output `key`, for the getters defined on each class. */
  outputOf(key: string): Output<unknown> {
    return this.getOutput(key);
  }
}

/**
 * Gives a generated class its output properties: getters on its prototype
 * that make each Output once per resource and keep it.
 *
 * @example
 * class Table extends NativeResource {
 *   static { defineOutputs(this, ["arn", "tableName"]); }
 * }
 */
export function defineOutputs(cls: abstract new (...args: never[]) => NativeResource, keys: readonly string[]): void {
  for (const key of keys) defineOutput(cls.prototype as object, key);
}

function defineOutput(proto: object, key: string): void {
  Object.defineProperty(proto, key, {
    configurable: true,
    get(this: NativeResource) {
      const value = this.outputOf(key);
      Object.defineProperty(this, key, { value, enumerable: true });
      return value;
    },
  });
}

function withSecrets(args: Record<string, Input<unknown>>, writeOnly: readonly string[]): Record<string, Input<unknown>> {
  if (!writeOnly.some((key) => args[key] !== undefined)) return args;
  const out = { ...args };
  for (const key of writeOnly) if (out[key] !== undefined) out[key] = secret(out[key]);
  return out;
}
