import { CairnError } from "../errors.js";
import type { PropertyMap } from "../output/values.js";
import type { ProviderPackage } from "../provider/provider.js";
import { currentScope } from "./scope-storage.js";

/**
 * Runs a data source of a provider package while the program runs (in
 * preview too), through the stack's default provider for that package.
 *
 * @example
 * export function getVpc(args: { id: string }): Promise<PropertyMap> {
 *   return invoke(awsPackage, "aws:ec2/getVpc", args);
 * }
 */
export function invoke(pkg: ProviderPackage, token: string, args: PropertyMap): Promise<PropertyMap> {
  const scope = currentScope();
  if (scope === undefined) {
    return Promise.reject(new CairnError("NO_PROGRAM_SCOPE", `Data source ${token} can only run while a Cairn program runs.`));
  }
  return scope.invoke(pkg, token, args);
}
