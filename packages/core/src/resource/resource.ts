import { CairnError } from "../errors.js";
import { Output, visitDependencies, type DependencySource, type Inputs } from "../output/output.js";
import { containsSecret, isSecretValue, isUnknown, reveal, type PropertyValue } from "../output/values.js";
import { currentRegistrationScope } from "./registration-scope.js";
import type { ProviderPackage } from "../provider/provider.js";
import type { ResourceKind, ResourceNode } from "./node.js";
import { NODE, RESOURCE_BRAND, nodeOf, type ResourceHandle } from "./handle.js";
import { parseDuration, type NormalizedOptions } from "./normalized-options.js";
import type { Alias, ComponentResourceOptions, CustomResourceOptions, ResourceOptions } from "./options.js";
import { SourceLocation } from "./source-location.js";
import { makeUrn } from "./urn.js";


/** A resource type of a provider package: its token and the package that implements it. */
export interface ResourceType {
  /** The type token, such as `aws:s3/Bucket`. */
  readonly token: string;
  /** The package whose provider creates, reads, updates and deletes it. */
  readonly package: ProviderPackage;
}

/**
 * The base of every resource. Constructing one records it in the running
 * program's graph; it starts no I/O.
 */
export abstract class Resource implements DependencySource, ResourceHandle {
  readonly [RESOURCE_BRAND] = true as const;
  /** The resource's URN: its identity across deployments. */
  readonly urn: string;
  /** @internal */
  readonly [NODE]: ResourceNode;

  /** @internal */
  protected constructor(
    kind: ResourceKind,
    type: string,
    name: string,
    inputs: Readonly<Record<string, unknown>>,
    opts: CustomResourceOptions & ComponentResourceOptions,
    pkg: ProviderPackage | undefined,
  ) {
    const source = SourceLocation.capture(new.target);
    const scope = currentRegistrationScope();
    // After the freeze nothing else matters: the resource could never be part of the graph.
    scope?.assertOpen({ name: String(name), type, source });
    if (typeof name !== "string" || name.length === 0) {
      throw new CairnError("INVALID_ARGUMENT", `A ${type} at ${source} needs a non-empty string name, got ${JSON.stringify(name)}.`);
    }
    if (scope === undefined) {
      throw new CairnError(
        "NO_PROGRAM_SCOPE",
        `Resource "${name}" (${type}) at ${source} was created outside a running Cairn program. Run it with \`cairn up\` or through Stack from @cairn/core/automation.`,
      );
    }
    const parentNode = opts.parent === undefined ? undefined : nodeOf(opts.parent);
    const typeChain = parentNode === undefined ? type : `${parentNode.typeChain}$${type}`;
    this.urn = makeUrn(scope.stack, scope.project, typeChain, name);

    const dependencies: string[] = [];
    visitDependencies(inputs, (source) => {
      if (!dependencies.includes(source.urn)) dependencies.push(source.urn);
    });
    for (const dep of toArray(opts.dependsOn)) if (!dependencies.includes(dep.urn)) dependencies.push(dep.urn);

    const providerUrn = kind === "custom" && pkg !== undefined ? explicitProvider(opts, parentNode, pkg.name) : undefined;
    if (providerUrn !== undefined && !dependencies.includes(providerUrn)) dependencies.push(providerUrn);

    this[NODE] = {
      urn: this.urn,
      type,
      name,
      kind,
      parent: parentNode?.urn,
      typeChain,
      inputs,
      dependencies,
      options: normalizeOptions(opts, parentNode, scope.stack, scope.project, type, name),
      package: pkg,
      providerUrn,
      importId: opts.import,
      source,
      componentOutputs: undefined,
      index: 0,
      inheritedProviders:
        opts.providers === undefined ? (parentNode?.inheritedProviders ?? NO_PROVIDERS) : { ...parentNode?.inheritedProviders, ...providerUrnsOf(opts.providers) },
    };
    scope.register(this[NODE]);
  }

  /** Whether a value is a Resource (works across duplicate copies of this package). */
  static isResource(value: unknown): value is Resource {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[RESOURCE_BRAND] === true;
  }
}

export { nodeOf };

/**
 * A resource that a provider creates, reads, updates and deletes.
 *
 * @example
 * class Sleep extends CustomResource {
 *   readonly value = this.getOutput<string>("value");
 *   constructor(name: string, args: Inputs<{ ms: number }>, opts?: CustomResourceOptions) {
 *     super(sleepType, name, args, opts);
 *   }
 * }
 */
export class CustomResource extends Resource {
  /** The cloud's id of the resource, known after it is created. */
  readonly id: Output<string>;
  #self: ReadonlySet<DependencySource> | undefined;

  constructor(type: ResourceType, name: string, inputs: Inputs<Record<string, unknown>> = {}, opts: CustomResourceOptions = {}) {
    super("custom", type.token, name, inputs, opts, type.package);
    this.id = this.getOutput<string>("id");
  }

