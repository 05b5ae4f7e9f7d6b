import type { KeyPairInfo } from "@aws-sdk/client-ec2";
import type { PropertyMap, ReadResult } from "@cairn/core/provider";
import { str, type Fields } from "../check/spec.js";
import { physicalName, type NameRules } from "../naming.js";
import { findByName } from "../provider/find-created.js";
import { plain, typed, type ResourceHandler } from "../provider/handler.js";
import type { Ec2Handle } from "../runtime/client-factory.js";
import type { AwsContext } from "../runtime/context.js";
import { orMissing, readConfirmed } from "../runtime/read.js";
import { retrying } from "../runtime/retry.js";
import { checkTagged, fromTagList, tagsField, type Tags } from "../tags.js";
import { ec2Arn, ec2Call, isEc2NotFound, primaryCall, tagSpecifications, updateEc2Tags } from "./common.js";
import { ec2Limit } from "./limits.js";
import { echoingInputs, NAME_SOURCES } from "../provider/secrecy.js";

interface KeyPairInputs {
  readonly publicKey: string;
  readonly keyName?: string;
  readonly keyNamePrefix?: string;
  readonly tags: Tags;
}

/** Key pair names: up to 255 ASCII characters. */
const KEY_NAMES: NameRules = { maxLength: 255, allowed: /[\w .:/()#,@[\]+=&;{}!$*-]/ };

/** The inputs the key pair's name (and its ARN) derive from. */
const KEY_NAME_SOURCES = ["keyName", "keyNamePrefix"];

const FIELDS: Fields = {
  publicKey: str({ required: true, pattern: /^(ssh-rsa|ssh-ed25519|ecdsa-sha2-\S+) \S+/, expected: "an OpenSSH public key such as ssh-ed25519 AAAA…" }),
  keyName: str({ maxLength: 255 }),
  keyNamePrefix: str({ maxLength: 200 }),
  tags: tagsField(),
};

/** The provider side of `aws:ec2/KeyPair`; the id is the key pair's name. */
export const keyPairHandler: ResourceHandler = {
  token: "aws:ec2/KeyPair",
  schema: {
    derivedFrom: echoingInputs(FIELDS, { keyName: KEY_NAME_SOURCES, arn: KEY_NAME_SOURCES, keyPairId: [], fingerprint: ["publicKey"], keyType: ["publicKey"] }),
    replaceOnChanges: ["publicKey", "keyName", "keyNamePrefix"], stableOutputs: ["id", "keyName", "keyPairId", "fingerprint", "keyType", "arn"],
  },
  nameProperty: "keyName",
  parameterHints: { PublicKeyMaterial: "publicKey", KeyName: "keyName" },
  check: (inputs, env) => {
    const result = checkTagged(FIELDS, inputs, env.settings.defaultTags);
    const failures = [...(result.failures ?? [])];
    if (typeof inputs.keyName === "string" && typeof inputs.keyNamePrefix === "string") failures.push({ property: "keyNamePrefix", reason: "give either keyName or keyNamePrefix, not both" });
    return { inputs: result.inputs, failures };
  },
  create: async (ctx, raw, token) => {
    const inputs = typed<KeyPairInputs>(raw);
    const ec2 = await ctx.clients.ec2();
    const KeyName = createdName(ctx, inputs, token);
    const request = { KeyName, PublicKeyMaterial: new TextEncoder().encode(inputs.publicKey), TagSpecifications: tagSpecifications("key-pair", inputs.tags) };
    await primaryCall(ctx, "ImportKeyPair", () => ec2.client.send(new ec2.sdk.ImportKeyPairCommand(request)))();
    const key = await readConfirmed(ctx, () => describe(ctx, ec2, KeyName));
    return { id: KeyName, outputs: outputsOf(inputs, KeyName, key, await ec2.client.config.region()) };
  },
  findCreated: (ctx, raw, token) => findByName(createdName(ctx, typed<KeyPairInputs>(raw), token), typed<KeyPairInputs>(raw).keyName, token, (name) => keyPairHandler.read(ctx, name, raw, {})),
  read: async (ctx, id, inputs): Promise<ReadResult | undefined> => {
    const ec2 = await ctx.clients.ec2();
    const key = await readConfirmed(ctx, () => describe(ctx, ec2, id));
    if (key === undefined) return undefined;
    const recorded = typed<KeyPairInputs>(inputs);
    // EC2 returns the public key only when asked; an imported key gets it as its input.
    const current: KeyPairInputs = { ...recorded, publicKey: key.PublicKey?.trim() ?? recorded.publicKey, tags: fromTagList(key.Tags) };
    const sameKey = recorded.publicKey !== undefined && key.PublicKey !== undefined && sameMaterial(recorded.publicKey, key.PublicKey);
    const shown = sameKey ? { ...current, publicKey: recorded.publicKey } : current;
    return { id, inputs: plain(shown as never), outputs: outputsOf(shown, id, key, await ec2.client.config.region()) };
  },
  update: async (ctx, id, olds, news) => {
    const ec2 = await ctx.clients.ec2();
    const key = await retrying(ctx, () => describe(ctx, ec2, id));
    await updateEc2Tags(ctx, ec2, key?.KeyPairId ?? id, typed<KeyPairInputs>(olds).tags, typed<KeyPairInputs>(news).tags);
    return outputsOf(typed<KeyPairInputs>(news), id, key, await ec2.client.config.region());
  },
  delete: async (ctx, id) => {
    const ec2 = await ctx.clients.ec2();
    try {
      await primaryCall(ctx, "DeleteKeyPair", () => ec2.client.send(new ec2.sdk.DeleteKeyPairCommand({ KeyName: id })))();
    } catch (error) {
      if (!isEc2NotFound(error)) throw error;
    }
  },
  limits: (operation) => (operation === "create" ? ec2Limit("ImportKeyPair") : operation === "delete" ? ec2Limit("DeleteKeyPair") : undefined),
};

/** Whether two OpenSSH keys have the same type and material (the comment may differ). */
function sameMaterial(a: string, b: string): boolean {
  const parts = (key: string) => key.trim().split(/\s+/).slice(0, 2).join(" ");
  return parts(a) === parts(b);
}

async function describe(ctx: AwsContext, ec2: Ec2Handle, KeyName: string): Promise<KeyPairInfo | undefined> {
  const request = { KeyNames: [KeyName], IncludePublicKey: true };
  const out = await orMissing(ec2Call(ctx, "DescribeKeyPairs", () => ec2.client.send(new ec2.sdk.DescribeKeyPairsCommand(request))), isEc2NotFound);
  return out?.KeyPairs?.[0];
}

function outputsOf(inputs: KeyPairInputs, keyName: string, key: KeyPairInfo | undefined, region: string): PropertyMap {
  return plain({
    ...inputs,
    keyName,
    keyPairId: key?.KeyPairId,
    fingerprint: key?.KeyFingerprint,
    keyType: key?.KeyType,
    arn: ec2Arn(region, undefined, `key-pair/${keyName}`),
  });
}

/** The name a create with this token gives the object; `findCreated` looks for the same one. */
function createdName(ctx: AwsContext, inputs: KeyPairInputs, token: string): string {
  return physicalName(inputs.keyName, inputs.keyNamePrefix, ctx.call.name, token, KEY_NAMES);
}
