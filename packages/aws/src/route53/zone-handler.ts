import type { GetHostedZoneCommandOutput, HostedZone } from "@aws-sdk/client-route-53";
import { CairnError, hintText, type Hint } from "@cairn/core";
import type { CheckResult, DiffResult, PropertyMap, ReadResult } from "@cairn/core/provider";
import { bool, checkFields, list, record, str, type Fields } from "../check/spec.js";
import { hasAwsCode } from "../errors.js";
import { diffInputs } from "../provider/diff.js";
import { plain, typed, type CheckEnv, type ResourceHandler } from "../provider/handler.js";
import { limitedCall, operationLimits } from "../runtime/api-limits.js";
import { call } from "../runtime/call.js";
import type { AwsContext } from "../runtime/context.js";
import { orMissing, readConfirmed } from "../runtime/read.js";
import { retrying } from "../runtime/retry.js";
import { fromTagList, tagChanges, tagsField, toTagList, withDefaultTags, type Tags } from "../tags.js";
import { bareZoneId, dnsName, isNoSuchZone, route53, ROUTE53_RATES, waitInSync, type Route53Handle } from "./client.js";
import { echoingInputs } from "../provider/secrecy.js";

interface ZoneInputs {
  readonly name: string;
  readonly comment: string;
  readonly vpcs: readonly { readonly vpcId: string; readonly vpcRegion?: string }[];
  readonly delegationSetId?: string;
  readonly forceDestroy: boolean;
  readonly tags: Tags;
}

const FIELDS: Fields = {
  name: str({ required: true, pattern: /^([a-zA-Z0-9_*-]+\.)*[a-zA-Z0-9-]+\.?$/, expected: "a domain such as ml.example.com" }),
  comment: str({ default: "Managed by Cairn", maxLength: 256 }),
  vpcs: list(record({ vpcId: str({ required: true }), vpcRegion: str() }), { default: [] }),
  delegationSetId: str(),
  forceDestroy: bool({ default: false }),
  tags: tagsField(),
};

/** The provider side of `aws:route53/Zone`; the id is the zone id (`Z0123...`). */
export const zoneHandler: ResourceHandler = {
  token: "aws:route53/Zone",
  schema: {
    derivedFrom: echoingInputs(FIELDS, { zoneId: [], arn: [], nameServers: [] }),
    replaceOnChanges: ["name", "delegationSetId"], stableOutputs: ["id", "zoneId", "arn", "name", "nameServers"],
  },
  parameterHints: { DelegationSetId: "delegationSetId", VPCId: "vpcs", "domain name": "name" },
  check: (inputs: PropertyMap, env: CheckEnv): CheckResult => {
    const { inputs: out, failures } = checkFields(FIELDS, inputs);
    const normalized = typeof out.name === "string" ? { ...out, name: dnsName(out.name) } : out;
    return { inputs: { ...normalized, tags: withDefaultTags(out.tags, env.settings.defaultTags) } as PropertyMap, failures };
  },
  diff: diffZone,
  create: createZone,
  read: readZone,
  update: async (ctx, id, olds, news) => {
    const was = typed<ZoneInputs>(olds);
    const now = typed<ZoneInputs>(news);
    const r53 = await route53(ctx);
    if (was.comment !== now.comment) await retrying(ctx, () => limitedCall(ctx, ROUTE53_RATES, "UpdateHostedZoneComment", () => r53.client.send(new r53.sdk.UpdateHostedZoneCommentCommand({ Id: id, Comment: now.comment }))));
    await syncVpcs(ctx, r53, id, was.vpcs, now.vpcs);
    await syncZoneTags(ctx, r53, id, was.tags, now.tags);
    return outputsOf(now, (await readConfirmed(ctx, () => getZone(ctx, r53, id)))!);
  },
  delete: deleteZone,
  limits: operationLimits(ROUTE53_RATES, { create: "CreateHostedZone", update: "UpdateHostedZoneComment", delete: "DeleteHostedZone" }),
};

