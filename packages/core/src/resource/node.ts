import type { Input } from "../output/output.js";
import type { ProviderPackage } from "../provider/provider.js";
import type { NormalizedOptions } from "./normalized-options.js";
import type { SourceLocation } from "./source-location.js";

/** What a resource is to the engine. */
export type ResourceKind = "custom" | "component" | "provider";

/**
 * One resource as the program registered it: the node of the desired graph.
 * Inputs are kept as the program gave them (Outputs included) and resolved
 * per phase by the engine.
 */
export interface ResourceNode {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  readonly kind: ResourceKind;
  /** The parent's URN. */
  readonly parent: string | undefined;
  /** The parent types and the type, joined by `$`, as in the URN. */
  readonly typeChain: string;
  readonly inputs: Readonly<Record<string, unknown>>;
  /** URNs this resource depends on: its inputs' sources, `dependsOn` and its explicit provider. */
  readonly dependencies: readonly string[];
  readonly options: NormalizedOptions;
  /** The package that provides a custom or provider resource. */
  readonly package: ProviderPackage | undefined;
  /** The explicit provider resource's URN, if the resource has one. */
  readonly providerUrn: string | undefined;
  /** The id of an existing cloud resource to adopt. */
  readonly importId: Input<string> | undefined;
  /** Where the program created it. */
  readonly source: SourceLocation;
  /** A component's outputs, once `registerOutputs` has run. */
  componentOutputs: Readonly<Record<string, unknown>> | undefined;
  /** Explicit providers that children inherit, by package name. */
  readonly inheritedProviders: Readonly<Record<string, string>>;
  /** Position in registration order, set when registered; ties in every ordering break on it. */
  index: number;
}
