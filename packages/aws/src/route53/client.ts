import type { Route53Client } from "@aws-sdk/client-route-53";
import { hasAwsCode } from "../errors.js";
import type { ServiceRates } from "../runtime/api-limits.js";
import type { ServiceHandle } from "../runtime/client-factory.js";
import type { AwsContext } from "../runtime/context.js";
import { sdkWait } from "../runtime/sdk-waiter.js";

/** A Route 53 client with its SDK module. */
export type Route53Handle = ServiceHandle<Route53Client, typeof import("@aws-sdk/client-route-53")>;

/** The provider's Route 53 client, made (and its SDK loaded) on first use. */
export function route53(ctx: AwsContext): Promise<Route53Handle> {
  return ctx.clients.service("route53", async (config) => {
    const sdk = await import("@aws-sdk/client-route-53");
    // Route 53 is a global service signed in us-east-1 whatever the provider's region.
    return { client: new sdk.Route53Client({ ...config, region: "us-east-1" }), sdk };
  });
}

/** Route 53 allows five requests per second per account, all APIs together. */
export const ROUTE53_RATES: ServiceRates = { service: "route53", read: { burst: 5, perSecond: 5 }, write: { burst: 5, perSecond: 5 }, oneBucket: true };

/** Whether Route 53 says the zone does not exist. */
export function isNoSuchZone(error: unknown): boolean {
  return hasAwsCode(error, ["NoSuchHostedZone"], 404);
}

/** A zone id without the `/hostedzone/` prefix Route 53 puts on it. */
export function bareZoneId(id: string): string {
  return id.replace(/^\/?hostedzone\//, "");
}

/** A DNS name as Route 53 compares it: lower case, no trailing dot. */
export function dnsName(name: string): string {
  return name.toLowerCase().replace(/\.$/, "");
}

/** Waits with Route 53's own waiter until a change is INSYNC on every name server. */
export function waitInSync(ctx: AwsContext, r53: Route53Handle, changeId: string | undefined): Promise<void> {
  if (changeId === undefined) return Promise.resolve();
  return sdkWait(ctx, "the change INSYNC", (timing) => r53.sdk.waitUntilResourceRecordSetsChanged({ client: r53.client, ...timing }, { Id: changeId }), { minDelay: 2, maxDelay: 15 });
}
