// Generated from @aws-cdk/aws-service-spec 0.1.216 by `npm run generate -w @cairn/aws`. Do not edit.
import type { CustomResourceOptions, Input, Output } from "@cairn/core";
import { NativeResource, type Plain } from "../../dist/native/native-resource.js";

/**
 * Represents an attribute for describing the schema for the table and indexes.
 */
export interface TableAttributeDefinition {
  /**
   * A name for the attribute.
   */
  readonly attributeName: Input<string>;
  /**
   * The data type for the attribute, where:
   *
   * - `S` - the attribute is of type String
   * - `N` - the attribute is of type Number
   * - `B` - the attribute is of type Binary
   */
  readonly attributeType: Input<string>;
}

/**
 * Configures contributor insights settings for a table or one of its indexes.
 */
export interface TableContributorInsightsSpecification {
  /**
   * Indicates whether CloudWatch Contributor Insights are to be enabled (true) or disabled (false).
   */
  readonly enabled: Input<boolean>;
  /**
   * Specifies the CloudWatch Contributor Insights mode for a table. Valid values are `ACCESSED_AND_THROTTLED_KEYS` (tracks all access and throttled events) or `THROTTLED_KEYS` (tracks only throttled events). This setting determines what type of contributor insights data is collected for the table.
   */
  readonly mode?: Input<"ACCESSED_AND_THROTTLED_KEYS" | "THROTTLED_KEYS">;
}

/**
 * The options for imported source files in CSV format. The values are Delimiter and HeaderList.
 */
export interface TableCsv {
  /**
   * The delimiter used for separating items in the CSV file being imported.
   *
   * Changing it replaces the resource.
   */
  readonly delimiter?: Input<string>;
  /**
   * List of the headers used to specify a common header for all source CSV files being imported. If this field is specified then the first line of each CSV file is treated as data instead of the header. If this field is not specified the the first line of each CSV file is treated as the header.
   *
   * Changing it replaces the resource.
   */
  readonly headerList?: Input<readonly Input<string>[]>;
}

/**
 * Represents the properties of a global secondary index.
 */
export interface TableGlobalSecondaryIndex {
  /**
   * The settings used to specify whether to enable CloudWatch Contributor Insights for the global table and define which events to monitor.
   */
  readonly contributorInsightsSpecification?: Input<TableContributorInsightsSpecification>;
  /**
   * The name of the global secondary index. The name must be unique among all other indexes on this table.
   */
  readonly indexName: Input<string>;
  /**
   * The complete key schema for a global secondary index, which consists of one or more pairs of attribute names and key types:
   *
   * - `HASH` - partition key
   * - `RANGE` - sort key
   *
   * > The partition key of an item is also known as its *hash attribute* . The term "hash attribute" derives from DynamoDB's usage of an internal hash function to evenly distribute data items across partitions, based on their partition key values.
   * > 
   * > The sort key of an item is also known as its *range attribute* . …
   */
  readonly keySchema: Input<readonly Input<TableKeySchema>[]>;
  /**
   * The maximum number of read and write units for the specified global secondary index. If you use this parameter, you must specify `MaxReadRequestUnits` , `MaxWriteRequestUnits` , or both. You must use either `OnDemandThroughput` or `ProvisionedThroughput` based on your table's capacity mode.
   */
  readonly onDemandThroughput?: Input<TableOnDemandThroughput>;
  /**
   * Represents attributes that are copied (projected) from the table into the global secondary index. These are in addition to the primary key attributes and index key attributes, which are automatically projected.
   */
  readonly projection: Input<TableProjection>;
  /**
   * Represents the provisioned throughput settings for the specified global secondary index. You must use either `OnDemandThroughput` or `ProvisionedThroughput` based on your table's capacity mode.
   *
   * For current minimum and maximum provisioned throughput values, see [Service, Account, and Table Quotas](https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Limits.html) in the *Amazon DynamoDB Developer Guide* .
   */
  readonly provisionedThroughput?: Input<TableProvisionedThroughput>;
  /**
   * Represents the warm throughput value (in read units per second and write units per second) for the specified secondary index. If you use this parameter, you must specify `ReadUnitsPerSecond` , `WriteUnitsPerSecond` , or both.
   */
  readonly warmThroughput?: Input<TableWarmThroughput>;
}

