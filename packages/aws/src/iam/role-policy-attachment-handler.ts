import { CairnError } from "@cairn/core";
import type { CheckResult, PropertyMap, ReadResult } from "@cairn/core/provider";
import { checkFields, str, type Fields } from "../check/spec.js";
import { plain, typed, type ResourceHandler } from "../provider/handler.js";
import { call } from "../runtime/call.js";
import { orMissing, readConfirmed } from "../runtime/read.js";
import { retrying } from "../runtime/retry.js";
import { isNoSuchEntity } from "./common.js";
import { attachedPolicies } from "./role-policies.js";
import { echoingInputs } from "../provider/secrecy.js";

interface AttachmentInputs {
  readonly role: string;
  readonly policyArn: string;
}

const FIELDS: Fields = {
  role: str({ required: true, pattern: /^[\w+=,.@-]{1,64}$/, expected: "a role name (not its ARN)" }),
  policyArn: str({ required: true, pattern: /^arn:/, expected: "a policy ARN" }),
};

/** The provider side of `aws:iam/RolePolicyAttachment`; the id is `<role>/<policy ARN>`. */
export const rolePolicyAttachmentHandler: ResourceHandler = {
  token: "aws:iam/RolePolicyAttachment",
  schema: {
    derivedFrom: echoingInputs(FIELDS, {}),
    replaceOnChanges: ["role", "policyArn"], stableOutputs: ["id"],
  },
  parameterHints: { PolicyArn: "policyArn", RoleName: "role", role: "role", policy: "policyArn" },
  check: (inputs: PropertyMap): CheckResult => checkFields(FIELDS, inputs),
  create: async (ctx, raw) => {
    const inputs = typed<AttachmentInputs>(raw);
    const iam = await ctx.clients.iam();
    const input = { RoleName: inputs.role, PolicyArn: inputs.policyArn };
    // A role or policy made a moment ago may not be visible to IAM yet.
    await retrying(ctx, () => call(ctx, "AttachRolePolicy", () => iam.client.send(new iam.sdk.AttachRolePolicyCommand(input))), { retryIf: isNoSuchEntity, budgetMs: 30_000 });
    return { id: `${inputs.role}/${inputs.policyArn}`, outputs: plain({ ...inputs }) };
  },
  read: async (ctx, id, inputs): Promise<ReadResult | undefined> => {
    const { role, policyArn } = splitId(id);
    const iam = await ctx.clients.iam();
    const attached = await readConfirmed(ctx, async () => {
      const arns = await orMissing(attachedPolicies(ctx, iam, role), isNoSuchEntity);
      return arns?.includes(policyArn) ? true : undefined;
    });
    if (attached === undefined) return undefined;
    const current = { ...typed<AttachmentInputs>(inputs), role, policyArn };
    return { id, inputs: plain(current), outputs: plain(current) };
  },
  delete: async (ctx, id) => {
    const { role, policyArn } = splitId(id);
    const iam = await ctx.clients.iam();
    await orMissing(call(ctx, "DetachRolePolicy", () => iam.client.send(new iam.sdk.DetachRolePolicyCommand({ RoleName: role, PolicyArn: policyArn }))), isNoSuchEntity);
  },
};

function splitId(id: string): AttachmentInputs {
  const at = id.indexOf("/arn:");
  if (at < 0) throw new CairnError("PROVIDER_ERROR", `A role policy attachment id is "<role>/<policy ARN>", got "${id}".`);
  return { role: id.slice(0, at), policyArn: id.slice(at + 1) };
}
