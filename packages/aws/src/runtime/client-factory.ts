import type { EC2Client } from "@aws-sdk/client-ec2";
import type { IAMClient } from "@aws-sdk/client-iam";
import type { S3Client } from "@aws-sdk/client-s3";
import type { SageMakerClient } from "@aws-sdk/client-sagemaker";
import type { ApplicationAutoScalingClient } from "@aws-sdk/client-application-auto-scaling";
import type { AutoScalingClient } from "@aws-sdk/client-auto-scaling";
import type { ElasticLoadBalancingV2Client } from "@aws-sdk/client-elastic-load-balancing-v2";
import type { AwsService, AwsSettings } from "../config/settings.js";

/** The `@aws-sdk/client-s3` module. */
export type S3Sdk = typeof import("@aws-sdk/client-s3");
/** The `@aws-sdk/client-ec2` module. */
export type Ec2Sdk = typeof import("@aws-sdk/client-ec2");
/** The `@aws-sdk/client-sagemaker` module. */
export type SageMakerSdk = typeof import("@aws-sdk/client-sagemaker");
/** The `@aws-sdk/client-iam` module. */
export type IamSdk = typeof import("@aws-sdk/client-iam");

/** The `@aws-sdk/client-auto-scaling` module. */
export type AutoScalingSdk = typeof import("@aws-sdk/client-auto-scaling");
/** The `@aws-sdk/client-elastic-load-balancing-v2` module. */
export type Elbv2Sdk = typeof import("@aws-sdk/client-elastic-load-balancing-v2");
/** The `@aws-sdk/client-application-auto-scaling` module. */
export type AppAutoScalingSdk = typeof import("@aws-sdk/client-application-auto-scaling");

/** A client together with the SDK module its commands come from. */
export interface ServiceHandle<C, M> {
  readonly client: C;
  readonly sdk: M;
}

export type S3Handle = ServiceHandle<S3Client, S3Sdk>;
export type Ec2Handle = ServiceHandle<EC2Client, Ec2Sdk>;
export type SageMakerHandle = ServiceHandle<SageMakerClient, SageMakerSdk>;
export type IamHandle = ServiceHandle<IAMClient, IamSdk>;
export type AutoScalingHandle = ServiceHandle<AutoScalingClient, AutoScalingSdk>;
export type Elbv2Handle = ServiceHandle<ElasticLoadBalancingV2Client, Elbv2Sdk>;
export type AppAutoScalingHandle = ServiceHandle<ApplicationAutoScalingClient, AppAutoScalingSdk>;

/** Client settings shared by every service. */
export interface CommonClientConfig {
  region?: string;
  profile?: string;
  endpoint?: string;
  maxAttempts?: number;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

/**
 * Makes one SDK client per service for one provider configuration, on first
 * use: a program that only imports `@cairn/aws`, or a preview that only
 * checks and diffs, never loads the SDK (EC2's alone takes ~0.5 s).
 * Credentials come from the SDK's standard chain unless static keys are set.
 */
export class ClientFactory {
  readonly #settings: AwsSettings;
  readonly #env: NodeJS.ProcessEnv;
  readonly #cache = new Map<AwsService, Promise<unknown>>();

  constructor(settings: AwsSettings, env: NodeJS.ProcessEnv = process.env) {
    this.#settings = settings;
    this.#env = env;
  }