/**
 * Specifies the properties of data being imported from the S3 bucket source to the table.
 */
export interface TableImportSourceSpecification {
  /**
   * Type of compression to be used on the input coming from the imported table.
   *
   * Changing it replaces the resource.
   */
  readonly inputCompressionType?: Input<string>;
  /**
   * The format of the source data. Valid values for `ImportFormat` are `CSV` , `DYNAMODB_JSON` or `ION` .
   *
   * Changing it replaces the resource.
   */
  readonly inputFormat: Input<string>;
  /**
   * Additional properties that specify how the input is formatted,
   *
   * Changing it replaces the resource.
   */
  readonly inputFormatOptions?: Input<TableInputFormatOptions>;
  /**
   * The S3 bucket that provides the source for the import.
   *
   * Changing it replaces the resource.
   */
  readonly s3BucketSource: Input<TableS3BucketSource>;
}

/**
 * The format options for the data that was imported into the target table. There is one value, CsvOption.
 */
export interface TableInputFormatOptions {
  /**
   * The options for imported source files in CSV format. The values are Delimiter and HeaderList.
   *
   * Changing it replaces the resource.
   */
  readonly csv?: Input<TableCsv>;
}

/**
 * Represents *a single element* of a key schema. A key schema specifies the attributes that make up the primary key of a table, or the key attributes of an index.
 *
 * A `KeySchemaElement` represents exactly one attribute of the primary key. For example, a simple primary key would be represented by one `KeySchemaElement` (for the partition key). A composite primary key would require one `KeySchemaElement` for the partition key, and another `KeySchemaElement` for the sort key.
 *
 * A `KeySchemaElement` must be a scalar, top-level attribute (not a nested attribute). …
 */
export interface TableKeySchema {
  /**
   * The name of a key attribute.
   */
  readonly attributeName: Input<string>;
  /**
   * The role that this key attribute will assume:
   *
   * - `HASH` - partition key
   * - `RANGE` - sort key
   *
   * > The partition key of an item is also known as its *hash attribute* . The term "hash attribute" derives from DynamoDB's usage of an internal hash function to evenly distribute data items across partitions, based on their partition key values.
   * > 
   * > The sort key of an item is also known as its *range attribute* . The term "range attribute" derives from the way DynamoDB stores items with the same partition key physically close together, in sorted order by the sort key value.
   */
  readonly keyType: Input<string>;
}

/**
 * The Kinesis Data Streams configuration for the specified table.
 */
export interface TableKinesisStreamSpecification {
  /**
   * The precision for the time and date that the stream was created.
   */
  readonly approximateCreationDateTimePrecision?: Input<"MICROSECOND" | "MILLISECOND">;
  /**
   * The ARN for a specific Kinesis data stream.
   *
   * Length Constraints: Minimum length of 37. Maximum length of 1024.
   */
  readonly streamArn: Input<string>;
}

/**
 * Represents the properties of a local secondary index. A local secondary index can only be created when its parent table is created.
 */
export interface TableLocalSecondaryIndex {
  /**
   * The name of the local secondary index. The name must be unique among all other indexes on this table.
   */
  readonly indexName: Input<string>;
  /**
   * The complete key schema for the local secondary index, consisting of one or more pairs of attribute names and key types:
   *
   * - `HASH` - partition key
   * - `RANGE` - sort key
   *
   * > The partition key of an item is also known as its *hash attribute* . The term "hash attribute" derives from DynamoDB's usage of an internal hash function to evenly distribute data items across partitions, based on their partition key values.
   * > 
   * > The sort key of an item is also known as its *range attribute* . …
   */
  readonly keySchema: Input<readonly Input<TableKeySchema>[]>;
  /**
   * Represents attributes that are copied (projected) from the table into the local secondary index. These are in addition to the primary key attributes and index key attributes, which are automatically projected.
   */
  readonly projection: Input<TableProjection>;
}

