import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { S3Client } from "@aws-sdk/client-s3";
import type { AwsSettings } from "../config/settings.js";
import { ClientFactory, type S3Handle, type ServiceHandle } from "../runtime/client-factory.js";

/** The `@aws-sdk/client-dynamodb` module. */
export type DynamoDbSdk = typeof import("@aws-sdk/client-dynamodb");
/** A DynamoDB client with its SDK module. */
export type DynamoDbHandle = ServiceHandle<DynamoDBClient, DynamoDbSdk>;

/** How the backend reaches AWS: the same settings as the AWS provider's. */
export interface BackendClientOptions {
  /** @default the SDK's chain (AWS_REGION, the profile's region) */
  readonly region?: string;
  /** @default AWS_PROFILE, else the default profile */
  readonly profile?: string;
  /** One endpoint for S3 and DynamoDB. @default AWS_ENDPOINT_URL_S3 / _DYNAMODB / AWS_ENDPOINT_URL, else AWS */
  readonly endpoint?: string;
  /** @default true when an endpoint is set */
  readonly forcePathStyle?: boolean;
  /** A ready S3 client (custom credentials, tests). @default made on first use */
  readonly s3Client?: S3Client;
  /** A ready DynamoDB client. @default made on first use */
  readonly dynamoDbClient?: DynamoDBClient;
  /** The environment the endpoint variables are read from. @default process.env */
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * The backend's SDK clients, made on first use so that a command that never
 * touches S3 never loads the SDK. S3 goes through the provider's own
 * {@link ClientFactory}: path-style addressing and checksums only when
 * required once an endpoint is overridden.
 */
export class BackendClients {
  readonly #options: BackendClientOptions;
  readonly #factory: ClientFactory;
  #dynamo: Promise<DynamoDbHandle> | undefined;

  constructor(options: BackendClientOptions) {
    this.#options = options;
    const settings: AwsSettings = {
      endpoints: {},
      defaultTags: {},
      projectDir: ".",
      ...(options.region === undefined ? {} : { region: options.region }),
      ...(options.profile === undefined ? {} : { profile: options.profile }),
      ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
      ...(options.forcePathStyle === undefined ? {} : { s3ForcePathStyle: options.forcePathStyle }),
    };
    this.#factory = new ClientFactory(settings, options.env ?? process.env);
  }

  /** The S3 client and SDK. */
  async s3(): Promise<S3Handle> {
    if (this.#options.s3Client === undefined) return this.#factory.s3();
    return { client: this.#options.s3Client, sdk: await import("@aws-sdk/client-s3") };
  }

  /** The DynamoDB client and SDK. */
  dynamoDb(): Promise<DynamoDbHandle> {
    this.#dynamo ??= (async () => {
      const sdk = await import("@aws-sdk/client-dynamodb");
      const o = this.#options;
      const client =
        o.dynamoDbClient ??
        new sdk.DynamoDBClient({
          ...(o.region === undefined ? {} : { region: o.region }),
          ...(o.profile === undefined ? {} : { profile: o.profile }),
          ...(o.endpoint === undefined ? {} : { endpoint: o.endpoint }),
        });
      return { client, sdk };
    })();
    return this.#dynamo;
  }

  /** Closes the sockets of the clients this object made. */
  async destroy(): Promise<void> {
    await this.#factory.destroy();
    if (this.#dynamo !== undefined && this.#options.dynamoDbClient === undefined) (await this.#dynamo.catch(() => undefined))?.client.destroy();
  }
}
