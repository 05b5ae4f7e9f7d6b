import type { ProviderPackage, ResourceType } from "@cairn/core/provider";
import { LocalProvider } from "./local-provider.js";
import { LOCAL_VERSION } from "./version.js";

/**
 * The local package, as the engine loads it: state records its module so that
 * resources the program no longer mentions can still be deleted.
 */
export const cairnPackage: ProviderPackage = {
  name: "local",
  module: "@cairn/local",
  version: LOCAL_VERSION,
  configure: (config) => new LocalProvider({ projectDir: config.projectDir }),
};

/** The resource type of a local token. */
export function localType(token: string): ResourceType {
  return { token, package: cairnPackage };
}