/**
 * Sets the maximum number of read and write units for the specified on-demand table. If you use this property, you must specify `MaxReadRequestUnits` , `MaxWriteRequestUnits` , or both.
 */
export interface TableOnDemandThroughput {
  /**
   * Maximum number of read request units for the specified table.
   *
   * To specify a maximum `OnDemandThroughput` on your table, set the value of `MaxReadRequestUnits` as greater than or equal to 1. To remove the maximum `OnDemandThroughput` that is currently set on your table, set the value of `MaxReadRequestUnits` to -1.
   */
  readonly maxReadRequestUnits?: Input<number>;
  /**
   * Maximum number of write request units for the specified table.
   *
   * To specify a maximum `OnDemandThroughput` on your table, set the value of `MaxWriteRequestUnits` as greater than or equal to 1. To remove the maximum `OnDemandThroughput` that is currently set on your table, set the value of `MaxWriteRequestUnits` to -1.
   */
  readonly maxWriteRequestUnits?: Input<number>;
}

/**
 * The settings used to enable point in time recovery.
 */
export interface TablePointInTimeRecoverySpecification {
  /**
   * Indicates whether point in time recovery is enabled (true) or disabled (false) on the table.
   */
  readonly pointInTimeRecoveryEnabled?: Input<boolean>;
  /**
   * The number of preceding days for which continuous backups are taken and maintained. Your table data is only recoverable to any point-in-time from within the configured recovery period. This parameter is optional. If no value is provided, the value will default to 35.
   */
  readonly recoveryPeriodInDays?: Input<number>;
}

/**
 * Represents attributes that are copied (projected) from the table into an index. These are in addition to the primary key attributes and index key attributes, which are automatically projected.
 */
export interface TableProjection {
  /**
   * Represents the non-key attribute names which will be projected into the index.
   *
   * For global and local secondary indexes, the total count of `NonKeyAttributes` summed across all of the secondary indexes, must not exceed 100. If you project the same attribute into two different indexes, this counts as two distinct attributes when determining the total. This limit only applies when you specify the ProjectionType of `INCLUDE` . You still can specify the ProjectionType of `ALL` to project all attributes from the source table, even if the table has more than 100 attributes.
   */
  readonly nonKeyAttributes?: Input<readonly Input<string>[]>;
  /**
   * The set of attributes that are projected into the index:
   *
   * - `KEYS_ONLY` - Only the index and primary keys are projected into the index.
   * - `INCLUDE` - In addition to the attributes described in `KEYS_ONLY` , the secondary index will include other non-key attributes that you specify.
   * - `ALL` - All of the table attributes are projected into the index.
   *
   * When using the DynamoDB console, `ALL` is selected by default.
   */
  readonly projectionType?: Input<string>;
}

/**
 * Throughput for the specified table, which consists of values for `ReadCapacityUnits` and `WriteCapacityUnits` . For more information about the contents of a provisioned throughput structure, see [Amazon DynamoDB Table ProvisionedThroughput](https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ProvisionedThroughput.html) .
 */
export interface TableProvisionedThroughput {
  /**
   * The maximum number of strongly consistent reads consumed per second before DynamoDB returns a `ThrottlingException` . For more information, see [Specifying Read and Write Requirements](https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ProvisionedThroughput.html) in the *Amazon DynamoDB Developer Guide* .
   *
   * If read/write capacity mode is `PAY_PER_REQUEST` the value is set to 0.
   */
  readonly readCapacityUnits: Input<number>;
  /**
   * The maximum number of writes consumed per second before DynamoDB returns a `ThrottlingException` . For more information, see [Specifying Read and Write Requirements](https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ProvisionedThroughput.html) in the *Amazon DynamoDB Developer Guide* .
   *
   * If read/write capacity mode is `PAY_PER_REQUEST` the value is set to 0.
   */
  readonly writeCapacityUnits: Input<number>;
}

/**
 * Creates or updates a resource-based policy document that contains the permissions for DynamoDB resources, such as a table, its indexes, and stream. Resource-based policies let you define access permissions by specifying who has access to each resource, and the actions they are allowed to perform on each resource.
 *
 * In a CloudFormation template, you can provide the policy in JSON or YAML format because CloudFormation converts YAML to JSON before submitting it to DynamoDB . …
 */
