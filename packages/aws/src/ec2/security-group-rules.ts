import type { IpPermission } from "@aws-sdk/client-ec2";
import { deepEqual, isUnknown, type CheckFailure, type PropertyValue } from "@cairn/core/provider";
import { bool, custom, list, num, record, str, type Field } from "../check/spec.js";

/** One security group rule as the program gives it. */
export interface SecurityGroupRule {
  /** `tcp`, `udp`, `icmp`, `icmpv6`, `-1` (all) or a protocol number. */
  readonly protocol: string;
  readonly fromPort: number;
  readonly toPort: number;
  readonly cidrBlocks?: readonly string[];
  readonly ipv6CidrBlocks?: readonly string[];
  readonly securityGroupIds?: readonly string[];
  readonly prefixListIds?: readonly string[];
  /** The group itself is a source. */
  readonly self?: boolean;
  readonly description?: string;
}

/** EC2's own default egress rule: everything, everywhere. */
export const ALLOW_ALL_EGRESS: SecurityGroupRule = { protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] };

const RULE = record({
  protocol: str({ required: true }),
  fromPort: num({ integer: true, min: -1, max: 65535 }),
  toPort: num({ integer: true, min: -1, max: 65535 }),
  cidrBlocks: list(str()),
  ipv6CidrBlocks: list(str()),
  securityGroupIds: list(str()),
  prefixListIds: list(str()),
  self: bool(),
  description: str({ maxLength: 255 }),
});

/** A list of rules: protocols normalised (`all` is `-1`, names lower case, 6/17/1/58 by name), ports required where they matter. */
export function rulesField(defaultRules: readonly SecurityGroupRule[]): Field {
  return custom({ default: defaultRules as unknown as PropertyValue }, (value, path, failures) => {
    const checked = list(RULE).normalize(value, path, failures);
    if (!Array.isArray(checked)) return checked;
    return checked.map((rule, i) => (isUnknown(rule) ? rule : normalizeRule(rule as Record<string, PropertyValue>, `${path}.${i}`, failures)));
  });
}

/** The protocol numbers EC2 reports back by name: a rule given by number is recorded by that name, so it never reads back as drift. */
const NAMED_PROTOCOLS: Readonly<Record<string, string>> = { "1": "icmp", "6": "tcp", "17": "udp", "58": "icmpv6", all: "-1" };

function normalizeRule(rule: Record<string, PropertyValue>, path: string, failures: CheckFailure[]): PropertyValue {
  const lower = typeof rule.protocol === "string" ? rule.protocol.toLowerCase() : undefined;
  const protocol = lower === undefined ? rule.protocol : (NAMED_PROTOCOLS[lower] ?? lower);
  const out: Record<string, PropertyValue> = { ...rule, protocol };
  if (protocol === "-1") {
    out.fromPort = 0;
    out.toPort = 0;
  } else if (rule.fromPort === undefined || rule.toPort === undefined) {
    failures.push({ property: `${path}.fromPort`, reason: `protocol ${JSON.stringify(protocol)} needs fromPort and toPort` });
  }
  const keys = ["cidrBlocks", "ipv6CidrBlocks", "securityGroupIds", "prefixListIds", "self"];
  // A source not known yet (while planning) may turn out to be there.
  const unknown = keys.some((k) => isUnknown(rule[k]));
  const sources = keys.some((k) => (k === "self" ? rule[k] === true : Array.isArray(rule[k]) && (rule[k] as unknown[]).length > 0));
  if (!sources && !unknown) failures.push({ property: path, reason: "a rule needs a source: cidrBlocks, ipv6CidrBlocks, securityGroupIds, prefixListIds or self" });
  return out;
}

/** One rule with one source: the unit EC2 authorizes and revokes. */
export interface AtomicRule {
  readonly protocol: string;
  readonly fromPort: number;
  readonly toPort: number;
  readonly kind: "cidr" | "cidr6" | "group" | "prefixList";
  readonly source: string;
  readonly description?: string;
}