async function createZone(ctx: AwsContext, raw: PropertyMap, token: string) {
  const inputs = typed<ZoneInputs>(raw);
  const r53 = await route53(ctx);
  const [first, ...others] = inputs.vpcs;
  const input = {
    Name: inputs.name,
    CallerReference: token,
    HostedZoneConfig: { Comment: inputs.comment, PrivateZone: first !== undefined },
    VPC: first === undefined ? undefined : { VPCId: first.vpcId, VPCRegion: (first.vpcRegion ?? ctx.settings.region) as never },
    DelegationSetId: inputs.delegationSetId,
  };
  let zoneId: string;
  let changeId: string | undefined;
  try {
    const out = await call(ctx, "CreateHostedZone", () => r53.client.send(new r53.sdk.CreateHostedZoneCommand(input)));
    zoneId = bareZoneId(out.HostedZone?.Id ?? "");
    changeId = out.ChangeInfo?.Id;
  } catch (error) {
    // The caller reference is this create's token: an earlier attempt made the zone.
    if (!hasAwsCode(error, ["HostedZoneAlreadyExists"])) throw error;
    const mine = await findByCallerReference(ctx, r53, inputs.name, token);
    if (mine === undefined) throw error;
    zoneId = bareZoneId(mine.Id ?? "");
  }
  await waitInSync(ctx, r53, changeId);
  for (const vpc of others) {
    const assoc = { HostedZoneId: zoneId, VPC: { VPCId: vpc.vpcId, VPCRegion: (vpc.vpcRegion ?? ctx.settings.region) as never } };
    const out = await retrying(ctx, () => limitedCall(ctx, ROUTE53_RATES, "AssociateVPCWithHostedZone", () => r53.client.send(new r53.sdk.AssociateVPCWithHostedZoneCommand(assoc))));
    await waitInSync(ctx, r53, out.ChangeInfo?.Id);
  }
  await syncZoneTags(ctx, r53, zoneId, {}, inputs.tags);
  const zone = await readConfirmed(ctx, () => getZone(ctx, r53, zoneId));
  if (zone === undefined) throw new CairnError("PROVIDER_ERROR", `${ctx.label}: zone ${zoneId} was not found after it was created.`, { urn: ctx.call.urn });
  return { id: zoneId, outputs: outputsOf(inputs, zone) };
}

/** A private zone's VPCs change in place; turning a public zone private (or back) replaces it, as Route 53 cannot. */
function diffZone(olds: PropertyMap, news: PropertyMap): DiffResult {
  const base = diffInputs(zoneHandler, olds, news);
  const count = (v: unknown) => (Array.isArray(v) ? v.length : 0);
  if (!base.changes?.includes("vpcs") || (count(olds.vpcs) > 0) === (count(news.vpcs) > 0)) return base;
  return { ...base, replaces: [...(base.replaces ?? []), "vpcs"] };
}

/** Associates the VPCs added and disassociates those removed, each change waited for until INSYNC; adds come first, so a private zone never has none. */
async function syncVpcs(ctx: AwsContext, r53: Route53Handle, HostedZoneId: string, had: ZoneInputs["vpcs"], wanted: ZoneInputs["vpcs"]): Promise<void> {
  const region = (v: ZoneInputs["vpcs"][number]) => (v.vpcRegion ?? ctx.settings.region) as never;
  const has = (list: ZoneInputs["vpcs"], v: ZoneInputs["vpcs"][number]) => list.some((x) => x.vpcId === v.vpcId && region(x) === region(v));
  for (const vpc of wanted.filter((v) => !has(had, v))) {
    const input = { HostedZoneId, VPC: { VPCId: vpc.vpcId, VPCRegion: region(vpc) } };
    const out = await retrying(ctx, () => limitedCall(ctx, ROUTE53_RATES, "AssociateVPCWithHostedZone", () => r53.client.send(new r53.sdk.AssociateVPCWithHostedZoneCommand(input))));
    await waitInSync(ctx, r53, out.ChangeInfo?.Id);
  }
  for (const vpc of had.filter((v) => !has(wanted, v))) {
    const input = { HostedZoneId, VPC: { VPCId: vpc.vpcId, VPCRegion: region(vpc) } };
    const out = await retrying(ctx, () => limitedCall(ctx, ROUTE53_RATES, "DisassociateVPCFromHostedZone", () => r53.client.send(new r53.sdk.DisassociateVPCFromHostedZoneCommand(input))));
    await waitInSync(ctx, r53, out.ChangeInfo?.Id);
  }
}

async function findByCallerReference(ctx: AwsContext, r53: Route53Handle, name: string, reference: string): Promise<HostedZone | undefined> {
  const out = await limitedCall(ctx, ROUTE53_RATES, "ListHostedZonesByName", () => r53.client.send(new r53.sdk.ListHostedZonesByNameCommand({ DNSName: name })));
  return out.HostedZones?.find((z) => z.CallerReference === reference && dnsName(z.Name ?? "") === dnsName(name));
}

function getZone(ctx: AwsContext, r53: Route53Handle, Id: string): Promise<GetHostedZoneCommandOutput | undefined> {
  return orMissing(limitedCall(ctx, ROUTE53_RATES, "GetHostedZone", () => r53.client.send(new r53.sdk.GetHostedZoneCommand({ Id }))), isNoSuchZone);
}