export interface TableResourcePolicy {
  /**
   * A resource-based policy document that contains permissions to add to the specified DynamoDB table, index, or both. In a CloudFormation template, you can provide the policy in JSON or YAML format because CloudFormation converts YAML to JSON before submitting it to DynamoDB . For more information about resource-based policies, see [Using resource-based policies for DynamoDB](https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/access-control-resource-based.html) and [Resource-based policy examples](https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/rbac-examples.html) .
   */
  readonly policyDocument: Input<unknown>;
}

/**
 * The S3 bucket that is being imported from.
 */
export interface TableS3BucketSource {
  /**
   * The S3 bucket that is being imported from.
   *
   * Changing it replaces the resource.
   */
  readonly s3Bucket: Input<string>;
  /**
   * The account number of the S3 bucket that is being imported from. If the bucket is owned by the requester this is optional.
   *
   * Changing it replaces the resource.
   */
  readonly s3BucketOwner?: Input<string>;
  /**
   * The key prefix shared by all S3 Objects that are being imported.
   *
   * Changing it replaces the resource.
   */
  readonly s3KeyPrefix?: Input<string>;
}

/**
 * Represents the settings used to enable server-side encryption.
 */
export interface TableSSESpecification {
  /**
   * The AWS  key that should be used for the AWS  encryption. To specify a key, use its key ID, Amazon Resource Name (ARN), alias name, or alias ARN. Note that you should only provide this parameter if the key is different from the default DynamoDB key `alias/aws/dynamodb` .
   */
  readonly kmsMasterKeyId?: Input<string>;
  /**
   * Indicates whether server-side encryption is done using an AWS managed key or an AWS owned key. If enabled (true), server-side encryption type is set to `KMS` and an AWS managed key is used ( AWS  charges apply). If disabled (false) or not specified, server-side encryption is set to AWS owned key.
   */
  readonly sseEnabled: Input<boolean>;
  /**
   * Server-side encryption type. The only supported value is:
   *
   * - `KMS` - Server-side encryption that uses AWS Key Management Service . The key is stored in your account and is managed by AWS  ( AWS  charges apply).
   */
  readonly sseType?: Input<string>;
}

export interface TableSearchSchemaElement {
  readonly attributeName: Input<string>;
  readonly searchSchemaElementType: Input<"HASH" | "INLINE_FILTER">;
}

/**
 * Represents the DynamoDB Streams configuration for a table in DynamoDB.
 */
export interface TableStreamSpecification {
  /**
   * Creates or updates a resource-based policy document that contains the permissions for DynamoDB resources, such as a table's streams. Resource-based policies let you define access permissions by specifying who has access to each resource, and the actions they are allowed to perform on each resource.
   *
   * > When you remove the `StreamSpecification` property from the template, DynamoDB disables the stream but retains any attached resource policy until the stream is deleted after 24 hours. …
   */
  readonly resourcePolicy?: Input<TableResourcePolicy>;
  /**
   * When an item in the table is modified, `StreamViewType` determines what information is written to the stream for this table. Valid values for `StreamViewType` are:
   *
   * - `KEYS_ONLY` - Only the key attributes of the modified item are written to the stream.
   * - `NEW_IMAGE` - The entire item, as it appears after it was modified, is written to the stream.
   * - `OLD_IMAGE` - The entire item, as it appeared before it was modified, is written to the stream.
   * - `NEW_AND_OLD_IMAGES` - Both the new and the old item images of the item are written to the stream.
   */
  readonly streamViewType: Input<string>;
  readonly tags?: Input<readonly Input<{ readonly key: Input<string>; readonly value: Input<string> }>[]>;
}

/**
 * Represents the settings used to enable or disable Time to Live (TTL) for the specified table.
 */
