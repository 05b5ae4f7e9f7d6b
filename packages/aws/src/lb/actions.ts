import type { Action, RuleCondition } from "@aws-sdk/client-elastic-load-balancing-v2";
import { list, record, str, type Field } from "../check/spec.js";

/** A listener's or rule's action, as the program gives it. */
export interface ActionInputs {
  readonly type: "forward" | "fixed-response" | "redirect";
  readonly targetGroupArn?: string;
  readonly fixedResponse?: { readonly contentType: string; readonly messageBody?: string; readonly statusCode: string };
  readonly redirect?: { readonly protocol?: string; readonly port?: string; readonly host?: string; readonly path?: string; readonly query?: string; readonly statusCode: "HTTP_301" | "HTTP_302" };
}

/** A rule's condition: exactly one of its fields. */
export interface ConditionInputs {
  readonly pathPattern?: { readonly values: readonly string[] };
  readonly hostHeader?: { readonly values: readonly string[] };
  readonly httpRequestMethod?: { readonly values: readonly string[] };
  readonly sourceIp?: { readonly values: readonly string[] };
}

/** The `defaultActions` / `actions` input: at least one action. */
export function actionsField(): Field {
  return list(
    record({
      type: str({ required: true, oneOf: ["forward", "fixed-response", "redirect"] }),
      targetGroupArn: str(),
      fixedResponse: record({ contentType: str({ required: true }), messageBody: str(), statusCode: str({ required: true, pattern: /^[245]\d\d$/, expected: "an HTTP status such as 404" }) }),
      redirect: record({ protocol: str(), port: str(), host: str(), path: str(), query: str(), statusCode: str({ required: true, oneOf: ["HTTP_301", "HTTP_302"] }) }),
    }),
    { required: true, minItems: 1 },
  );
}

/** The `conditions` input of a rule. */
export function conditionsField(): Field {
  const values = record({ values: list(str(), { required: true, minItems: 1 }) });
  return list(record({ pathPattern: values, hostHeader: values, httpRequestMethod: values, sourceIp: values }), { required: true, minItems: 1 });
}

/** Problems no field rule catches: an action without what its type needs. */
export function actionProblems(actions: readonly ActionInputs[] | undefined, property: string): { property: string; reason: string }[] {
  const problems: { property: string; reason: string }[] = [];
  (actions ?? []).forEach((action, i) => {
    const need = action.type === "forward" ? "targetGroupArn" : action.type === "fixed-response" ? "fixedResponse" : "redirect";
    if (typeof action === "object" && action !== null && action[need as keyof ActionInputs] === undefined) problems.push({ property: `${property}.${i}.${need}`, reason: `a "${action.type}" action needs ${need}` });
  });
  return problems;
}

/** Actions in ELB's form, ordered as given. */
export function toActions(actions: readonly ActionInputs[]): Action[] {
  return actions.map((a, i) => ({
    Type: a.type,
    Order: i + 1,
    TargetGroupArn: a.type === "forward" ? a.targetGroupArn : undefined,
    FixedResponseConfig: a.fixedResponse && { ContentType: a.fixedResponse.contentType, MessageBody: a.fixedResponse.messageBody, StatusCode: a.fixedResponse.statusCode },
    RedirectConfig: a.redirect && {
      Protocol: a.redirect.protocol,
      Port: a.redirect.port,
      Host: a.redirect.host,
      Path: a.redirect.path,
      Query: a.redirect.query,
      StatusCode: a.redirect.statusCode,
    },
  }));
}

/** Actions from ELB's form, in the program's shape. */
export function fromActions(actions: readonly Action[] | undefined): ActionInputs[] {
  return [...(actions ?? [])]
    .sort((a, b) => (a.Order ?? 0) - (b.Order ?? 0))
    .map((a) => {
      const type = a.Type as ActionInputs["type"];
      const targetGroupArn = a.TargetGroupArn ?? a.ForwardConfig?.TargetGroups?.[0]?.TargetGroupArn;
      const f = a.FixedResponseConfig;
      const r = a.RedirectConfig;
      return strip({
        type,
        targetGroupArn: type === "forward" ? targetGroupArn : undefined,
        fixedResponse: f && strip({ contentType: f.ContentType, messageBody: f.MessageBody, statusCode: f.StatusCode }),
        redirect: r && strip({ protocol: r.Protocol, port: r.Port, host: r.Host, path: r.Path, query: r.Query, statusCode: r.StatusCode }),
      }) as unknown as ActionInputs;
    });
}

/** Conditions in ELB's form. */
export function toConditions(conditions: readonly ConditionInputs[]): RuleCondition[] {
  return conditions.map((c) => ({
    Field: c.pathPattern ? "path-pattern" : c.hostHeader ? "host-header" : c.httpRequestMethod ? "http-request-method" : "source-ip",
    PathPatternConfig: c.pathPattern && { Values: [...c.pathPattern.values] },
    HostHeaderConfig: c.hostHeader && { Values: [...c.hostHeader.values] },
    HttpRequestMethodConfig: c.httpRequestMethod && { Values: [...c.httpRequestMethod.values] },
    SourceIpConfig: c.sourceIp && { Values: [...c.sourceIp.values] },
  }));
}

/** Conditions from ELB's form, in the program's shape. */
export function fromConditions(conditions: readonly RuleCondition[] | undefined): ConditionInputs[] {
  return (conditions ?? []).map((c) => {
    const values = (v: readonly string[] | undefined) => ({ values: [...(v ?? c.Values ?? [])] });
    switch (c.Field) {
      case "path-pattern":
        return { pathPattern: values(c.PathPatternConfig?.Values) };
      case "host-header":
        return { hostHeader: values(c.HostHeaderConfig?.Values) };
      case "http-request-method":
        return { httpRequestMethod: values(c.HttpRequestMethodConfig?.Values) };
      default:
        return { sourceIp: values(c.SourceIpConfig?.Values) };
    }
  });
}

/** Problems with conditions: each must set exactly one field. */
export function conditionProblems(conditions: readonly ConditionInputs[] | undefined): { property: string; reason: string }[] {
  return (conditions ?? []).flatMap((c, i) =>
    typeof c === "object" && c !== null && Object.keys(c).length !== 1 ? [{ property: `conditions.${i}`, reason: "give exactly one of pathPattern, hostHeader, httpRequestMethod, sourceIp" }] : [],
  );
}

function strip<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