async function syncZoneTags(ctx: AwsContext, r53: Route53Handle, ResourceId: string, olds: Tags, news: Tags): Promise<void> {
  const { set, remove } = tagChanges(olds, news);
  if (Object.keys(set).length === 0 && remove.length === 0) return;
  const input = { ResourceType: "hostedzone" as const, ResourceId, AddTags: Object.keys(set).length ? toTagList(set) : undefined, RemoveTagKeys: remove.length ? remove : undefined };
  await retrying(ctx, () => limitedCall(ctx, ROUTE53_RATES, "ChangeTagsForResource", () => r53.client.send(new r53.sdk.ChangeTagsForResourceCommand(input))), { retryIf: isNoSuchZone, budgetMs: 30_000 });
}

async function deleteZone(ctx: AwsContext, Id: string, inputs: PropertyMap): Promise<void> {
  const r53 = await route53(ctx);
  if (typed<ZoneInputs>(inputs).forceDestroy === true) await emptyZone(ctx, r53, Id);
  try {
    const out = await orMissing(call(ctx, "DeleteHostedZone", () => r53.client.send(new r53.sdk.DeleteHostedZoneCommand({ Id }))), isNoSuchZone);
    await waitInSync(ctx, r53, out?.ChangeInfo?.Id);
  } catch (error) {
    if (!hasAwsCode(error, ["HostedZoneNotEmpty"])) throw error;
    const deploy: Hint = { kind: "deploy" };
    throw new CairnError("PROVIDER_ERROR", `${ctx.label}: zone ${Id} still holds records this stack does not manage. Delete them, or set forceDestroy: true (${hintText(deploy)}) to delete them with the zone.`, { urn: ctx.call.urn, cause: error, hints: [deploy] });
  }
}

/** Deletes every record but the zone's own SOA and NS. */
async function emptyZone(ctx: AwsContext, r53: Route53Handle, HostedZoneId: string): Promise<void> {
  const zone = await getZone(ctx, r53, HostedZoneId);
  if (zone === undefined) return;
  const apex = dnsName(zone.HostedZone?.Name ?? "");
  const page = await limitedCall(ctx, ROUTE53_RATES, "ListResourceRecordSets", () => r53.client.send(new r53.sdk.ListResourceRecordSetsCommand({ HostedZoneId })));
  const doomed = (page.ResourceRecordSets ?? []).filter((r) => !(dnsName(r.Name ?? "") === apex && (r.Type === "SOA" || r.Type === "NS")));
  if (doomed.length === 0) return;
  const input = { HostedZoneId, ChangeBatch: { Changes: doomed.map((r) => ({ Action: "DELETE" as const, ResourceRecordSet: r })) } };
  const out = await retrying(ctx, () => limitedCall(ctx, ROUTE53_RATES, "ChangeResourceRecordSets", () => r53.client.send(new r53.sdk.ChangeResourceRecordSetsCommand(input))));
  await waitInSync(ctx, r53, out.ChangeInfo?.Id);
  if (page.IsTruncated) await emptyZone(ctx, r53, HostedZoneId);
}

async function readZone(ctx: AwsContext, id: string, inputs: PropertyMap): Promise<ReadResult | undefined> {
  const r53 = await route53(ctx);
  const zone = await readConfirmed(ctx, () => getZone(ctx, r53, id));
  if (zone === undefined) return undefined;
  const recorded = typed<ZoneInputs>(inputs);
  const tags = await retrying(ctx, () => limitedCall(ctx, ROUTE53_RATES, "ListTagsForResource", () => r53.client.send(new r53.sdk.ListTagsForResourceCommand({ ResourceType: "hostedzone", ResourceId: id }))));
  const current: ZoneInputs = {
    ...recorded,
    name: dnsName(zone.HostedZone?.Name ?? ""),
    comment: zone.HostedZone?.Config?.Comment ?? "",
    vpcs: (zone.VPCs ?? []).map((v) => ({ vpcId: v.VPCId ?? "", vpcRegion: recorded.vpcs?.find((r) => r.vpcId === v.VPCId)?.vpcRegion ?? (v.VPCRegion === ctx.settings.region ? undefined : v.VPCRegion) })),
    // Route 53 reports a set for every zone; only a reusable one chosen by the program is an input.
    delegationSetId: recorded.delegationSetId,
    forceDestroy: recorded.forceDestroy ?? false,
    tags: fromTagList(tags.ResourceTagSet?.Tags),
  };
  return { id, inputs: plain(current as never), outputs: outputsOf(current, zone) };
}

function outputsOf(inputs: ZoneInputs, zone: GetHostedZoneCommandOutput): PropertyMap {
  const zoneId = bareZoneId(zone.HostedZone?.Id ?? "");
  return plain({ ...inputs, zoneId, arn: `arn:aws:route53:::hostedzone/${zoneId}`, nameServers: zone.DelegationSet?.NameServers ?? [] });
}
