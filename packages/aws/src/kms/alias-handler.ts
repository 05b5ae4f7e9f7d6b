import type { AliasListEntry } from "@aws-sdk/client-kms";
import { CairnError } from "@cairn/core";
import type { CheckResult, PropertyMap, ReadResult } from "@cairn/core/provider";
import { checkFields, str, type Fields } from "../check/spec.js";
import { hasAwsCode } from "../errors.js";
import { plain, typed, type ResourceHandler } from "../provider/handler.js";
import { limitedCall, operationLimits, primaryCall } from "../runtime/api-limits.js";
import { call } from "../runtime/call.js";
import type { AwsContext } from "../runtime/context.js";
import { orMissing, readConfirmed } from "../runtime/read.js";
import { retrying } from "../runtime/retry.js";
import { isKmsNotFound, kms, KMS_RATES, type KmsHandle } from "./client.js";
import { echoingInputs } from "../provider/secrecy.js";

interface AliasInputs {
  readonly name: string;
  readonly targetKeyId: string;
}

const FIELDS: Fields = {
  name: str({ required: true, pattern: /^alias\/(?!aws\/)[a-zA-Z0-9/_-]{1,250}$/, expected: 'a name such as "alias/cairn-state" (not under alias/aws/)' }),
  targetKeyId: str({ required: true }),
};

/** The provider side of `aws:kms/Alias`; the id is the alias name. */
export const aliasHandler: ResourceHandler = {
  token: "aws:kms/Alias",
  schema: {
    derivedFrom: echoingInputs(FIELDS, { arn: ["name"], targetKeyArn: ["targetKeyId"] }),
    replaceOnChanges: ["name"], stableOutputs: ["id", "arn", "name"],
  },
  nameProperty: "name",
  parameterHints: { AliasName: "name", TargetKeyId: "targetKeyId" },
  check: (inputs: PropertyMap): CheckResult => checkFields(FIELDS, inputs),
  create: async (ctx, raw) => {
    const inputs = typed<AliasInputs>(raw);
    const client = await kms(ctx);
    const input = { AliasName: inputs.name, TargetKeyId: inputs.targetKeyId };
    try {
      // A key made a moment ago may not be visible to CreateAlias yet.
      await retrying(ctx, primaryCall(ctx, KMS_RATES, "CreateAlias", () => client.client.send(new client.sdk.CreateAliasCommand(input))), { retryIf: isKmsNotFound, budgetMs: 30_000 });
    } catch (error) {
      if (!hasAwsCode(error, ["AlreadyExistsException"])) throw error;
      throw new CairnError("PROVIDER_ERROR", `The KMS alias "${inputs.name}" [property "name"] already exists. Adopt it with the import option (import: "${inputs.name}"), or choose another name.`, { cause: error });
    }
    const found = await readConfirmed(ctx, () => findAlias(ctx, client, inputs.name));
    return { id: inputs.name, outputs: outputsOf(inputs, found) };
  },
  read: async (ctx, name, inputs): Promise<ReadResult | undefined> => {
    const client = await kms(ctx);
    const found = await readConfirmed(ctx, () => findAlias(ctx, client, name));
    if (found === undefined) return undefined;
    const recorded = typed<AliasInputs>(inputs);
    // The program may name the key by id or ARN; KMS reports its id.
    const sameKey = recorded.targetKeyId !== undefined && (recorded.targetKeyId === found.TargetKeyId || recorded.targetKeyId.endsWith(`/${found.TargetKeyId}`));
    const current = { name, targetKeyId: sameKey ? recorded.targetKeyId : (found.TargetKeyId ?? "") };
    return { id: name, inputs: plain(current), outputs: outputsOf(current, found) };
  },
  update: async (ctx, name, _olds, news) => {
    const inputs = typed<AliasInputs>(news);
    const client = await kms(ctx);
    await retrying(ctx, () => limitedCall(ctx, KMS_RATES, "UpdateAlias", () => client.client.send(new client.sdk.UpdateAliasCommand({ AliasName: name, TargetKeyId: inputs.targetKeyId }))));
    return outputsOf(inputs, await findAlias(ctx, client, name));
  },
  delete: async (ctx, AliasName) => {
    const client = await kms(ctx);
    await orMissing(primaryCall(ctx, KMS_RATES, "DeleteAlias", () => client.client.send(new client.sdk.DeleteAliasCommand({ AliasName })))(), isKmsNotFound);
  },
  limits: operationLimits(KMS_RATES, { create: "CreateAlias", delete: "DeleteAlias" }),
};

/** The alias of this name (ListAliases, every page). */
async function findAlias(ctx: AwsContext, client: KmsHandle, name: string): Promise<AliasListEntry | undefined> {
  let Marker: string | undefined;
  do {
    const page = await retrying(ctx, () => limitedCall(ctx, KMS_RATES, "ListAliases", () => client.client.send(new client.sdk.ListAliasesCommand({ Marker }))));
    const found = page.Aliases?.find((a) => a.AliasName === name);
    if (found !== undefined) return found;
    Marker = page.Truncated ? page.NextMarker : undefined;
  } while (Marker);
  return undefined;
}

function outputsOf(inputs: AliasInputs, found: AliasListEntry | undefined): PropertyMap {
  const keyArn = found?.AliasArn && found.TargetKeyId ? found.AliasArn.replace(/:alias\/.*$/, `:key/${found.TargetKeyId}`) : undefined;
  return plain({ ...inputs, arn: found?.AliasArn, targetKeyArn: keyArn });
}