export interface TableTimeToLiveSpecification {
  /**
   * The name of the TTL attribute used to store the expiration time for items in the table.
   *
   * > - The `AttributeName` property is required when enabling the TTL, or when TTL is already enabled.
   * > - To update this property, you must first disable TTL and then enable TTL with the new attribute name.
   */
  readonly attributeName?: Input<string>;
  /**
   * Indicates whether TTL is to be enabled (true) or disabled (false) on the table.
   */
  readonly enabled: Input<boolean>;
}

export interface TableVectorAttribute {
  readonly attributeName: Input<string>;
}

export interface TableVectorIndex {
  readonly dimensions: Input<number>;
  readonly distanceFunction: Input<"COSINE" | "DOT_PRODUCT" | "EUCLIDEAN">;
  readonly indexName: Input<string>;
  /**
   * Represents attributes that are copied (projected) from the table into an index. These are in addition to the primary key attributes and index key attributes, which are automatically projected.
   */
  readonly projection: Input<TableProjection>;
  readonly searchSchema?: Input<readonly Input<TableSearchSchemaElement>[]>;
  readonly vectorAttribute: Input<TableVectorAttribute>;
}

/**
 * Provides visibility into the number of read and write operations your table or secondary index can instantaneously support. The settings can be modified using the `UpdateTable` operation to meet the throughput requirements of an upcoming peak event.
 */
export interface TableWarmThroughput {
  /**
   * Represents the number of read operations your base table can instantaneously support.
   */
  readonly readUnitsPerSecond?: Input<number>;
  /**
   * Represents the number of write operations your base table can instantaneously support.
   */
  readonly writeUnitsPerSecond?: Input<number>;
}

