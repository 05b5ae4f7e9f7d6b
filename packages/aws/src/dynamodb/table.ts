import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/core";
import type { ResourceType } from "@cairn/core/provider";
import { cairnPackage } from "../package.js";

const TABLE: ResourceType = { token: "aws:dynamodb/Table", package: cairnPackage };

/** An attribute used by a key: its name and type (`S` string, `N` number, `B` binary). */
export interface TableAttribute {
  readonly name: Input<string>;
  readonly type: Input<"S" | "N" | "B">;
}

/** A global secondary index. Changing its keys or projection deletes and re-creates the index (not the table). */
export interface TableGlobalSecondaryIndex {
  readonly name: Input<string>;
  readonly hashKey: Input<string>;
  readonly rangeKey?: Input<string>;
  /** `ALL`, `KEYS_ONLY` or `INCLUDE`. @default "ALL" */
  readonly projectionType?: Input<"ALL" | "KEYS_ONLY" | "INCLUDE">;
  /** The attributes projected when `projectionType` is `INCLUDE`. */
  readonly nonKeyAttributes?: Input<readonly Input<string>[]>;
  /** Required with `PROVISIONED` billing; changed in place. */
  readonly readCapacity?: Input<number>;
  readonly writeCapacity?: Input<number>;
}

/** The arguments of {@link Table}. */
export interface TableArgs {
  /** The partition key's attribute; changing it replaces the table. */
  readonly hashKey: Input<string>;
  /** The sort key's attribute; changing it replaces the table. @default none */
  readonly rangeKey?: Input<string>;
  /** Every attribute that a table or index key uses, and no other. */
  readonly attributes: Input<readonly Input<TableAttribute>[]>;
  /** The table's name; changing it replaces the table. @default the logical name and a random suffix */
  readonly name?: Input<string>;
  /** A prefix for a generated name. @default the logical name and "-" */
  readonly namePrefix?: Input<string>;
  /** `PAY_PER_REQUEST` (on demand) or `PROVISIONED`; changed in place. @default "PAY_PER_REQUEST" */
  readonly billingMode?: Input<"PAY_PER_REQUEST" | "PROVISIONED">;
  /** Read capacity units, required with `PROVISIONED`; changed in place. */
  readonly readCapacity?: Input<number>;
  /** Write capacity units, required with `PROVISIONED`; changed in place. */
  readonly writeCapacity?: Input<number>;
  /** Global secondary indexes; added and removed in place, one at a time. @default none */
  readonly globalSecondaryIndexes?: Input<readonly Input<TableGlobalSecondaryIndex>[]>;
  /** Expiry of items by a timestamp attribute. @default off */
  readonly ttl?: Input<{ readonly attributeName: Input<string>; readonly enabled?: Input<boolean> }>;
  /** Continuous backups (point-in-time recovery). @default off */
  readonly pointInTimeRecovery?: Input<{ readonly enabled: Input<boolean> }>;
  /** Whether the table has a change stream. @default false */
  readonly streamEnabled?: Input<boolean>;
  /** What the stream records: `KEYS_ONLY`, `NEW_IMAGE`, `OLD_IMAGE` or `NEW_AND_OLD_IMAGES`; required with a stream. */
  readonly streamViewType?: Input<"KEYS_ONLY" | "NEW_IMAGE" | "OLD_IMAGE" | "NEW_AND_OLD_IMAGES">;
  /** Whether DynamoDB refuses to delete the table. @default false */
  readonly deletionProtectionEnabled?: Input<boolean>;
  /** Tags, merged over the provider's default tags. @default none */
  readonly tags?: Input<Readonly<Record<string, Input<string>>>>;
}

/**
 * A DynamoDB table: its keys, global secondary indexes, billing mode, TTL,
 * point-in-time recovery and stream. Billing, capacity, indexes, TTL,
 * recovery, stream and tags change in place; the name and the table's own
 * keys replace it. Create and delete wait until DynamoDB reports the table
 * `ACTIVE` or gone.
 *
 * @example
 * const features = new aws.dynamodb.Table("features", {
 *   hashKey: "entityId",
 *   rangeKey: "featureName",
 *   attributes: [{ name: "entityId", type: "S" }, { name: "featureName", type: "S" }],
 *   ttl: { attributeName: "expiresAt", enabled: true },
 *   pointInTimeRecovery: { enabled: true },
 * });
 */
export class Table extends CustomResource {
  readonly arn: Output<string> = this.getOutput("arn");
  /** The table's name. */
  readonly name: Output<string> = this.getOutput("name");
  /** The stream's ARN, when the table has a stream. */
  readonly streamArn: Output<string | undefined> = this.getOutput("streamArn");
  readonly streamLabel: Output<string | undefined> = this.getOutput("streamLabel");
  readonly tags: Output<Record<string, string>> = this.getOutput("tags");

  constructor(name: string, args: TableArgs, opts: CustomResourceOptions = {}) {
    super(TABLE, name, args as unknown as Record<string, unknown>, opts);
  }
}
