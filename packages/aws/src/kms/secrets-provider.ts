import { CairnError } from "@cairn/core";
import { keyCrypter, type SecretsContext, type SecretsProvider, type SecretsState } from "@cairn/core/provider";

/** What a stack's secrets state records for the `awskms` provider. */
interface KmsSecretsState {
  /** The key as the user named it: `alias/cairn-state`, a key id or a key ARN. */
  readonly keyId: string;
  /** The region of the key, when the spec named one or the key is an ARN. */
  readonly region?: string;
  /** The data key, encrypted by KMS (base64). */
  readonly wrappedKey: string;
}

/** The KMS calls the provider makes; tests pass a fake, the default is the AWS SDK. */
export interface KmsKeyService {
  /** A new 256-bit data key: its plain bytes and KMS's encryption of them. */
  generateDataKey(keyId: string, region: string | undefined, context: Record<string, string>): Promise<{ plaintext: Uint8Array; ciphertext: Uint8Array }>;
  /** The plain bytes of a data key KMS encrypted. */
  decrypt(keyId: string, region: string | undefined, ciphertext: Uint8Array, context: Record<string, string>): Promise<Uint8Array>;
}

/** Bound to every data key, so a wrapped key from elsewhere is refused by KMS itself. */
const CONTEXT = { purpose: "cairn-stack-secrets" };

/**
 * Parses `awskms://alias/cairn-state`, `awskms://<key id>`,
 * `awskms://arn:aws:kms:us-west-2:123456789012:key/<id>`, with an optional
 * `?region=us-west-2`.
 */
export function parseKmsSpec(spec: string): { keyId: string; region?: string } {
  const match = /^awskms:\/\/([^?]+)(?:\?region=([a-z0-9-]+))?$/.exec(spec);
  if (match === null || match[1] === undefined) {
    throw new CairnError("SECRETS_UNAVAILABLE", `"${spec}" is not a KMS secrets provider; expected awskms://alias/<name>, awskms://<key id> or awskms://<key ARN>, optionally with ?region=<region>.`);
  }
  const keyId = match[1];
  const fromArn = /^arn:aws[a-z-]*:kms:([a-z0-9-]+):/.exec(keyId)?.[1];
  const region = match[2] ?? fromArn;
  return region === undefined ? { keyId } : { keyId, region };
}

/**
 * Stack secrets under an AWS KMS key (`cairn stack init --secrets-provider
 * awskms://alias/cairn-state`): a random data key per stack, generated and
 * wrapped by KMS (GenerateDataKey) and unwrapped once per command (Decrypt);
 * values are encrypted locally with it. Whoever may use the key may open the
 * stack's secrets; nobody needs a passphrase.
 */
export function awsKmsSecretsProvider(service: KmsKeyService = sdkKeyService()): SecretsProvider {
  return {
    name: "awskms",
    async create(spec: string, context: SecretsContext) {
      const { keyId, region } = parseKmsSpec(spec);
      const key = await explain(context.stack, keyId, () => service.generateDataKey(keyId, region, CONTEXT));
      const state: KmsSecretsState = { keyId, ...(region === undefined ? {} : { region }), wrappedKey: Buffer.from(key.ciphertext).toString("base64") };
      return keyCrypter({ provider: "awskms", state: { ...state } }, Buffer.from(key.plaintext));
    },
    async open(state: SecretsState, context: SecretsContext) {
      const { keyId, region, wrappedKey } = state.state as Partial<KmsSecretsState>;
      if (state.provider !== "awskms" || keyId === undefined || wrappedKey === undefined) {
        throw new CairnError("SECRETS_UNAVAILABLE", `Stack "${context.stack}" does not keep its secrets with KMS (its provider is ${state.provider}).`);
      }
      const plain = await explain(context.stack, keyId, () => service.decrypt(keyId, region, Buffer.from(wrappedKey, "base64"), CONTEXT));
      return keyCrypter(state, Buffer.from(plain));
    },
  };
}

async function explain<T>(stack: string, keyId: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const name = error instanceof Error ? error.name : "Error";
    const message = error instanceof Error ? error.message : String(error);
    throw new CairnError("SECRETS_KEY_SERVICE", `The secrets of stack "${stack}" are under the KMS key ${keyId}, which could not be used: ${name}: ${message.replace(/\.+$/, "")}. Check your AWS credentials and region, and that they may use the key (kms:GenerateDataKey, kms:Decrypt).`, { cause: error });
  }
}

/** KMS through the AWS SDK, loaded on first use; credentials and region from the SDK's standard chain. */
function sdkKeyService(): KmsKeyService {
  const clients = new Map<string, Promise<{ client: import("@aws-sdk/client-kms").KMSClient; sdk: typeof import("@aws-sdk/client-kms") }>>();
  const clientFor = (region: string | undefined) => {
    const key = region ?? "";
    let pending = clients.get(key);
    if (pending === undefined) {
      pending = import("@aws-sdk/client-kms").then((sdk) => ({ sdk, client: new sdk.KMSClient(region === undefined ? {} : { region }) }));
      clients.set(key, pending);
    }
    return pending;
  };
  return {
    async generateDataKey(KeyId, region, EncryptionContext) {
      const { client, sdk } = await clientFor(region);
      const out = await client.send(new sdk.GenerateDataKeyCommand({ KeyId, KeySpec: "AES_256", EncryptionContext }));
      if (out.Plaintext === undefined || out.CiphertextBlob === undefined) throw new Error("KMS returned no data key");
      return { plaintext: out.Plaintext, ciphertext: out.CiphertextBlob };
    },
    async decrypt(KeyId, region, CiphertextBlob, EncryptionContext) {
      const { client, sdk } = await clientFor(region);
      const out = await client.send(new sdk.DecryptCommand({ KeyId, CiphertextBlob, EncryptionContext }));
      if (out.Plaintext === undefined) throw new Error("KMS returned no plaintext");
      return out.Plaintext;
    },
  };
}
