import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/core";
import type { ResourceType } from "@cairn/core/provider";
import { cairnPackage } from "../package.js";

const RECORD: ResourceType = { token: "aws:route53/Record", package: cairnPackage };

/** The arguments of {@link Record}. */
export interface RecordArgs {
  /** The zone's id; changing it replaces the record. */
  readonly zoneId: Input<string>;
  /** The record's name, such as `api.ml.example.com`; changing it replaces the record. */
  readonly name: Input<string>;
  /** `A`, `AAAA`, `CNAME`, `TXT`, `MX`, ...; changing it replaces the record. */
  readonly type: Input<string>;
  /** Seconds; required with `records`. */
  readonly ttl?: Input<number>;
  /** The values. Give these or `alias`. */
  readonly records?: Input<readonly Input<string>[]>;
  /** An alias to an AWS resource (a load balancer): its DNS name and zone id. */
  readonly alias?: Input<{ readonly name: Input<string>; readonly zoneId: Input<string>; readonly evaluateTargetHealth?: Input<boolean> }>;
  /** Tells apart records of one name and type under a routing policy; changing it replaces the record. @default none */
  readonly setIdentifier?: Input<string>;
  /** A weighted routing policy's weight (needs `setIdentifier`). @default none */
  readonly weight?: Input<number>;
  /** Take over a record of the same name and type that exists already. @default false */
  readonly allowOverwrite?: Input<boolean>;
}

/**
 * One Route 53 record set. Values, TTL and alias change in place (UPSERT);
 * create and delete wait until the change is INSYNC.
 *
 * @example
 * new aws.route53.Record("api", { zoneId: zone.zoneId, name: "api.ml.example.com", type: "CNAME", ttl: 300, records: [lb.dnsName] });
 */
export class Record extends CustomResource {
  /** The record's fully qualified name. */
  readonly fqdn: Output<string> = this.getOutput("fqdn");

  constructor(name: string, args: RecordArgs, opts: CustomResourceOptions = {}) {
    super(RECORD, name, args as unknown as { readonly [key: string]: unknown }, opts);
  }
}
