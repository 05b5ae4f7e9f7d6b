import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/core";
import type { ResourceType } from "@cairn/core/provider";
import { cairnPackage } from "../package.js";

const LISTENER: ResourceType = { token: "aws:lb/Listener", package: cairnPackage };

/** What a listener or rule does with a request. */
export interface ListenerActionArgs {
  readonly type: Input<"forward" | "fixed-response" | "redirect">;
  /** For "forward": the target group. */
  readonly targetGroupArn?: Input<string>;
  /** For "fixed-response". */
  readonly fixedResponse?: Input<{ readonly contentType: Input<string>; readonly messageBody?: Input<string>; readonly statusCode: Input<string> }>;
  /** For "redirect": the parts to change ("#{host}" and the like keep the request's). */
  readonly redirect?: Input<{
    readonly protocol?: Input<string>;
    readonly port?: Input<string>;
    readonly host?: Input<string>;
    readonly path?: Input<string>;
    readonly query?: Input<string>;
    readonly statusCode: Input<"HTTP_301" | "HTTP_302">;
  }>;
}

/** The arguments of {@link Listener}. */
export interface ListenerArgs {
  /** The load balancer; changing it replaces the listener. */
  readonly loadBalancerArn: Input<string>;
  /** The port; changed in place. */
  readonly port: Input<number>;
  /** HTTP or HTTPS (application), TCP, TLS, UDP or TCP_UDP (network); changed in place. @default "HTTP" */
  readonly protocol?: Input<string>;
  /** The certificate of an HTTPS or TLS listener; changed in place. @default none */
  readonly certificateArn?: Input<string>;
  /** The TLS policy of an HTTPS or TLS listener; changed in place. @default ELB's */
  readonly sslPolicy?: Input<string>;
  /** What happens to requests no rule matches; changed in place. */
  readonly defaultActions: Input<readonly Input<ListenerActionArgs>[]>;
  /** Tags, merged over the provider's default tags. @default none */
  readonly tags?: Input<Readonly<Record<string, Input<string>>>>;
}

/**
 * A listener of a load balancer: a port and protocol, and what to do with
 * requests that no {@link ListenerRule} matches. Everything but the load
 * balancer changes in place (ModifyListener). The id is its ARN.
 *
 * @example
 * const http = new aws.lb.Listener("http", {
 *   loadBalancerArn: alb.arn, port: 80,
 *   defaultActions: [{ type: "fixed-response", fixedResponse: { contentType: "text/plain", statusCode: "404" } }],
 * });
 */
export class Listener extends CustomResource {
  readonly arn: Output<string> = this.getOutput("arn");
  readonly tags: Output<Record<string, string>> = this.getOutput("tags");

  constructor(name: string, args: ListenerArgs, opts: CustomResourceOptions = {}) {
    super(LISTENER, name, args as unknown as Record<string, unknown>, opts);
  }
}
