import { ProviderResource, type Input, type ResourceOptions } from "@cairn/core";
import { cairnPackage } from "./package.js";

/** The settings of an explicit AWS provider; each one mirrors an `aws:*` config key. */
export interface ProviderArgs {
  /** The region. @default the SDK's chain: AWS_REGION, then the profile's region */
  readonly region?: Input<string>;
  /** A profile of the shared config and credentials files. @default AWS_PROFILE, else "default" */
  readonly profile?: Input<string>;
  /** One endpoint URL for every service, such as a local emulator. @default AWS's; AWS_ENDPOINT_URL also works */
  readonly endpoint?: Input<string>;
  /** Endpoint URLs per service (`s3`, `ec2`, `sagemaker`, `iam`); they win over `endpoint`. @default none */
  readonly endpoints?: Input<Readonly<Record<string, string>>>;
  /** Tags merged into every taggable resource; a resource's own tags win. @default none */
  readonly defaultTags?: Input<Readonly<Record<string, string>>>;
  /** Path-style S3 URLs. @default true when an endpoint is overridden, else false */
  readonly s3ForcePathStyle?: Input<boolean>;
  /** Static credentials (pass them as secrets). @default the SDK's standard credential chain */
  readonly accessKey?: Input<string>;
  readonly secretKey?: Input<string>;
  readonly sessionToken?: Input<string>;
  /** Attempts per AWS call, the first included (the provider retries throttling and 5xx itself). @default 8 */
  readonly maxAttempts?: Input<number>;
}

/**
 * An explicitly configured AWS provider: another region, account or
 * endpoint. Resources use it through the `provider` option; a component's
 * children through `providers: { aws: west }`.
 *
 * @example
 * const west = new aws.Provider("west", { region: "us-west-2" });
 * new aws.s3.Bucket("replica", { versioning: true }, { provider: west });
 */
export class Provider extends ProviderResource {
  constructor(name: string, args: ProviderArgs = {}, opts: ResourceOptions = {}) {
    super(cairnPackage, name, args as Record<string, unknown>, opts);
  }
}
