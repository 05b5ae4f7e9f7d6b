import type { LogGroup as AwsLogGroup } from "@aws-sdk/client-cloudwatch-logs";
import { CairnError } from "@cairn/core";
import type { CheckResult, PropertyMap, ReadResult } from "@cairn/core/provider";
import { checkFields, num, str, type Fields } from "../check/spec.js";
import { hasAwsCode } from "../errors.js";
import { physicalName, type NameRules } from "../naming.js";
import { findByName } from "../provider/find-created.js";
import { plain, typed, type CheckEnv, type ResourceHandler } from "../provider/handler.js";
import { limitedCall, operationLimits, primaryCall } from "../runtime/api-limits.js";
import { call } from "../runtime/call.js";
import type { AwsContext } from "../runtime/context.js";
import { orMissing, readConfirmed } from "../runtime/read.js";
import { retrying } from "../runtime/retry.js";
import { tagChanges, tagsField, withDefaultTags, type Tags } from "../tags.js";
import { isNotFound, logs, LOGS_RATES, type LogsHandle } from "./clients.js";
import { echoingInputs, NAME_SOURCES } from "../provider/secrecy.js";

interface LogGroupInputs {
  readonly name?: string;
  readonly namePrefix?: string;
  readonly retentionInDays?: number;
  readonly kmsKeyId?: string;
  readonly logGroupClass: "STANDARD" | "INFREQUENT_ACCESS";
  readonly tags: Tags;
}

const RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];
const LOG_GROUP_NAMES: NameRules = { maxLength: 512, allowed: /[\w.\-/#]/ };
const FIELDS: Fields = {
  name: str({ pattern: /^[\w.\-/#]{1,512}$/, expected: "a name of letters, digits and ._-/#" }),
  namePrefix: str({ pattern: /^[\w.\-/#]{1,483}$/, expected: "a prefix of letters, digits and ._-/#" }),
  retentionInDays: num({ integer: true, min: 1 }),
  kmsKeyId: str({ pattern: /^arn:/, expected: "a KMS key ARN" }),
  logGroupClass: str({ oneOf: ["STANDARD", "INFREQUENT_ACCESS"], default: "STANDARD" }),
  tags: tagsField(),
};

/** The provider side of `aws:cloudwatch/LogGroup`; the id is the group's name. */
export const logGroupHandler: ResourceHandler = {
  token: "aws:cloudwatch/LogGroup",
  schema: {
    derivedFrom: echoingInputs(FIELDS, { name: NAME_SOURCES, arn: NAME_SOURCES }),
    replaceOnChanges: ["name", "namePrefix", "logGroupClass"], stableOutputs: ["id", "arn", "name"],
  },
  nameProperty: "name",
  parameterHints: { retentionInDays: "retentionInDays", kmsKeyId: "kmsKeyId", logGroupName: "name" },
  check: (inputs: PropertyMap, env: CheckEnv): CheckResult => {
    const { inputs: out, failures } = checkFields(FIELDS, inputs);
    if (typeof out.retentionInDays === "number" && !RETENTION_DAYS.includes(out.retentionInDays)) failures.push({ property: "retentionInDays", reason: `expected one of ${RETENTION_DAYS.join(", ")}, got ${out.retentionInDays}` });
    if (typeof inputs.name === "string" && typeof inputs.namePrefix === "string") failures.push({ property: "namePrefix", reason: "give either name or namePrefix, not both" });
    return { inputs: { ...out, tags: withDefaultTags(out.tags, env.settings.defaultTags) } as PropertyMap, failures };
  },
  create: async (ctx, raw, token) => {
    const inputs = typed<LogGroupInputs>(raw);
    const client = await logs(ctx);
    const logGroupName = createdName(ctx, inputs, token);
    const input = { logGroupName, kmsKeyId: inputs.kmsKeyId, logGroupClass: inputs.logGroupClass, tags: Object.keys(inputs.tags).length ? { ...inputs.tags } : undefined };
    try {
      await primaryCall(ctx, LOGS_RATES, "CreateLogGroup", () => client.client.send(new client.sdk.CreateLogGroupCommand(input)))();
    } catch (error) {
      if (!hasAwsCode(error, ["ResourceAlreadyExistsException"]) || inputs.name === undefined) throw error;
      throw new CairnError("PROVIDER_ERROR", `A log group named "${logGroupName}" [property "name"] already exists. Adopt it with the import option (import: "${logGroupName}"), or choose another name.`, { cause: error });
    }
    if (inputs.retentionInDays !== undefined) await setRetention(ctx, client, logGroupName, inputs.retentionInDays);
    const group = await readConfirmed(ctx, () => describe(ctx, client, logGroupName));
    return { id: logGroupName, outputs: outputsOf(inputs, logGroupName, group) };
  },
  findCreated: (ctx, raw, token) => findByName(createdName(ctx, typed<LogGroupInputs>(raw), token), typed<LogGroupInputs>(raw).name, token, (name) => readLogGroup(ctx, name, raw)),
  read: readLogGroup,
  update: async (ctx, logGroupName, olds, news, oldOutputs) => {
    const was = typed<LogGroupInputs>(olds);
    const now = typed<LogGroupInputs>(news);
    const client = await logs(ctx);
    const send = <T>(api: string, fn: () => Promise<T>) => retrying(ctx, () => limitedCall(ctx, LOGS_RATES, api, fn));
    if (was.retentionInDays !== now.retentionInDays) {
      if (now.retentionInDays !== undefined) await setRetention(ctx, client, logGroupName, now.retentionInDays);
      else await send("DeleteRetentionPolicy", () => client.client.send(new client.sdk.DeleteRetentionPolicyCommand({ logGroupName })));
    }
    if (was.kmsKeyId !== now.kmsKeyId) {
      if (now.kmsKeyId !== undefined) await send("AssociateKmsKey", () => client.client.send(new client.sdk.AssociateKmsKeyCommand({ logGroupName, kmsKeyId: now.kmsKeyId })));
      else await send("DisassociateKmsKey", () => client.client.send(new client.sdk.DisassociateKmsKeyCommand({ logGroupName })));
    }
    const { set, remove } = tagChanges(was.tags, now.tags);
    const resourceArn = String(oldOutputs.arn);
    if (Object.keys(set).length) await send("TagResource", () => client.client.send(new client.sdk.TagResourceCommand({ resourceArn, tags: set })));
    if (remove.length) await send("UntagResource", () => client.client.send(new client.sdk.UntagResourceCommand({ resourceArn, tagKeys: remove })));
    return plain({ ...now, name: logGroupName, arn: oldOutputs.arn });
  },
  delete: async (ctx, logGroupName) => {
    const client = await logs(ctx);
    await orMissing(primaryCall(ctx, LOGS_RATES, "DeleteLogGroup", () => client.client.send(new client.sdk.DeleteLogGroupCommand({ logGroupName })))(), isNotFound);
  },
  limits: operationLimits(LOGS_RATES, { create: "CreateLogGroup", delete: "DeleteLogGroup" }),
};

function setRetention(ctx: AwsContext, client: LogsHandle, logGroupName: string, retentionInDays: number) {
  const input = { logGroupName, retentionInDays };
  return retrying(ctx, () => limitedCall(ctx, LOGS_RATES, "PutRetentionPolicy", () => client.client.send(new client.sdk.PutRetentionPolicyCommand(input))), { retryIf: isNotFound, budgetMs: 30_000 });
}

/** The group of exactly this name (DescribeLogGroups matches a prefix). */
async function describe(ctx: AwsContext, client: LogsHandle, name: string): Promise<AwsLogGroup | undefined> {
  let nextToken: string | undefined;
  do {
    const page = await limitedCall(ctx, LOGS_RATES, "DescribeLogGroups", () => client.client.send(new client.sdk.DescribeLogGroupsCommand({ logGroupNamePrefix: name, nextToken })));
    const found = page.logGroups?.find((g) => g.logGroupName === name);
    if (found !== undefined) return found;
    nextToken = page.nextToken;
  } while (nextToken);
  return undefined;
}

/** The ARN tagging takes: without the `:*` DescribeLogGroups appends. */
function arnOf(group: AwsLogGroup | undefined): string | undefined {
  return group?.logGroupArn ?? group?.arn?.replace(/:\*$/, "");
}

async function readLogGroup(ctx: AwsContext, name: string, inputs: PropertyMap): Promise<ReadResult | undefined> {
  const client = await logs(ctx);
  const group = await readConfirmed(ctx, () => describe(ctx, client, name));
  if (group === undefined) return undefined;
  const recorded = typed<LogGroupInputs>(inputs);
  const imported = Object.keys(inputs).length === 0;
  const tags = await retrying(ctx, () => limitedCall(ctx, LOGS_RATES, "ListTagsForResource", () => client.client.send(new client.sdk.ListTagsForResourceCommand({ resourceArn: arnOf(group) }))));
  const current: LogGroupInputs = {
    ...recorded,
    name: recorded.name !== undefined || imported ? name : undefined,
    retentionInDays: group.retentionInDays,
    kmsKeyId: group.kmsKeyId,
    logGroupClass: (group.logGroupClass as LogGroupInputs["logGroupClass"]) ?? "STANDARD",
    tags: Object.fromEntries(Object.entries(tags.tags ?? {}).filter(([k]) => !k.startsWith("aws:"))),
  };
  return { id: name, inputs: plain(current as never), outputs: outputsOf(current, name, group) };
}

function outputsOf(inputs: LogGroupInputs, name: string, group: AwsLogGroup | undefined): PropertyMap {
  return plain({ ...inputs, name, arn: arnOf(group) });
}

/** The name a create with this token gives the object; `findCreated` looks for the same one. */
function createdName(ctx: AwsContext, inputs: LogGroupInputs, token: string): string {
  return physicalName(inputs.name, inputs.namePrefix, ctx.call.name, token, LOG_GROUP_NAMES);
}
