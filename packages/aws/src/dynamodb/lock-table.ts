import { ComponentResource, type ComponentResourceOptions, type Input, type Output } from "@cairn/core";
import { Table } from "./table.js";

/** The arguments of {@link LockTable}. */
export interface LockTableArgs {
  /** The table's name, as given to the S3 backend's `dynamodb_table` option. @default the logical name and a random suffix */
  readonly name?: Input<string>;
  /** Whether DynamoDB refuses to delete the table while it guards stacks. @default true */
  readonly deletionProtectionEnabled?: Input<boolean>;
  /** Point-in-time recovery of the lock items. @default false */
  readonly pointInTimeRecovery?: Input<boolean>;
  /** Tags, merged over the provider's default tags. @default none */
  readonly tags?: Input<Readonly<Record<string, Input<string>>>>;
}

/**
 * The DynamoDB table the S3 state backend locks stacks with
 * (`s3://bucket/prefix?dynamodb_table=<name>`): a string partition key
 * `LockID`, billed per request. A team creates it once, in a bootstrap
 * stack of its own (whose state stays local or in an S3 bucket without the
 * table), and points every other stack's backend at it.
 *
 * @example
 * const locks = new aws.dynamodb.LockTable("cairn-locks", { name: "cairn-locks" });
 * export const lockTable = locks.name;
 */
export class LockTable extends ComponentResource {
  /** The table. */
  readonly table: Table;
  /** The table's name, for `?dynamodb_table=`. */
  readonly name: Output<string>;
  readonly arn: Output<string>;

  constructor(name: string, args: LockTableArgs = {}, opts: ComponentResourceOptions = {}) {
    super("aws:dynamodb/LockTable", name, args as Record<string, unknown>, opts);
    this.table = new Table(
      name,
      {
        ...(args.name === undefined ? {} : { name: args.name }),
        hashKey: "LockID",
        attributes: [{ name: "LockID", type: "S" }],
        billingMode: "PAY_PER_REQUEST",
        deletionProtectionEnabled: args.deletionProtectionEnabled ?? true,
        pointInTimeRecovery: { enabled: args.pointInTimeRecovery ?? false },
        ...(args.tags === undefined ? {} : { tags: args.tags }),
      },
      { parent: this },
    );
    this.name = this.table.name;
    this.arn = this.table.arn;
    this.registerOutputs({ name: this.name, arn: this.arn });
  }
}
