import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { CairnError } from "../errors.js";
import { reveal, type PropertyMap } from "../output/values.js";
import type { ConfigEntry } from "../program/scope.js";
import type { Provider, ProviderPackage } from "../provider/provider.js";
import { packageOfType } from "../resource/urn.js";
import { canonicalJson } from "../util/canonical-json.js";
import { importModule } from "../util/import-module.js";

/** The key providers are found by: the package name, or `dynamic:<name>` for a dynamic provider. */
export function providerKeyOfType(type: string): string {
  if (type.startsWith("dynamic:")) return `dynamic:${type.slice("dynamic:".length).split("/")[0]}`;
  if (type.startsWith("cairn:providers:")) return type.slice("cairn:providers:".length);
  return packageOfType(type);
}

/** What the registry is made from. */
export interface ProviderRegistryOptions {
  readonly config: ReadonlyMap<string, ConfigEntry>;
  readonly projectDir: string;
  /** Packages known up front. */
  readonly packages: readonly ProviderPackage[];
  /** Modules recorded in state, for packages the program no longer loads. */
  readonly recorded: Readonly<Record<string, { readonly module: string }>>;
}

/**
 * Finds and configures providers: the default provider of each package from
 * the stack's `<package>:*` config, and explicit providers from their
 * resources' inputs. Each configuration is made once per operation.
 */
export class ProviderRegistry {
  readonly #options: ProviderRegistryOptions;
  readonly #packages = new Map<string, ProviderPackage>();
  readonly #configured = new Map<string, Promise<Provider>>();
  readonly #ready = new Map<string, Provider>();

  constructor(options: ProviderRegistryOptions) {
    this.#options = options;
    for (const pkg of options.packages) this.#packages.set(pkg.name, pkg);
  }

  /** Makes a package known (the program created one of its resources or invoked it). */
  register(pkg: ProviderPackage): void {
    if (!this.#packages.has(pkg.name)) this.#packages.set(pkg.name, pkg);
  }

  /** The packages used so far, by name. */
  get packages(): ReadonlyMap<string, ProviderPackage> {
    return this.#packages;
  }

  /** The package of a type, loading it from its recorded module if the program did not. */
  async packageOf(type: string): Promise<ProviderPackage> {
    const key = providerKeyOfType(type);
    const known = this.#packages.get(key);
    if (known !== undefined) return known;
    const recorded = this.#options.recorded[key];
    if (key.startsWith("dynamic:") || recorded === undefined) {
      throw new CairnError(
        "PROVIDER_NOT_FOUND",
        key.startsWith("dynamic:")
          ? `The program no longer defines the dynamic provider "${key.slice(8)}" that resources of type ${type} need. Keep defining it until those resources are deleted.`
          : `No provider package "${key}" is loaded for type ${type}, and state records no module for it.`,
      );
    }
    const pkg = await importPackage(recorded.module, this.#options.projectDir, key);
    this.#packages.set(key, pkg);
    return pkg;
  }

  /** The stack's default provider for a type's package; synchronous once it has been configured. */
  defaultProvider(type: string): Provider | Promise<Provider> {
    const ready = this.#ready.get(type);
    if (ready !== undefined) return ready;
    const key = providerKeyOfType(type);
    let provider = this.#configured.get(`default:${key}`);
    if (provider === undefined) {
      provider = this.packageOf(type).then((pkg) => pkg.configure({ values: this.#configValues(key), projectDir: this.#options.projectDir }));
      this.#configured.set(`default:${key}`, provider);
    }
    return provider.then((configured) => {
      this.#ready.set(type, configured);
      return configured;
    });
  }

  /** The provider an explicit provider resource configures with these inputs. */
  explicitProvider(providerUrn: string, type: string, inputs: PropertyMap): Promise<Provider> {
    const cacheKey = `${providerUrn}:${canonicalJson(reveal(inputs))}`;
    let provider = this.#configured.get(cacheKey);
    if (provider === undefined) {
      provider = this.packageOf(type).then((pkg) => pkg.configure({ values: reveal<PropertyMap>(inputs), projectDir: this.#options.projectDir }));
      this.#configured.set(cacheKey, provider);
    }
    return provider;
  }

  /** Lets every provider configured in this operation release what it holds (clients, sockets). */
  async dispose(): Promise<void> {
    const configured = [...this.#configured.values()];
    this.#configured.clear();
    this.#ready.clear();
    for (const pending of configured) {
      try {
        await (await pending).dispose?.();
      } catch {
        // A provider that failed to configure or to dispose has nothing left to release.
      }
    }
  }

  #configValues(pkg: string): PropertyMap {
    const prefix = `${pkg}:`;
    const values: Record<string, string> = {};
    for (const [key, entry] of this.#options.config) if (key.startsWith(prefix)) values[key.slice(prefix.length)] = entry.value;
    return values;
  }
}

async function importPackage(module: string, projectDir: string, key: string): Promise<ProviderPackage> {
  let resolved: string;
  try {
    resolved = createRequire(path.join(projectDir, "package.json")).resolve(module);
  } catch (error) {
    throw new CairnError("PROVIDER_NOT_FOUND", `State needs the provider package ${module} ("${key}"), but it cannot be found from ${projectDir}. Install it: npm install ${module}`, { cause: error });
  }
  const loaded = await importModule<{ cairnPackage?: ProviderPackage }>(pathToFileURL(resolved).href);
  if (loaded.cairnPackage?.name !== key) {
    throw new CairnError("PROVIDER_NOT_FOUND", `${module} does not export a cairnPackage named "${key}".`);
  }
  return loaded.cairnPackage;
}
