import type { Input } from "../output/output.js";
import type { ProviderHandle, ResourceHandle } from "./handle.js";

/**
 * A former identity of a resource, so renaming or re-parenting it keeps the
 * cloud resource instead of replacing it. A string is a full former URN.
 */
export type Alias =
  | string
  | {
      /** The former name. @default the current name */
      readonly name?: string;
      /** The former parent, or `null` for none. @default the current parent */
      readonly parent?: ResourceHandle | null;
      /** The former type. @default the current type */
      readonly type?: string;
    };

/** Options every resource accepts. */
export interface ResourceOptions {
  /** Resources that must be created before this one, beyond those its inputs already imply. @default [] */
  readonly dependsOn?: ResourceHandle | readonly ResourceHandle[];
  /** The component this resource belongs to; it appears in the URN. @default none */
  readonly parent?: ResourceHandle;
  /** Refuse to delete or replace this resource. @default false, or the parent's */
  readonly protect?: boolean;
  /** Input properties whose changes are ignored after creation (`tags`, `tags.owner`). @default [] */
  readonly ignoreChanges?: readonly string[];
  /** Input properties whose change replaces the resource, beyond the provider's. @default [] */
  readonly replaceOnChanges?: readonly string[];
  /** Delete the old resource before creating its replacement. @default false (create first) */
  readonly deleteBeforeReplace?: boolean;
  /** On delete, forget the resource but leave it in the cloud. @default false */
  readonly retainOnDelete?: boolean;
  /** Time limits per operation, in milliseconds or as "90s", "10m", "1h". @default the provider's */
  readonly customTimeouts?: { readonly create?: number | string; readonly update?: number | string; readonly delete?: number | string };
  /** Former identities of this resource. @default [] */
  readonly aliases?: readonly Alias[];
  /** Outputs to treat as secret beyond the provider's own. @default [] */
  readonly additionalSecretOutputs?: readonly string[];
}

/** Options of provider-backed resources. */
export interface CustomResourceOptions extends ResourceOptions {
  /** An explicit provider (another region or account). @default the parent's, else the stack's default */
  readonly provider?: ProviderHandle;
  /** Adopt an existing cloud resource with this id instead of creating one. @default none */
  readonly import?: Input<string>;
}

/** Options of components. */
export interface ComponentResourceOptions extends ResourceOptions {
  /** Providers for the children, by package name. @default the parent's */
  readonly providers?: Readonly<Record<string, ProviderHandle>>;
}
