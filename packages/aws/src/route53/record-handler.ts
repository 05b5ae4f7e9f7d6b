import type { ResourceRecordSet } from "@aws-sdk/client-route-53";
import { CairnError } from "@cairn/core";
import type { CheckResult, PropertyMap, ReadResult } from "@cairn/core/provider";
import { bool, checkFields, list, num, record, str, type Fields } from "../check/spec.js";
import { hasAwsCode } from "../errors.js";
import { plain, typed, type ResourceHandler } from "../provider/handler.js";
import { limitedCall, operationLimits, primaryCall } from "../runtime/api-limits.js";
import type { AwsContext } from "../runtime/context.js";
import { orMissing, readConfirmed } from "../runtime/read.js";
import { retrying } from "../runtime/retry.js";
import { dnsName, isNoSuchZone, route53, ROUTE53_RATES, waitInSync, type Route53Handle } from "./client.js";
import { echoingInputs } from "../provider/secrecy.js";

interface RecordInputs {
  readonly zoneId: string;
  readonly name: string;
  readonly type: string;
  readonly ttl?: number;
  readonly records?: readonly string[];
  readonly alias?: { readonly name: string; readonly zoneId: string; readonly evaluateTargetHealth: boolean };
  readonly setIdentifier?: string;
  readonly weight?: number;
  readonly allowOverwrite: boolean;
}

const TYPES = ["A", "AAAA", "CAA", "CNAME", "DS", "HTTPS", "MX", "NAPTR", "NS", "PTR", "SOA", "SPF", "SRV", "SSHFP", "SVCB", "TLSA", "TXT"];
const FIELDS: Fields = {
  zoneId: str({ required: true }),
  name: str({ required: true }),
  type: str({ required: true, oneOf: TYPES }),
  ttl: num({ integer: true, min: 0, max: 2147483647 }),
  records: list(str(), { minItems: 1 }),
  alias: record({ name: str({ required: true }), zoneId: str({ required: true }), evaluateTargetHealth: bool({ default: false }) }),
  setIdentifier: str({ maxLength: 128 }),
  weight: num({ integer: true, min: 0, max: 255 }),
  allowOverwrite: bool({ default: false }),
};

/** The provider side of `aws:route53/Record`; the id is `<zone id>_<name>_<type>` (`_<set identifier>` after it when set). */
export const recordHandler: ResourceHandler = {
  token: "aws:route53/Record",
  schema: {
    derivedFrom: echoingInputs(FIELDS, { fqdn: ["name"] }),
    replaceOnChanges: ["zoneId", "name", "type", "setIdentifier"], stableOutputs: ["id", "fqdn"],
  },
  parameterHints: { TTL: "ttl", ResourceRecords: "records", AliasTarget: "alias", SetIdentifier: "setIdentifier", Weight: "weight" },
  check: (inputs: PropertyMap): CheckResult => {
    const { inputs: out, failures } = checkFields(FIELDS, inputs);
    if ((inputs.records == null) === (inputs.alias == null)) failures.push({ property: "records", reason: "give exactly one of records and alias" });
    if (inputs.records != null && inputs.ttl == null) failures.push({ property: "ttl", reason: "records need a ttl" });
    if (inputs.weight != null && inputs.setIdentifier == null) failures.push({ property: "setIdentifier", reason: "a weighted record needs a setIdentifier" });
    return { inputs: typeof out.name === "string" ? { ...out, name: dnsName(out.name) } : out, failures };
  },
  create: async (ctx, raw) => {
    const inputs = typed<RecordInputs>(raw);
    const r53 = await route53(ctx);
    try {
      await change(ctx, r53, inputs.zoneId, inputs.allowOverwrite ? "UPSERT" : "CREATE", setOf(inputs));
    } catch (error) {
      if (!(hasAwsCode(error, ["InvalidChangeBatch"]) && /already exists/i.test(String((error as Error).message)))) throw error;
      throw new CairnError("PROVIDER_ERROR", `A ${inputs.type} record "${inputs.name}" [property "name"] already exists in zone ${inputs.zoneId}. Adopt it with the import option (import: "${idOf(inputs)}"), or set allowOverwrite: true.`, { cause: error });
    }
    return { id: idOf(inputs), outputs: plain({ ...inputs, fqdn: inputs.name }) };
  },
  read: readRecord,
  update: async (ctx, _id, _olds, news) => {
    const inputs = typed<RecordInputs>(news);
    const r53 = await route53(ctx);
    await change(ctx, r53, inputs.zoneId, "UPSERT", setOf(inputs));
    return plain({ ...inputs, fqdn: inputs.name });
  },
  delete: async (ctx, id) => {
    const r53 = await route53(ctx);
    const key = splitRecordId(id);
    // DELETE must name the record exactly as it is now.
    const current = await orMissing(findRecord(ctx, r53, key.zoneId, key.name, key.type, key.setIdentifier), isNoSuchZone);
    if (current === undefined) return;
    await change(ctx, r53, key.zoneId, "DELETE", current);
  },
  limits: operationLimits(ROUTE53_RATES, { create: "ChangeResourceRecordSets", update: "ChangeResourceRecordSets", delete: "ChangeResourceRecordSets" }),
};

