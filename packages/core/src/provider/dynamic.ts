import type { Inputs } from "../output/output.js";
import type { CustomResourceOptions } from "../resource/options.js";
import { CustomResource, type ResourceType } from "../resource/resource.js";
import { currentContext } from "../util/context-slot.js";
import type { Provider, ProviderPackage } from "./provider.js";

/** A provider written inline in a program, with the same interface as any other. */
export interface DynamicProvider {
  /** The provider's name; type tokens of its resources are `dynamic:<name>/<Type>`. */
  readonly name: string;
  /** @internal */
  readonly package: ProviderPackage;
}

/** What defining an inline provider needs of the running program. */
interface PackageScope {
  definePackage(pkg: ProviderPackage): void;
}

/**
 * Defines a provider inline. The program must keep defining it while any of
 * its resources exist, since deleting them needs it.
 *
 * @example
 * const files = dynamic.provider("scratch", {
 *   async create(inputs) { return { id: String(inputs.name), outputs: inputs }; },
 * });
 */
export function provider(name: string, implementation: Provider): DynamicProvider {
  if (!/^[A-Za-z][\w-]*$/.test(name)) throw new TypeError(`A dynamic provider name must be a word such as "sleep", got ${JSON.stringify(name)}`);
  const pkg: ProviderPackage = { name: `dynamic:${name}`, module: "(inline)", version: "0.0.0", configure: () => implementation };
  // Known to the operation even once no resource uses it, so its last resources can still be deleted.
  (currentContext() as PackageScope | undefined)?.definePackage(pkg);
  return { name, package: pkg };
}

/**
 * A resource of an inline provider. Subclass it to give the type a name and
 * typed outputs.
 *
 * @example
 * class Note extends dynamic.Resource {
 *   readonly text = this.getOutput<string>("text");
 *   constructor(name: string, args: { text: Input<string> }) { super(notes, name, args, {}, "Note"); }
 * }
 */
export class Resource extends CustomResource {
  constructor(provider: DynamicProvider, name: string, inputs: Inputs<Record<string, unknown>> = {}, opts: CustomResourceOptions = {}, typeName = "Resource") {
    const type: ResourceType = { token: `dynamic:${provider.name}/${typeName}`, package: provider.package };
    super(type, name, inputs, opts);
  }
}