/** The arguments of {@link Table}. */
export interface TableArgs {
  /**
   * A list of attributes that describe the key schema for the table and indexes.
   *
   * This property is required to create a DynamoDB table.
   *
   * Update requires: [Some interruptions](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-updating-stacks-update-behaviors.html#update-some-interrupt) . Replacement if you edit an existing AttributeDefinition.
   */
  readonly attributeDefinitions?: Input<readonly Input<TableAttributeDefinition>[]>;
  /**
   * Specify how you are charged for read and write throughput and how you manage capacity.
   *
   * Valid values include:
   *
   * - `PAY_PER_REQUEST` - We recommend using `PAY_PER_REQUEST` for most DynamoDB workloads. `PAY_PER_REQUEST` sets the billing mode to [On-demand capacity mode](https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/on-demand-capacity-mode.html) .
   * - `PROVISIONED` - We recommend using `PROVISIONED` for steady workloads with predictable growth where capacity requirements can be reliably forecasted. …
   */
  readonly billingMode?: Input<string>;
  /**
   * The settings used to specify whether to enable CloudWatch Contributor Insights for the table and define which events to monitor.
   */
  readonly contributorInsightsSpecification?: Input<TableContributorInsightsSpecification>;
  /**
   * Determines if a table is protected from deletion. When enabled, the table cannot be deleted by any user or process. This setting is disabled by default. For more information, see [Using deletion protection](https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/WorkingWithTables.Basics.html#WorkingWithTables.Basics.DeletionProtection) in the *Amazon DynamoDB Developer Guide* .
   */
  readonly deletionProtectionEnabled?: Input<boolean>;
  /**
   * Global secondary indexes to be created on the table. You can create up to 20 global secondary indexes.
   *
   * > If you update a table to include a new global secondary index, AWS CloudFormation initiates the index creation and then proceeds with the stack update. AWS CloudFormation doesn't wait for the index to complete creation because the backfilling phase can take a long time, depending on the size of the table. You can't use the index or update the table until the index's status is `ACTIVE` . …
   */
  readonly globalSecondaryIndexes?: Input<readonly Input<TableGlobalSecondaryIndex>[]>;
  /**
   * Specifies the properties of data being imported from the S3 bucket source to the" table.
   *
   * > If you specify the `ImportSourceSpecification` property, and also specify either the `StreamSpecification` , the `TableClass` property, the `DeletionProtectionEnabled` property, or the `WarmThroughput` property, the IAM entity creating/updating stack must have `UpdateTable` permission.
   *
   * Changing it replaces the resource.
   */
  readonly importSourceSpecification?: Input<TableImportSourceSpecification>;
  /**
   * Specifies the attributes that make up the primary key for the table. The attributes in the `KeySchema` property must also be defined in the `AttributeDefinitions` property.
   *
   * Changing it replaces the resource.
   */
  readonly keySchema: Input<readonly Input<TableKeySchema>[] | unknown>;
  /**
   * The Kinesis Data Streams configuration for the specified table.
   */
  readonly kinesisStreamSpecification?: Input<TableKinesisStreamSpecification>;
  /**
   * Local secondary indexes to be created on the table. You can create up to 5 local secondary indexes. Each index is scoped to a given hash key value. The size of each hash key can be up to 10 gigabytes.
   */
  readonly localSecondaryIndexes?: Input<readonly Input<TableLocalSecondaryIndex>[]>;
  /**
   * Sets the maximum number of read and write units for the specified on-demand table. If you use this property, you must specify `MaxReadRequestUnits` , `MaxWriteRequestUnits` , or both.
   */
  readonly onDemandThroughput?: Input<TableOnDemandThroughput>;
  /**
   * The settings used to enable point in time recovery.
   */
  readonly pointInTimeRecoverySpecification?: Input<TablePointInTimeRecoverySpecification>;
  /**
   * Throughput for the specified table, which consists of values for `ReadCapacityUnits` and `WriteCapacityUnits` . For more information about the contents of a provisioned throughput structure, see [Amazon DynamoDB Table ProvisionedThroughput](https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ProvisionedThroughput.html) .
   *
   * If you set `BillingMode` as `PROVISIONED` , you must specify this property. If you set `BillingMode` as `PAY_PER_REQUEST` , you cannot specify this property.
   */
  readonly provisionedThroughput?: Input<TableProvisionedThroughput>;
  /**
   * An AWS resource-based policy document in JSON format that will be attached to the table.
   *
   * When you attach a resource-based policy while creating a table, the policy application is *strongly consistent* .
   *
   * The maximum size supported for a resource-based policy document is 20 KB. DynamoDB counts whitespaces when calculating the size of a policy against this limit. …
   */
  readonly resourcePolicy?: Input<TableResourcePolicy>;
  /**
   * Specifies the settings to enable server-side encryption.
   */
  readonly sseSpecification?: Input<TableSSESpecification>;
  /**
   * The settings for the DynamoDB table stream, which captures changes to items stored in the table. Including this property in your AWS CloudFormation template automatically enables streaming.
   */
  readonly streamSpecification?: Input<TableStreamSpecification>;
  /**
   * The table class of the new table. Valid values are `STANDARD` and `STANDARD_INFREQUENT_ACCESS` .
   */
  readonly tableClass?: Input<string>;
  /**
   * A name for the table. If you don't specify a name, AWS CloudFormation generates a unique physical ID and uses that ID for the table name. For more information, see [Name Type](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-name.html) .
   *
   * > If you specify a name, you cannot perform updates that require replacement of this resource. You can perform updates that require no or some interruption. If you must replace the resource, specify a new name.
   *
   * Changing it replaces the resource.
   */
  readonly tableName?: Input<string>;
  /**
   * An array of key-value pairs to apply to this resource.
   *
   * For more information, see [Tag](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-resource-tags.html) .
   */
  readonly tags?: Input<readonly Input<{ readonly key: Input<string>; readonly value: Input<string> }>[]>;
  /**
   * Specifies the Time to Live (TTL) settings for the table.
   *
   * > For detailed information about the limits in DynamoDB, see [Limits in Amazon DynamoDB](https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Limits.html) in the Amazon DynamoDB Developer Guide.
   */
  readonly timeToLiveSpecification?: Input<TableTimeToLiveSpecification>;
  readonly vectorIndexes?: Input<readonly Input<TableVectorIndex>[]>;
  /**
   * Represents the warm throughput (in read units per second and write units per second) for creating a table.
   */
  readonly warmThroughput?: Input<TableWarmThroughput>;
}

