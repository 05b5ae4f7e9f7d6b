import type { Inputs } from "../output/output.js";
import type { ProviderPackage } from "../provider/provider.js";
import type { ResourceOptions } from "./options.js";
import { Resource } from "./resource.js";

/**
 * An explicitly configured provider, for a second region or account. Its
 * inputs are the provider's configuration; resources use it through the
 * `provider` option, and children of a component through `providers`.
 *
 * @example
 * const west = new aws.Provider("west", { region: "us-west-2" });
 * new aws.s3.Bucket("logs", {}, { provider: west });
 */
export class ProviderResource extends Resource {
  /** The package this provider configures. */
  readonly package: ProviderPackage;

  constructor(pkg: ProviderPackage, name: string, config: Inputs<Record<string, unknown>> = {}, opts: ResourceOptions = {}) {
    super("provider", `cairn:providers:${pkg.name}`, name, config, opts, pkg);
    this.package = pkg;
  }
}