/** Splits rules into one entry per source; `self` becomes the group's own id. */
export function expandRules(rules: readonly SecurityGroupRule[], groupId: string): AtomicRule[] {
  const out: AtomicRule[] = [];
  for (const rule of rules) {
    const base = { protocol: rule.protocol, fromPort: rule.fromPort, toPort: rule.toPort, ...(rule.description ? { description: rule.description } : {}) };
    for (const source of rule.cidrBlocks ?? []) out.push({ ...base, kind: "cidr", source });
    for (const source of rule.ipv6CidrBlocks ?? []) out.push({ ...base, kind: "cidr6", source });
    for (const source of rule.securityGroupIds ?? []) out.push({ ...base, kind: "group", source });
    for (const source of rule.prefixListIds ?? []) out.push({ ...base, kind: "prefixList", source });
    if (rule.self) out.push({ ...base, kind: "group", source: groupId });
  }
  return out;
}

/** The rules of EC2 permissions, one entry per source. */
export function atomicsOf(permissions: readonly IpPermission[] | undefined): AtomicRule[] {
  const out: AtomicRule[] = [];
  for (const p of permissions ?? []) {
    const protocol = p.IpProtocol ?? "-1";
    const base = { protocol, fromPort: protocol === "-1" ? 0 : (p.FromPort ?? 0), toPort: protocol === "-1" ? 0 : (p.ToPort ?? 0) };
    const withDescription = (description: string | undefined) => (description ? { description } : {});
    for (const r of p.IpRanges ?? []) out.push({ ...base, kind: "cidr", source: r.CidrIp ?? "", ...withDescription(r.Description) });
    for (const r of p.Ipv6Ranges ?? []) out.push({ ...base, kind: "cidr6", source: r.CidrIpv6 ?? "", ...withDescription(r.Description) });
    for (const r of p.UserIdGroupPairs ?? []) out.push({ ...base, kind: "group", source: r.GroupId ?? "", ...withDescription(r.Description) });
    for (const r of p.PrefixListIds ?? []) out.push({ ...base, kind: "prefixList", source: r.PrefixListId ?? "", ...withDescription(r.Description) });
  }
  return out;
}

/** One permission for one atomic rule, as AuthorizeSecurityGroup* and RevokeSecurityGroup* take it. */
export function toPermission(rule: AtomicRule): IpPermission {
  const ports = rule.protocol === "-1" ? {} : { FromPort: rule.fromPort, ToPort: rule.toPort };
  const Description = rule.description;
  const source =
    rule.kind === "cidr"
      ? { IpRanges: [{ CidrIp: rule.source, Description }] }
      : rule.kind === "cidr6"
        ? { Ipv6Ranges: [{ CidrIpv6: rule.source, Description }] }
        : rule.kind === "group"
          ? { UserIdGroupPairs: [{ GroupId: rule.source, Description }] }
          : { PrefixListIds: [{ PrefixListId: rule.source, Description }] };
  return { IpProtocol: rule.protocol, ...ports, ...source };
}

/** What to revoke and what to authorize to turn `actual` into `desired`. */
export function ruleChanges(desired: readonly AtomicRule[], actual: readonly AtomicRule[]): { revoke: AtomicRule[]; authorize: AtomicRule[] } {
  const revoke = actual.filter((a) => !desired.some((d) => deepEqual(a, d)));
  const authorize = desired.filter((d) => !actual.some((a) => deepEqual(a, d)));
  return { revoke, authorize };
}

/** Whether two sets of atomic rules are the same, order aside. */
export function sameRules(a: readonly AtomicRule[], b: readonly AtomicRule[]): boolean {
  const { revoke, authorize } = ruleChanges(a, b);
  return revoke.length === 0 && authorize.length === 0 && a.length === b.length;
}

/** Rules in the program's form from atomic rules, one per source (for import and drift). */
export function rulesOf(atomics: readonly AtomicRule[], groupId: string): SecurityGroupRule[] {
  return atomics.map((a) => {
    const source =
      a.kind === "group" && a.source === groupId
        ? { self: true }
        : a.kind === "cidr"
          ? { cidrBlocks: [a.source] }
          : a.kind === "cidr6"
            ? { ipv6CidrBlocks: [a.source] }
            : a.kind === "group"
              ? { securityGroupIds: [a.source] }
              : { prefixListIds: [a.source] };
    return { protocol: a.protocol, fromPort: a.fromPort, toPort: a.toPort, ...source, ...(a.description ? { description: a.description } : {}) };
  });
}
