import type { Rule } from "@aws-sdk/client-elastic-load-balancing-v2";
import { deepEqual, type ReadResult } from "@cairn/core/provider";
import { num, str, type Fields } from "../check/spec.js";
import { plain, typed, type ResourceHandler } from "../provider/handler.js";
import type { Elbv2Handle } from "../runtime/client-factory.js";
import type { AwsContext } from "../runtime/context.js";
import { orMissing, readConfirmed } from "../runtime/read.js";
import { retrying } from "../runtime/retry.js";
import { checkTagged, tagsField, type Tags } from "../tags.js";
import { actionProblems, actionsField, conditionProblems, conditionsField, fromActions, fromConditions, toActions, toConditions, type ActionInputs, type ConditionInputs } from "./actions.js";
import { elbCall, elbLimit, elbPrimary, elbTags, isElbNotFound, readElbTags, updateElbTags } from "./common.js";
import { echoingInputs } from "../provider/secrecy.js";

interface RuleInputs {
  readonly listenerArn: string;
  readonly priority: number;
  readonly conditions: readonly ConditionInputs[];
  readonly actions: readonly ActionInputs[];
  readonly tags: Tags;
}

const FIELDS: Fields = {
  listenerArn: str({ required: true }),
  priority: num({ required: true, integer: true, min: 1, max: 50_000 }),
  conditions: conditionsField(),
  actions: actionsField(),
  tags: tagsField(),
};

/** The provider side of `aws:lb/ListenerRule`; the id is its ARN. */
export const listenerRuleHandler: ResourceHandler = {
  token: "aws:lb/ListenerRule",
  schema: {
    derivedFrom: echoingInputs(FIELDS, { arn: ["listenerArn"] }),
    replaceOnChanges: ["listenerArn"], stableOutputs: ["id", "arn"],
  },
  parameterHints: { Priority: "priority", Conditions: "conditions", Actions: "actions", TargetGroup: "actions" },
  check: (inputs, env) => {
    const result = checkTagged(FIELDS, inputs, env.settings.defaultTags);
    const failures = [
      ...(result.failures ?? []),
      ...actionProblems(result.inputs.actions as unknown as ActionInputs[], "actions"),
      ...conditionProblems(result.inputs.conditions as unknown as ConditionInputs[]),
    ];
    return { inputs: result.inputs, failures };
  },
  create: async (ctx, raw) => {
    const inputs = typed<RuleInputs>(raw);
    const elb = await ctx.clients.elbv2();
    const request = {
      ListenerArn: inputs.listenerArn,
      Priority: inputs.priority,
      Conditions: toConditions(inputs.conditions),
      Actions: toActions(inputs.actions),
      Tags: elbTags(inputs.tags),
    };
    const send = elbPrimary(ctx, "CreateRule", () => elb.client.send(new elb.sdk.CreateRuleCommand(request)));
    const created = await retrying(ctx, send, { retryIf: isElbNotFound });
    const arn = created.Rules?.[0]?.RuleArn as string;
    await readConfirmed(ctx, () => describeRule(ctx, elb, arn));
    return { id: arn, outputs: plain({ ...inputs, arn }) };
  },
  read: async (ctx, id, inputs): Promise<ReadResult | undefined> => {
    const elb = await ctx.clients.elbv2();
    const found = await readConfirmed(ctx, () => describeRule(ctx, elb, id));
    if (found === undefined) return undefined;
    const recorded = typed<RuleInputs>(inputs);
    const current: RuleInputs = {
      ...recorded,
      listenerArn: recorded.listenerArn ?? listenerOf(id),
      priority: Number(found.Priority),
      conditions: fromConditions(found.Conditions),
      actions: fromActions(found.Actions),
      tags: await readElbTags(ctx, elb, id),
    };
    return { id, inputs: plain(current as never), outputs: plain({ ...current, arn: id }) };
  },
  update: async (ctx, id, olds, news) => {
    const elb = await ctx.clients.elbv2();
    const was = typed<RuleInputs>(olds);
    const now = typed<RuleInputs>(news);
    if (was.priority !== now.priority) {
      const request = { RulePriorities: [{ RuleArn: id, Priority: now.priority }] };
      await retrying(ctx, () => elbCall(ctx, "SetRulePriorities", () => elb.client.send(new elb.sdk.SetRulePrioritiesCommand(request))));
    }
    if (!deepEqual(was.conditions, now.conditions) || !deepEqual(was.actions, now.actions)) {
      const request = { RuleArn: id, Conditions: toConditions(now.conditions), Actions: toActions(now.actions) };
      await retrying(ctx, () => elbCall(ctx, "ModifyRule", () => elb.client.send(new elb.sdk.ModifyRuleCommand(request))), { retryIf: isElbNotFound });
    }
    await updateElbTags(ctx, elb, id, was.tags, now.tags);
    return plain({ ...now, arn: id });
  },
  delete: async (ctx, id) => {
    const elb = await ctx.clients.elbv2();
    try {
      await elbPrimary(ctx, "DeleteRule", () => elb.client.send(new elb.sdk.DeleteRuleCommand({ RuleArn: id })))();
    } catch (error) {
      if (!isElbNotFound(error)) throw error;
    }
  },
  limits: (operation) => (operation === "create" ? elbLimit("CreateRule") : operation === "delete" ? elbLimit("DeleteRule") : undefined),
};

/** The listener ARN within a rule ARN (`…:listener-rule/app/x/y/z/rule` → `…:listener/app/x/y/z`). */
function listenerOf(ruleArn: string): string {
  return ruleArn.replace(":listener-rule/", ":listener/").replace(/\/[^/]+$/, "");
}

async function describeRule(ctx: AwsContext, elb: Elbv2Handle, arn: string): Promise<Rule | undefined> {
  const out = await orMissing(elbCall(ctx, "DescribeRules", () => elb.client.send(new elb.sdk.DescribeRulesCommand({ RuleArns: [arn] }))), isElbNotFound);
  return out?.Rules?.[0];
}

