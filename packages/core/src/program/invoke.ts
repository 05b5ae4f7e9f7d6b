import { CairnError } from "../errors.js";
import { visitDependencies } from "../output/output.js";
import { PROGRAM_PHASE } from "../output/phase.js";
import { resolveProperties } from "../output/resolve.js";
import { containsUnknown, type PropertyMap } from "../output/values.js";
import type { ProviderPackage } from "../provider/provider.js";
import type { ProviderResource } from "../resource/provider-resource.js";
import { nodeOf } from "../resource/resource.js";
import { currentScope } from "./scope-storage.js";

/** Options of a data source look-up. */
export interface InvokeOptions {
  /** Look up through this explicit provider (another region or account). @default the stack's default provider */
  readonly provider?: ProviderResource;
}

/**
 * Runs a data source of a provider package while the program runs (in
 * preview too), through the stack's default provider for that package or
 * an explicit one.
 *
 * @example
 * export function getVpc(args: { id: string }, opts?: InvokeOptions): Promise<PropertyMap> {
 *   return invoke(awsPackage, "aws:ec2/getVpc", args, opts);
 * }
 */
export async function invoke(pkg: ProviderPackage, token: string, args: PropertyMap, options: InvokeOptions = {}): Promise<PropertyMap> {
  const scope = currentScope();
  if (scope === undefined) throw new CairnError("NO_PROGRAM_SCOPE", `Data source ${token} can only run while a Cairn program runs.`);
  if (options.provider === undefined) return scope.invoke(pkg, token, args);
  const node = nodeOf(options.provider);
  let dependent = false;
  visitDependencies(node.inputs, () => (dependent = true));
  const config = !dependent ? await resolveProperties(node.inputs, PROGRAM_PHASE, node.name) : undefined;
  if (config === undefined || containsUnknown(config)) {
    throw new CairnError("PROVIDER_ERROR", `Data source ${token} runs before deployment, so the configuration of provider "${node.name}" must not depend on other resources.`, { urn: node.urn });
  }
  return scope.invoke(pkg, token, args, { urn: node.urn, config });
}
