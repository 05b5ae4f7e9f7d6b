import { CairnError } from "../errors.js";
import type { PropertyMap } from "../output/values.js";
import type { DeferredApply } from "../output/phase.js";
import type { ProviderPackage } from "../provider/provider.js";
import type { ResourceNode } from "../resource/node.js";
import { DesiredGraph } from "./desired-graph.js";

/** One configuration value of a stack. Structured values are JSON text. */
export interface ConfigEntry {
  readonly value: string;
  readonly secret: boolean;
}

/** A warning or note the program produced; the CLI shows it. */
export interface Diagnostic {
  readonly severity: "info" | "warning";
  readonly message: string;
  readonly urn?: string;
}

/** An explicit provider for a look-up: its URN and its known configuration. */
export interface InvokeProvider {
  readonly urn: string;
  readonly config: PropertyMap;
}

/** Runs a data source look-up through the package's default provider, or an explicit one. */
export type InvokeHandler = (pkg: ProviderPackage, token: string, args: PropertyMap, provider?: InvokeProvider) => Promise<PropertyMap>;

/** Reads another stack's recorded outputs by name (`project/stack` or `stack`), for a StackReference. */
export type StackOutputsReader = (name: string) => Promise<PropertyMap>;

/** What a program's scope is made from. */
export interface ProgramScopeOptions {
  readonly project: string;
  readonly stack: string;
  /** Config by full key (`aws:region`, `quickstart:greeting`). */
  readonly config: ReadonlyMap<string, ConfigEntry>;
  /** Data source look-ups. @default look-ups fail with a clear error */
  readonly invoke?: InvokeHandler;
  /** Reads other stacks' outputs from the same backend. @default StackReferences fail with a clear error */
  readonly readStack?: StackOutputsReader;
}

/**
 * The state of one running program: its stack, its config and the resources
 * it has registered. It lives in an AsyncLocalStorage, never in a global, so
 * two programs can run in one process.
 */
export class ProgramScope {
  readonly project: string;
  readonly stack: string;
  readonly #config: ReadonlyMap<string, ConfigEntry>;
  readonly #invoke: InvokeHandler | undefined;
  readonly #readStack: StackOutputsReader | undefined;
  readonly #nodes = new Map<string, ResourceNode>();
  readonly #order: ResourceNode[] = [];
  readonly #pending = new Set<Promise<unknown>>();
  readonly #packages = new Map<string, ProviderPackage>();
  readonly #applies: DeferredApply[] = [];
  readonly #late: CairnError[] = [];
  readonly #diagnostics: Diagnostic[] = [];
  readonly #failures: CairnError[] = [];
  #frozen = false;

  constructor(options: ProgramScopeOptions) {
    this.project = options.project;
    this.stack = options.stack;
    this.#config = options.config;
    this.#invoke = options.invoke;
    this.#readStack = options.readStack;
  }

  /** Adds a resource to the graph; fails after the freeze and on a second registration of one URN. */
  register(node: ResourceNode): void {
    this.assertOpen(node);
    const existing = this.#nodes.get(node.urn);
    if (existing !== undefined) {
      throw new CairnError(
        "URN_DUPLICATE",
        `Two resources have the URN ${node.urn}: one created at ${existing.source}, another at ${node.source}. Give one of them another name.`,
        { urn: node.urn, file: String(node.source) },
      );
    }
    node.index = this.#order.length;
    this.#nodes.set(node.urn, node);
    this.#order.push(node);
  }

  /** Fails with GRAPH_FROZEN if the graph can no longer change, and records the attempt. */
  assertOpen(node: Pick<ResourceNode, "name" | "type" | "source"> & { readonly urn?: string }): void {
    if (!this.#frozen) return;
    const error = new CairnError(
      "GRAPH_FROZEN",
      `Resource "${node.name}" (${node.type}) was registered at ${node.source} after the program finished. ` +
        "Resources must be created while the program runs, not inside an apply() on a value known only after deployment.",
      { ...(node.urn === undefined ? {} : { urn: node.urn }), file: String(node.source) },
    );
    this.#late.push(error);
    throw error;
  }

  /** Every attempt to create a resource after the freeze, in order. */
  get lateRegistrations(): readonly CairnError[] {
    return this.#late;
  }

  /** Keeps track of work started by the program that must finish before the graph freezes. */
  track(work: Promise<unknown>): void {
    if (this.#frozen) return;
    const tracked: Promise<unknown> = work.then(
      () => this.#pending.delete(tracked),
      () => this.#pending.delete(tracked),
    );
    this.#pending.add(tracked);
  }

  /** Makes a provider package known to the operation even if no resource of it is registered (inline providers). */
  definePackage(pkg: ProviderPackage): void {
    this.#packages.set(pkg.name, pkg);
  }

  /** Packages the program defined, by name. */
  get packages(): ReadonlyMap<string, ProviderPackage> {
    return this.#packages;
  }

  /** Keeps an apply() on a value known only after deployment, to be run once that value is known. */
  rememberApply(result: DeferredApply): void {
    if (!this.#frozen) this.#applies.push(result);
  }

  /** The applies on values known only after deployment that the program made. */
  get applies(): readonly DeferredApply[] {
    return this.#applies;
  }

  /** Waits until no tracked work is left, including work that tracked work starts. */
  async onSettled(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all([...this.#pending]);
  }

  /** Ends registration and returns the graph. */
  freeze(): DesiredGraph {
    this.#frozen = true;
    return new DesiredGraph(this.#order, this.#nodes);
  }

  /** A config value by full key. */
  configEntry(key: string): ConfigEntry | undefined {
    return this.#config.get(key);
  }

  /**
   * Records an error of the program found by work it started (a stack
   * reference without the output required of it): the program fails with
   * the first one once its work has settled, whether or not a resource uses
   * the value.
   */
  fail(error: CairnError): void {
    if (!this.#frozen) this.#failures.push(error);
  }

  /** The errors recorded by {@link ProgramScope.fail}, in order. */
  get failures(): readonly CairnError[] {
    return this.#failures;
  }

  /** Records a warning for the CLI to show. */
  warn(message: string, urn?: string): void {
    this.#diagnostics.push(urn === undefined ? { severity: "warning", message } : { severity: "warning", message, urn });
  }

  /** What the program has said so far. */
  get diagnostics(): readonly Diagnostic[] {
    return this.#diagnostics;
  }

  /** Runs a data source look-up. */
  invoke(pkg: ProviderPackage, token: string, args: PropertyMap, provider?: InvokeProvider): Promise<PropertyMap> {
    if (this.#invoke === undefined) {
      return Promise.reject(new CairnError("PROVIDER_ERROR", `Data source ${token} cannot run here: no provider is available to this program.`));
    }
    return this.#invoke(pkg, token, args, provider);
  }

  /** Reads another stack's recorded outputs (for a StackReference). */
  readStackOutputs(name: string): Promise<PropertyMap> {
    if (this.#readStack === undefined) {
      return Promise.reject(new CairnError("STACK_NOT_FOUND", `Stack "${name}" cannot be read here: this program runs without a state backend.`));
    }
    return this.#readStack(name);
  }
}