  /** The S3 client: path-style and checksums only when required once an endpoint is overridden. */
  s3(): Promise<S3Handle> {
    return this.#once("s3", async () => {
      const sdk = await import("@aws-sdk/client-s3");
      const custom = this.#hasCustomEndpoint("s3");
      const client = new sdk.S3Client({
        ...this.#common("s3"),
        forcePathStyle: this.#settings.s3ForcePathStyle ?? custom,
        ...(custom ? { requestChecksumCalculation: "WHEN_REQUIRED", responseChecksumValidation: "WHEN_REQUIRED" } : {}),
      });
      return { client, sdk };
    });
  }

  /** The EC2 client. */
  ec2(): Promise<Ec2Handle> {
    return this.#once("ec2", async () => {
      const sdk = await import("@aws-sdk/client-ec2");
      return { client: new sdk.EC2Client(this.#common("ec2")), sdk };
    });
  }

  /** The SageMaker client. */
  sagemaker(): Promise<SageMakerHandle> {
    return this.#once("sagemaker", async () => {
      const sdk = await import("@aws-sdk/client-sagemaker");
      return { client: new sdk.SageMakerClient(this.#common("sagemaker")), sdk };
    });
  }

  /** The IAM client. */
  iam(): Promise<IamHandle> {
    return this.#once("iam", async () => {
      const sdk = await import("@aws-sdk/client-iam");
      return { client: new sdk.IAMClient(this.#common("iam")), sdk };
    });
  }

  /**
   * The client of any other service, made once per factory by `make` from the
   * shared settings (region, profile, endpoint, credentials). `make` imports
   * the service's SDK module, so it loads only when first used.
   *
   * @example
   * const kms = await clients.service("kms", async (config) => {
   *   const sdk = await import("@aws-sdk/client-kms");
   *   return { client: new sdk.KMSClient(config), sdk };
   * });
   */
  service<T>(service: AwsService, make: (config: CommonClientConfig) => Promise<T>): Promise<T> {
    return this.#once(service, () => make(this.#common(service)));
  }

  /** The EC2 Auto Scaling client. */
  autoscaling(): Promise<AutoScalingHandle> {
    return this.#once("autoscaling", async () => {
      const sdk = await import("@aws-sdk/client-auto-scaling");
      return { client: new sdk.AutoScalingClient(this.#common("autoscaling")), sdk };
    });
  }

  /** The Elastic Load Balancing (v2: application and network load balancers) client. */
  elbv2(): Promise<Elbv2Handle> {
    return this.#once("elbv2", async () => {
      const sdk = await import("@aws-sdk/client-elastic-load-balancing-v2");
      return { client: new sdk.ElasticLoadBalancingV2Client(this.#common("elbv2")), sdk };
    });
  }

  /** The Application Auto Scaling client. */
  applicationautoscaling(): Promise<AppAutoScalingHandle> {
    return this.#once("applicationautoscaling", async () => {
      const sdk = await import("@aws-sdk/client-application-auto-scaling");
      return { client: new sdk.ApplicationAutoScalingClient(this.#common("applicationautoscaling")), sdk };
    });
  }

  /** Releases the sockets of every client made so far. */
  async destroy(): Promise<void> {
    for (const pending of this.#cache.values()) {
      const handle = (await pending.catch(() => undefined)) as { client?: { destroy(): void } } | undefined;
      handle?.client?.destroy();
    }
    this.#cache.clear();
  }

  #once<T>(service: AwsService, make: () => Promise<T>): Promise<T> {
    let pending = this.#cache.get(service) as Promise<T> | undefined;
    if (pending === undefined) {
      pending = make();
      // A failed import must not be cached forever.
      pending.catch(() => this.#cache.delete(service));
      this.#cache.set(service, pending);
    }
    return pending;
  }

  #common(service: AwsService): CommonClientConfig {
    const s = this.#settings;
    const config: CommonClientConfig = {};
    if (s.region !== undefined) config.region = s.region;
    if (s.profile !== undefined) config.profile = s.profile;
    const endpoint = s.endpoints[service] ?? s.endpoint;
    if (endpoint !== undefined) config.endpoint = endpoint;
    if (s.maxAttempts !== undefined) config.maxAttempts = s.maxAttempts;
    if (s.accessKey !== undefined && s.secretKey !== undefined) {
      config.credentials = { accessKeyId: s.accessKey, secretAccessKey: s.secretKey, ...(s.sessionToken ? { sessionToken: s.sessionToken } : {}) };
    }
    return config;
  }

  #hasCustomEndpoint(service: AwsService): boolean {
    if (this.#settings.endpoints[service] !== undefined || this.#settings.endpoint !== undefined) return true;
    if (this.#env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS === "true") return false;
    return Boolean(this.#env[`AWS_ENDPOINT_URL_${service.toUpperCase()}`] || this.#env.AWS_ENDPOINT_URL);
  }
}
