import { call } from "../runtime/call.js";
import type { IamHandle } from "../runtime/client-factory.js";
import type { AwsContext } from "../runtime/context.js";
import { decodePolicy, samePolicy, type PolicyDocument } from "./policy-document.js";

/** The managed policy ARNs attached to a role. */
export async function attachedPolicies(ctx: AwsContext, iam: IamHandle, RoleName: string): Promise<string[]> {
  const arns: string[] = [];
  let Marker: string | undefined;
  do {
    const page = await call(ctx, "ListAttachedRolePolicies", () => iam.client.send(new iam.sdk.ListAttachedRolePoliciesCommand({ RoleName, Marker })));
    for (const policy of page.AttachedPolicies ?? []) if (policy.PolicyArn) arns.push(policy.PolicyArn);
    Marker = page.IsTruncated ? page.Marker : undefined;
  } while (Marker);
  return arns.sort();
}

/** The names of a role's inline policies, sorted. */
export async function inlinePolicyNames(ctx: AwsContext, iam: IamHandle, RoleName: string): Promise<string[]> {
  const names: string[] = [];
  let Marker: string | undefined;
  do {
    const page = await call(ctx, "ListRolePolicies", () => iam.client.send(new iam.sdk.ListRolePoliciesCommand({ RoleName, Marker })));
    names.push(...(page.PolicyNames ?? []));
    Marker = page.IsTruncated ? page.Marker : undefined;
  } while (Marker);
  return names.sort();
}

/** The inline policies of a role, by name. */
export async function inlinePolicies(ctx: AwsContext, iam: IamHandle, RoleName: string): Promise<Record<string, PolicyDocument>> {
  const out: Record<string, PolicyDocument> = {};
  for (const PolicyName of await inlinePolicyNames(ctx, iam, RoleName)) {
    const policy = await call(ctx, "GetRolePolicy", () => iam.client.send(new iam.sdk.GetRolePolicyCommand({ RoleName, PolicyName })));
    out[PolicyName] = decodePolicy(policy.PolicyDocument) ?? {};
  }
  return out;
}

/** Attaches and detaches managed policies so the role has exactly `wanted`. */
export async function syncAttached(ctx: AwsContext, iam: IamHandle, RoleName: string, had: readonly string[], wanted: readonly string[]): Promise<void> {
  for (const PolicyArn of wanted.filter((arn) => !had.includes(arn))) {
    await call(ctx, "AttachRolePolicy", () => iam.client.send(new iam.sdk.AttachRolePolicyCommand({ RoleName, PolicyArn })));
  }
  for (const PolicyArn of had.filter((arn) => !wanted.includes(arn))) {
    await call(ctx, "DetachRolePolicy", () => iam.client.send(new iam.sdk.DetachRolePolicyCommand({ RoleName, PolicyArn })));
  }
}

/** Puts changed inline policies and deletes removed ones. */
export async function syncInline(
  ctx: AwsContext,
  iam: IamHandle,
  RoleName: string,
  had: Readonly<Record<string, PolicyDocument>>,
  wanted: Readonly<Record<string, PolicyDocument>>,
): Promise<void> {
  for (const [PolicyName, doc] of Object.entries(wanted)) {
    if (had[PolicyName] !== undefined && samePolicy(had[PolicyName], doc)) continue;
    const PolicyDocument = JSON.stringify(doc);
    await call(ctx, "PutRolePolicy", () => iam.client.send(new iam.sdk.PutRolePolicyCommand({ RoleName, PolicyName, PolicyDocument })));
  }
  for (const PolicyName of Object.keys(had).filter((name) => wanted[name] === undefined)) {
    await call(ctx, "DeleteRolePolicy", () => iam.client.send(new iam.sdk.DeleteRolePolicyCommand({ RoleName, PolicyName })));
  }
}