function idOf(r: RecordInputs): string {
  return [r.zoneId, r.name, r.type, ...(r.setIdentifier === undefined ? [] : [r.setIdentifier])].join("_");
}

function splitRecordId(id: string): { zoneId: string; name: string; type: string; setIdentifier?: string } {
  // Names may hold underscores (`_acme-challenge`): the type is the last part that is a record type.
  const parts = id.split("_");
  let at = parts.length - 1;
  while (at > 1 && !TYPES.includes(parts[at]!)) at--;
  if (at < 2) throw new CairnError("PROVIDER_ERROR", `A record id is "<zone id>_<name>_<type>" (such as "Z0123_api.example.com_A"), got "${id}".`);
  const setIdentifier = parts.slice(at + 1).join("_");
  return { zoneId: parts[0]!, name: dnsName(parts.slice(1, at).join("_")), type: parts[at]!, ...(setIdentifier ? { setIdentifier } : {}) };
}

function setOf(r: RecordInputs): ResourceRecordSet {
  return {
    Name: r.name,
    Type: r.type as ResourceRecordSet["Type"],
    TTL: r.alias === undefined ? r.ttl : undefined,
    ResourceRecords: r.records?.map((Value) => ({ Value })),
    AliasTarget: r.alias === undefined ? undefined : { DNSName: r.alias.name, HostedZoneId: r.alias.zoneId, EvaluateTargetHealth: r.alias.evaluateTargetHealth },
    SetIdentifier: r.setIdentifier,
    Weight: r.weight,
  };
}

/** One change of one record, then Route 53's waiter until it is INSYNC. ChangeResourceRecordSets is every operation's primary API. */
async function change(ctx: AwsContext, r53: Route53Handle, HostedZoneId: string, Action: "CREATE" | "UPSERT" | "DELETE", set: ResourceRecordSet): Promise<void> {
  const input = { HostedZoneId, ChangeBatch: { Changes: [{ Action, ResourceRecordSet: set }] } };
  const fn = () => r53.client.send(new r53.sdk.ChangeResourceRecordSetsCommand(input));
  const send = primaryCall(ctx, ROUTE53_RATES, "ChangeResourceRecordSets", fn);
  // Another change to the zone in flight answers PriorRequestNotComplete, which is retried as throttling.
  const out = await retrying(ctx, send);
  await waitInSync(ctx, r53, out.ChangeInfo?.Id);
}

async function findRecord(ctx: AwsContext, r53: Route53Handle, HostedZoneId: string, name: string, type: string, setIdentifier?: string): Promise<ResourceRecordSet | undefined> {
  const input = { HostedZoneId, StartRecordName: name, StartRecordType: type as ResourceRecordSet["Type"], StartRecordIdentifier: setIdentifier, MaxItems: 10 };
  const out = await retrying(ctx, () => limitedCall(ctx, ROUTE53_RATES, "ListResourceRecordSets", () => r53.client.send(new r53.sdk.ListResourceRecordSetsCommand(input))));
  return out.ResourceRecordSets?.find((r) => dnsName(r.Name ?? "") === name && r.Type === type && r.SetIdentifier === setIdentifier);
}

async function readRecord(ctx: AwsContext, id: string, inputs: PropertyMap): Promise<ReadResult | undefined> {
  const r53 = await route53(ctx);
  const key = splitRecordId(id);
  const found = await readConfirmed(ctx, () => orMissing(findRecord(ctx, r53, key.zoneId, key.name, key.type, key.setIdentifier), isNoSuchZone));
  if (found === undefined) return undefined;
  const recorded = typed<RecordInputs>(inputs);
  const alias = found.AliasTarget;
  const current: RecordInputs = {
    zoneId: key.zoneId,
    name: key.name,
    type: key.type,
    ttl: found.TTL,
    records: found.ResourceRecords?.map((r) => r.Value ?? ""),
    alias: alias === undefined ? undefined : { name: dnsName(alias.DNSName ?? ""), zoneId: alias.HostedZoneId ?? "", evaluateTargetHealth: alias.EvaluateTargetHealth ?? false },
    setIdentifier: found.SetIdentifier,
    weight: found.Weight,
    allowOverwrite: recorded.allowOverwrite ?? false,
  };
  // Keep the program's spelling of an alias name that differs only by case or trailing dot.
  const kept = recorded.alias !== undefined && current.alias !== undefined && dnsName(recorded.alias.name) === current.alias.name ? { ...current, alias: { ...current.alias, name: recorded.alias.name } } : current;
  return { id, inputs: plain(kept as never), outputs: plain({ ...kept, fqdn: key.name }) };
}
