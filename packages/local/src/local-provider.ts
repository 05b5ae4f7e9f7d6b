import { CairnError } from "@cairn/core";
import { deepEqual, type CallContext, type Provider, type PropertyMap } from "@cairn/core/provider";
import { commandType } from "./command/command-type.js";
import { fileType } from "./file/file-type.js";
import type { LocalEnvironment, LocalType } from "./local-type.js";
import { randomIdType } from "./random/random-id-type.js";
import { randomPasswordType } from "./random/random-password-type.js";

/** Every type of the local package, by token. */
export const LOCAL_TYPES: ReadonlyMap<string, LocalType> = new Map(
  [fileType, randomIdType, randomPasswordType, commandType].map((type) => [type.token, type]),
);

function typeOf(token: string): LocalType {
  const type = LOCAL_TYPES.get(token);
  if (type === undefined) {
    throw new CairnError("PROVIDER_ERROR", `The local provider has no type "${token}"; it knows ${[...LOCAL_TYPES.keys()].join(", ")}.`);
  }
  return type;
}

/**
 * The provider of the local package: files, random values and commands on
 * this machine. It has no configuration beyond the project's folder.
 */
export class LocalProvider implements Provider {
  readonly #env: LocalEnvironment;

  constructor(env: LocalEnvironment) {
    this.#env = env;
  }

  schema(type: string) {
    return typeOf(type).schema;
  }

  check(type: string, inputs: PropertyMap) {
    return typeOf(type).check(inputs);
  }

  diff(type: string, _id: string, olds: PropertyMap, news: PropertyMap) {
    const local = typeOf(type);
    if (local.diff !== undefined) return local.diff(olds, news);
    const keys = new Set([...Object.keys(olds), ...Object.keys(news)]);
    const changes = [...keys].filter((key) => !deepEqual(olds[key], news[key])).sort();
    const replaceable = local.schema.replaceOnChanges ?? [];
    return { changes, replaces: changes.filter((key) => replaceable.includes(key)) };
  }

  create(inputs: PropertyMap, token: string, ctx: CallContext) {
    return typeOf(ctx.type).create(inputs, token, ctx, this.#env);
  }

  async read(id: string, inputs: PropertyMap, outputs: PropertyMap, ctx: CallContext) {
    const local = typeOf(ctx.type);
    return local.read === undefined ? { id, inputs, outputs } : local.read(id, inputs, outputs, ctx, this.#env);
  }

  async update(id: string, olds: PropertyMap, news: PropertyMap, oldOutputs: PropertyMap, ctx: CallContext) {
    const local = typeOf(ctx.type);
    if (local.update === undefined) {
      throw new CairnError("PROVIDER_ERROR", `${ctx.type} cannot be updated in place; every change replaces it.`, { urn: ctx.urn });
    }
    return local.update(id, olds, news, oldOutputs, ctx, this.#env);
  }

  async delete(id: string, inputs: PropertyMap, outputs: PropertyMap, ctx: CallContext) {
    await typeOf(ctx.type).delete?.(id, inputs, outputs, ctx, this.#env);
  }
}