  /** The output property `key`, known once the provider has created or read the resource. */
  protected getOutput<T>(key: string): Output<T> {
    const urn = this.urn;
    this.#self ??= new Set([this]);
    return new Output<T>(this.#self, async (phase) => {
      const outputs = await phase.resourceOutputs(urn);
      if (isUnknown(outputs)) return { known: false, secret: false };
      return resolvedProperty(outputs[key]) as { known: boolean; value?: T; secret: boolean };
    });
  }
}

function resolvedProperty(value: PropertyValue | undefined): { known: boolean; value?: unknown; secret: boolean } {
  if (isSecretValue(value)) return { ...resolvedProperty(value.value), secret: true };
  if (isUnknown(value)) return { known: false, secret: false };
  // A secret anywhere inside makes the whole Output secret: an Output has one secret flag.
  if (value !== undefined && containsSecret(value)) return { known: true, value: reveal(value), secret: true };
  return { known: true, value, secret: false };
}

/**
 * A group of resources, shipped as a class with typed arguments and Output
 * fields. It has no provider; its children name it as their `parent`.
 *
 * @example
 * class ModelRegistry extends ComponentResource {
 *   readonly bucketName: Output<string>;
 *   constructor(name: string, args: RegistryArgs, opts?: ComponentResourceOptions) {
 *     super("ml:index/ModelRegistry", name, {}, opts);
 *     const bucket = new Bucket(`${name}-models`, {}, { parent: this });
 *     this.bucketName = bucket.bucket;
 *     this.registerOutputs({ bucketName: this.bucketName });
 *   }
 * }
 */
export class ComponentResource extends Resource {
  constructor(type: string, name: string, args: Readonly<Record<string, unknown>> = {}, opts: ComponentResourceOptions = {}) {
    if (!type.includes(":")) {
      throw new CairnError("INVALID_ARGUMENT", `Component type "${type}" of "${name}" must look like "package:module/Type".`);
    }
    // A component's arguments are the program's business, not state's; only its outputs are recorded.
    void args;
    super("component", type, name, {}, opts, undefined);
  }

  /** Records the component's outputs; they appear in state and `cairn state show`. */
  protected registerOutputs(outputs: Readonly<Record<string, unknown>> = {}): void {
    currentRegistrationScope()?.assertOpen(nodeOf(this));
    nodeOf(this).componentOutputs = outputs;
  }
}

const NO_PROVIDERS: Readonly<Record<string, string>> = Object.freeze({});

const DEFAULT_OPTIONS: NormalizedOptions = Object.freeze({
  protect: false,
  ignoreChanges: [],
  replaceOnChanges: [],
  deleteBeforeReplace: false,
  retainOnDelete: false,
  customTimeouts: {},
  aliases: [],
  additionalSecretOutputs: [],
});

function toArray(value: ResourceHandle | readonly ResourceHandle[] | undefined): readonly ResourceHandle[] {
  if (value === undefined) return [];
  return Resource.isResource(value) ? [value] : (value as readonly Resource[]);
}

function providerUrnsOf(providers: Readonly<Record<string, { urn: string }>> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [pkg, provider] of Object.entries(providers ?? {})) out[pkg] = provider.urn;
  return out;
}

function explicitProvider(opts: CustomResourceOptions, parent: ResourceNode | undefined, pkg: string): string | undefined {
  if (opts.provider !== undefined) return opts.provider.urn;
  return parent?.inheritedProviders[pkg];
}

function normalizeOptions(
  opts: ResourceOptions,
  parent: ResourceNode | undefined,
  stack: string,
  project: string,
  type: string,
  name: string,
): NormalizedOptions {
  if (parent === undefined && isEmpty(opts)) return DEFAULT_OPTIONS;
  const timeouts = opts.customTimeouts ?? {};
  const customTimeouts: Record<string, number> = {};
  for (const op of ["create", "update", "delete"] as const) {
    const value = timeouts[op];
    if (value !== undefined) customTimeouts[op] = parseDuration(value, `customTimeouts.${op} of "${name}"`);
  }
  return {
    protect: opts.protect ?? parent?.options.protect ?? false,
    ignoreChanges: opts.ignoreChanges ?? [],
    replaceOnChanges: opts.replaceOnChanges ?? [],
    deleteBeforeReplace: opts.deleteBeforeReplace ?? false,
    retainOnDelete: opts.retainOnDelete ?? false,
    customTimeouts,
    aliases: (opts.aliases ?? []).map((alias) => aliasUrn(alias, parent, stack, project, type, name)),
    additionalSecretOutputs: opts.additionalSecretOutputs ?? [],
  };
}

function isEmpty(opts: ResourceOptions): boolean {
  for (const key in opts) if ((opts as Record<string, unknown>)[key] !== undefined && key !== "provider" && key !== "providers" && key !== "dependsOn" && key !== "import") return false;
  return true;
}

function aliasUrn(alias: Alias, parent: ResourceNode | undefined, stack: string, project: string, type: string, name: string): string {
  if (typeof alias === "string") return alias;
  const aliasParent = alias.parent === undefined ? parent : alias.parent === null ? undefined : nodeOf(alias.parent);
  const aliasType = alias.type ?? type;
  const chain = aliasParent === undefined ? aliasType : `${aliasParent.typeChain}$${aliasType}`;
  return makeUrn(stack, project, chain, alias.name ?? name);
}