/**
 * The `AWS::DynamoDB::Table` resource creates a DynamoDB table. For more information, see [CreateTable](https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html) in the *Amazon DynamoDB API Reference* .
 *
 * You should be aware of the following behaviors when working with DynamoDB tables:
 *
 * - AWS CloudFormation typically creates DynamoDB tables in parallel. However, if your template includes multiple DynamoDB tables with indexes, you must declare dependencies so that the tables are created sequentially. Amazon DynamoDB limits the number of tables with secondary indexes that are in the creating state. If you create multiple tables with indexes at the same time, DynamoDB returns an error and the stack operation fails. For an example, see [DynamoDB Table with a DependsOn Attribute](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-dynamodb-table.html#aws-resource-dynamodb-table--examples--DynamoDB_Table_with_a_DependsOn_Attribute) .
 *
 * > Our guidance is to use the latest schema documented for your AWS CloudFormation templates. This schema supports the provisioning of all table settings below. When using this schema in your AWS CloudFormation templates, please ensure that your Identity and Access Management ( IAM ) policies are updated with appropriate permissions to allow for the authorization of these setting changes.
 *
 * Cloud Control type `AWS::DynamoDB::Table`; its id is `tableName`.
 *
 * Changing `importSourceSpecification`, `keySchema`, `tableName` replaces it.
 *
 * Write-only (secret in state, never compared with what the cloud reports): `importSourceSpecification`.
 *
 * Taggable: the provider's default tags are merged into `tags`.
 */
export declare class Table extends NativeResource {
  /**
   * The Amazon Resource Name (ARN) of the DynamoDB table, such as `arn:aws:dynamodb:us-east-2:123456789012:table/myDynamoDBTable` .
   */
  readonly arn: Output<string>;
  /**
   * The ARN of the DynamoDB stream, such as `arn:aws:dynamodb:us-east-1:123456789012:table/testddbstack-myDynamoDBTable-012A1SL7SMP5Q/stream/2015-11-30T20:10:00.000` .
   *
   * > You must specify the `StreamSpecification` property to use this attribute.
   */
  readonly streamArn: Output<string>;
  readonly attributeDefinitions: Output<Plain<TableArgs["attributeDefinitions"]>>;
  readonly billingMode: Output<Plain<TableArgs["billingMode"]>>;
  readonly contributorInsightsSpecification: Output<Plain<TableArgs["contributorInsightsSpecification"]>>;
  readonly deletionProtectionEnabled: Output<Plain<TableArgs["deletionProtectionEnabled"]>>;
  readonly globalSecondaryIndexes: Output<Plain<TableArgs["globalSecondaryIndexes"]>>;
  readonly importSourceSpecification: Output<Plain<TableArgs["importSourceSpecification"]>>;
  readonly keySchema: Output<Plain<TableArgs["keySchema"]>>;
  readonly kinesisStreamSpecification: Output<Plain<TableArgs["kinesisStreamSpecification"]>>;
  readonly localSecondaryIndexes: Output<Plain<TableArgs["localSecondaryIndexes"]>>;
  readonly onDemandThroughput: Output<Plain<TableArgs["onDemandThroughput"]>>;
  readonly pointInTimeRecoverySpecification: Output<Plain<TableArgs["pointInTimeRecoverySpecification"]>>;
  readonly provisionedThroughput: Output<Plain<TableArgs["provisionedThroughput"]>>;
  readonly resourcePolicy: Output<Plain<TableArgs["resourcePolicy"]>>;
  readonly sseSpecification: Output<Plain<TableArgs["sseSpecification"]>>;
  readonly streamSpecification: Output<Plain<TableArgs["streamSpecification"]>>;
  readonly tableClass: Output<Plain<TableArgs["tableClass"]>>;
  readonly tableName: Output<Plain<TableArgs["tableName"]>>;
  readonly tags: Output<Plain<TableArgs["tags"]>>;
  readonly timeToLiveSpecification: Output<Plain<TableArgs["timeToLiveSpecification"]>>;
  readonly vectorIndexes: Output<Plain<TableArgs["vectorIndexes"]>>;
  readonly warmThroughput: Output<Plain<TableArgs["warmThroughput"]>>;
  constructor(name: string, args: TableArgs, opts?: CustomResourceOptions);
}
