import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/core";
import type { ResourceType } from "@cairn/core/provider";
import { cairnPackage } from "../package.js";
import type { ListenerActionArgs } from "./listener.js";

const LISTENER_RULE: ResourceType = { token: "aws:lb/ListenerRule", package: cairnPackage };

/** One condition of a rule: exactly one field. */
export interface ListenerRuleConditionArgs {
  /** Paths such as "/rank/*". */
  readonly pathPattern?: Input<{ readonly values: Input<readonly Input<string>[]> }>;
  /** Host names such as "api.example.com". */
  readonly hostHeader?: Input<{ readonly values: Input<readonly Input<string>[]> }>;
  /** Methods such as "POST". */
  readonly httpRequestMethod?: Input<{ readonly values: Input<readonly Input<string>[]> }>;
  /** Client address ranges. */
  readonly sourceIp?: Input<{ readonly values: Input<readonly Input<string>[]> }>;
}

/** The arguments of {@link ListenerRule}. */
export interface ListenerRuleArgs {
  /** The listener; changing it replaces the rule. */
  readonly listenerArn: Input<string>;
  /** 1–50000, lower first, unique per listener; changed in place. */
  readonly priority: Input<number>;
  /** All must match; changed in place. */
  readonly conditions: Input<readonly Input<ListenerRuleConditionArgs>[]>;
  /** What to do with a matching request; changed in place. */
  readonly actions: Input<readonly Input<ListenerActionArgs>[]>;
  /** Tags, merged over the provider's default tags. @default none */
  readonly tags?: Input<Readonly<Record<string, Input<string>>>>;
}

/**
 * A rule of an application load balancer's listener, such as a path that
 * goes to its own target group. Priority, conditions and actions change in
 * place. The id is its ARN.
 *
 * @example
 * new aws.lb.ListenerRule("rank", {
 *   listenerArn: http.arn, priority: 10,
 *   conditions: [{ pathPattern: { values: ["/rank/*"] } }],
 *   actions: [{ type: "forward", targetGroupArn: rankers.arn }],
 * });
 */
export class ListenerRule extends CustomResource {
  readonly arn: Output<string> = this.getOutput("arn");
  readonly tags: Output<Record<string, string>> = this.getOutput("tags");

  constructor(name: string, args: ListenerRuleArgs, opts: CustomResourceOptions = {}) {
    super(LISTENER_RULE, name, args as unknown as Record<string, unknown>, opts);
  }
}
