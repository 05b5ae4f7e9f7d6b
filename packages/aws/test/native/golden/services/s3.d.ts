// Generated from @aws-cdk/aws-service-spec 0.1.216 by `npm run generate -w @cairn/aws`. Do not edit.
import type { CustomResourceOptions, Input, Output } from "@cairn/core";
import { NativeResource, type Plain } from "../../dist/native/native-resource.js";

/**
 * Specifies the days since the initiation of an incomplete multipart upload that Amazon S3 will wait before permanently removing all parts of the upload. For more information, see [Stopping Incomplete Multipart Uploads Using a Bucket Lifecycle Policy](https://docs.aws.amazon.com/AmazonS3/latest/dev/mpuoverview.html#mpu-abort-incomplete-mpu-lifecycle-config) in the *Amazon S3 User Guide* .
 */
export interface BucketAbortIncompleteMultipartUpload {
  /**
   * Specifies the number of days after which Amazon S3 stops an incomplete multipart upload.
   */
  readonly daysAfterInitiation: Input<number>;
}

/**
 * Configures the transfer acceleration state for an Amazon S3 bucket. For more information, see [Amazon S3 Transfer Acceleration](https://docs.aws.amazon.com/AmazonS3/latest/dev/transfer-acceleration.html) in the *Amazon S3 User Guide* .
 */
export interface BucketAccelerateConfiguration {
  /**
   * Specifies the transfer acceleration status of the bucket.
   */
  readonly accelerationStatus: Input<"Enabled" | "Suspended">;
}

/**
 * Specify this only in a cross-account scenario (where source and destination bucket owners are not the same), and you want to change replica ownership to the AWS account that owns the destination bucket. If this is not specified in the replication configuration, the replicas are owned by same AWS account that owns the source object.
 */
export interface BucketAccessControlTranslation {
  /**
   * Specifies the replica ownership. For default and valid values, see [PUT bucket replication](https://docs.aws.amazon.com/AmazonS3/latest/API/RESTBucketPUTreplication.html) in the *Amazon S3 API Reference* .
   */
  readonly owner: Input<string>;
}

/**
 * Specifies the configuration and any analyses for the analytics filter of an Amazon S3 bucket.
 */
export interface BucketAnalyticsConfiguration {
  /**
   * The ID that identifies the analytics configuration.
   */
  readonly id: Input<string>;
  /**
   * The prefix that an object must have to be included in the analytics results.
   */
  readonly prefix?: Input<string>;
  /**
   * Contains data related to access patterns to be collected and made available to analyze the tradeoffs between different storage classes.
   */
  readonly storageClassAnalysis: Input<BucketStorageClassAnalysis>;
  /**
   * The tags to use when evaluating an analytics filter.
   *
   * The analytics only includes objects that meet the filter's criteria. If no filter is specified, all of the contents of the bucket are included in the analysis.
   */
  readonly tagFilters?: Input<readonly Input<BucketTagFilter>[]>;
}

/**
 * The annotation table configuration for an S3 Metadata configuration. The annotation table tracks all annotations on objects in your bucket so that you can query annotation data at scale.
 *   If you've disabled your annotation table configuration and now want to re-enable it, you must first manually delete the old annotation table from your AWS managed table bucket. Otherwise, the newly re-enabled annotation table configuration will enter a failed state because the annotation table already exists in the table bucket.
 */
export interface BucketAnnotationTableConfiguration {
  /**
   * Specifies whether the annotation table configuration is enabled or disabled.
   */
  readonly configurationState: Input<"ENABLED" | "DISABLED">;
  /**
   * The encryption settings for an S3 Metadata journal table or inventory table configuration.
   */
  readonly encryptionConfiguration?: Input<BucketMetadataTableEncryptionConfiguration>;
  /**
   * The ARN of the IAM role that grants Amazon S3 Metadata permission to read annotations from your bucket.
   */
  readonly role?: Input<string>;
  /**
   * The Amazon Resource Name (ARN) for the annotation table.
   */
  readonly tableArn?: Input<string>;
  /**
   * The name of the annotation table.
   */
  readonly tableName?: Input<string>;
}

/**
 * A bucket-level setting for Amazon S3 general purpose buckets used to prevent the upload of new objects encrypted with the specified server-side encryption type. For example, blocking an encryption type will block `PutObject` , `CopyObject` , `PostObject` , multipart upload, and replication requests to the bucket for objects with the specified encryption type. However, you can continue to read and list any pre-existing objects already encrypted with the specified encryption type. …
 */
export interface BucketBlockedEncryptionTypes {
  /**
   * The object encryption type that you want to block or unblock for an Amazon S3 general purpose bucket.
   *
   * > Currently, this parameter only supports blocking or unblocking server side encryption with customer-provided keys (SSE-C). For more information about SSE-C, see [Using server-side encryption with customer-provided keys (SSE-C)](https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerSideEncryptionCustomerKeys.html) .
   */
  readonly encryptionType?: Input<readonly Input<"NONE" | "SSE-C">[]>;
}

/**
 * Specifies default encryption for a bucket using server-side encryption with Amazon S3-managed keys (SSE-S3), AWS KMS-managed keys (SSE-KMS), or dual-layer server-side encryption with KMS-managed keys (DSSE-KMS). For information about the Amazon S3 default encryption feature, see [Amazon S3 Default Encryption for S3 Buckets](https://docs.aws.amazon.com/AmazonS3/latest/dev/bucket-encryption.html) in the *Amazon S3 User Guide* .
 */
export interface BucketBucketEncryption {
  /**
   * Specifies the default server-side-encryption configuration.
   */
  readonly serverSideEncryptionConfiguration: Input<readonly Input<BucketServerSideEncryptionRule>[]>;
}

/**
 * Describes the cross-origin access configuration for objects in an Amazon S3 bucket. For more information, see [Enabling Cross-Origin Resource Sharing](https://docs.aws.amazon.com/AmazonS3/latest/dev/cors.html) in the *Amazon S3 User Guide* .
 */
export interface BucketCorsConfiguration {
  /**
   * A set of origins and methods (cross-origin access that you want to allow). You can add up to 100 rules to the configuration.
   */
  readonly corsRules: Input<readonly Input<BucketCorsRule>[]>;
}

/**
 * Specifies a cross-origin access rule for an Amazon S3 bucket.
 */
export interface BucketCorsRule {
  /**
   * Headers that are specified in the `Access-Control-Request-Headers` header. These headers are allowed in a preflight OPTIONS request. In response to any preflight OPTIONS request, Amazon S3 returns any requested headers that are allowed.
   */
  readonly allowedHeaders?: Input<readonly Input<string>[]>;
  /**
   * An HTTP method that you allow the origin to run.
   *
   * *Allowed values* : `GET` | `PUT` | `HEAD` | `POST` | `DELETE`
   */
  readonly allowedMethods: Input<readonly Input<string>[]>;
  /**
   * One or more origins you want customers to be able to access the bucket from.
   */
  readonly allowedOrigins: Input<readonly Input<string>[]>;
  /**
   * One or more headers in the response that you want customers to be able to access from their applications (for example, from a JavaScript `XMLHttpRequest` object).
   */
  readonly exposedHeaders?: Input<readonly Input<string>[]>;
  /**
   * A unique identifier for this rule. The value must be no more than 255 characters.
   */
  readonly id?: Input<string>;
  /**
   * The time in seconds that your browser is to cache the preflight response for the specified resource.
   */
  readonly maxAge?: Input<number>;
}

/**
 * Specifies how data related to the storage class analysis for an Amazon S3 bucket should be exported.
 */
export interface BucketDataExport {
  /**
   * The place to store the data for an analysis.
   */
  readonly destination: Input<BucketDestination>;
  /**
   * The version of the output schema to use when exporting data. Must be `V_1` .
   */
  readonly outputSchemaVersion: Input<string>;
}

export interface BucketDefaultEventHold {
  readonly days?: Input<number>;
  readonly years?: Input<number>;
}

/**
 * The container element for optionally specifying the default Object Lock retention settings for new objects placed in the specified bucket.
 *
 * > - The `DefaultRetention` settings require both a mode and a period.
 * > - The `DefaultRetention` period can be either `Days` or `Years` but you must select one. You cannot specify `Days` and `Years` at the same time.
 */
export interface BucketDefaultRetention {
  /**
   * The number of days that you want to specify for the default retention period. If Object Lock is turned on, you must specify `Mode` and specify either `Days` or `Years` .
   */
  readonly days?: Input<number>;
  readonly defaultEventHold?: Input<BucketDefaultEventHold>;
  /**
   * The default Object Lock retention mode you want to apply to new objects placed in the specified bucket. If Object Lock is turned on, you must specify `Mode` and specify either `Days` or `Years` .
   */
  readonly mode?: Input<"COMPLIANCE" | "GOVERNANCE">;
  /**
   * The number of years that you want to specify for the default retention period. If Object Lock is turned on, you must specify `Mode` and specify either `Days` or `Years` .
   */
  readonly years?: Input<number>;
}

/**
 * Specifies whether Amazon S3 replicates delete markers. If you specify a `Filter` in your replication configuration, you must also include a `DeleteMarkerReplication` element. If your `Filter` includes a `Tag` element, the `DeleteMarkerReplication` `Status` must be set to Disabled, because Amazon S3 does not support replicating delete markers for tag-based rules. …
 */
export interface BucketDeleteMarkerReplication {
  /**
   * Indicates whether to replicate delete markers.
   */
  readonly status?: Input<"Disabled" | "Enabled">;
}

/**
 * Specifies information about where to publish analysis or configuration results for an Amazon S3 bucket.
 */
export interface BucketDestination {
  /**
   * The account ID that owns the destination S3 bucket. If no account ID is provided, the owner is not validated before exporting data.
   *
   * > Although this value is optional, we strongly recommend that you set it to help prevent problems if the destination bucket ownership changes.
   */
  readonly bucketAccountId?: Input<string>;
  /**
   * The Amazon Resource Name (ARN) of the bucket to which data is exported.
   */
  readonly bucketArn: Input<string>;
  /**
   * Specifies the file format used when exporting data to Amazon S3.
   *
   * *Allowed values* : `CSV` | `ORC` | `Parquet`
   */
  readonly format: Input<"CSV" | "ORC" | "Parquet">;
  /**
   * The prefix to use when exporting data. The prefix is prepended to all results.
   */
  readonly prefix?: Input<string>;
}

/**
 * Specifies encryption-related information for an Amazon S3 bucket that is a destination for replicated objects.
 *
 * > If you're specifying a customer managed KMS key, we recommend using a fully qualified KMS key ARN. If you use a KMS key alias instead, then AWS  resolves the key within the requester’s account. This behavior can result in data that's encrypted with a KMS key that belongs to the requester, and not the bucket owner.
 */
export interface BucketEncryptionConfiguration {
  /**
   * Specifies the ID (Key ARN or Alias ARN) of the customer managed AWS KMS key stored in AWS Key Management Service (KMS) for the destination bucket. Amazon S3 uses this key to encrypt replica objects. Amazon S3 only supports symmetric encryption KMS keys. For more information, see [Asymmetric keys in AWS KMS](https://docs.aws.amazon.com//kms/latest/developerguide/symmetric-asymmetric.html) in the *AWS Key Management Service Developer Guide* .
   */
  readonly replicaKmsKeyID: Input<string>;
}

/**
 * Amazon S3 can send events to Amazon EventBridge whenever certain events happen in your bucket, see [Using EventBridge](https://docs.aws.amazon.com/AmazonS3/latest/userguide/EventBridge.html) in the *Amazon S3 User Guide* .
 *
 * Unlike other destinations, delivery of events to EventBridge can be either enabled or disabled for a bucket. If enabled, all events will be sent to EventBridge and you can use EventBridge rules to route events to additional targets. …
 */
export interface BucketEventBridgeConfiguration {
  /**
   * Enables delivery of events to Amazon EventBridge.
   */
  readonly eventBridgeEnabled: Input<boolean>;
}

/**
 * Specifies the Amazon S3 object key name to filter on. An object key name is the name assigned to an object in your Amazon S3 bucket. You specify whether to filter on the suffix or prefix of the object key name. A prefix is a specific string of characters at the beginning of an object key name, which you can use to organize objects. For example, you can start the key names of related objects with a prefix, such as `2023-` or `engineering/` . Then, you can use `FilterRule` to find objects in a bucket with key names that have the same prefix. …
 */
export interface BucketFilterRule {
  /**
   * The object key name prefix or suffix identifying one or more objects to which the filtering rule applies. The maximum length is 1,024 characters. Overlapping prefixes and suffixes are not supported. For more information, see [Configuring Event Notifications](https://docs.aws.amazon.com/AmazonS3/latest/dev/NotificationHowTo.html) in the *Amazon S3 User Guide* .
   */
  readonly name: Input<string>;
  /**
   * The value that the filter searches for in object key names.
   */
  readonly value: Input<string>;
}

/**
 * Specifies the S3 Intelligent-Tiering configuration for an Amazon S3 bucket.
 *
 * For information about the S3 Intelligent-Tiering storage class, see [Storage class for automatically optimizing frequently and infrequently accessed objects](https://docs.aws.amazon.com/AmazonS3/latest/dev/storage-class-intro.html#sc-dynamic-data-access) .
 */
export interface BucketIntelligentTieringConfiguration {
  /**
   * The ID used to identify the S3 Intelligent-Tiering configuration.
   */
  readonly id: Input<string>;
  /**
   * An object key name prefix that identifies the subset of objects to which the rule applies.
   */
  readonly prefix?: Input<string>;
  /**
   * Specifies the status of the configuration.
   */
  readonly status: Input<"Disabled" | "Enabled">;
  /**
   * A container for a key-value pair.
   */
  readonly tagFilters?: Input<readonly Input<BucketTagFilter>[]>;
  /**
   * Specifies a list of S3 Intelligent-Tiering storage class tiers in the configuration. At least one tier must be defined in the list. At most, you can specify two tiers in the list, one for each available AccessTier: `ARCHIVE_ACCESS` and `DEEP_ARCHIVE_ACCESS` .
   *
   * > You only need Intelligent Tiering Configuration enabled on a bucket if you want to automatically move objects stored in the Intelligent-Tiering storage class to Archive Access or Deep Archive Access tiers.
   */
  readonly tierings: Input<readonly Input<BucketTiering>[]>;
}

/**
 * Specifies the S3 Inventory configuration for an Amazon S3 bucket. For more information, see [GET Bucket inventory](https://docs.aws.amazon.com/AmazonS3/latest/API/RESTBucketGETInventoryConfig.html) in the *Amazon S3 API Reference* .
 */
export interface BucketInventoryConfiguration {
  /**
   * Contains information about where to publish the inventory results.
   */
  readonly destination: Input<BucketDestination>;
  /**
   * Specifies whether the inventory is enabled or disabled. If set to `True` , an inventory list is generated. If set to `False` , no inventory list is generated.
   */
  readonly enabled: Input<boolean>;
  /**
   * The ID used to identify the inventory configuration.
   */
  readonly id: Input<string>;
  /**
   * Object versions to include in the inventory list. If set to `All` , the list includes all the object versions, which adds the version-related fields `VersionId` , `IsLatest` , and `DeleteMarker` to the list. If set to `Current` , the list does not contain these version-related fields.
   */
  readonly includedObjectVersions: Input<"All" | "Current">;
  /**
   * Contains the optional fields that are included in the inventory results.
   */
  readonly optionalFields?: Input<readonly Input<string>[]>;
  /**
   * Specifies the inventory filter prefix.
   */
  readonly prefix?: Input<string>;
  /**
   * Specifies the schedule for generating inventory results.
   */
  readonly scheduleFrequency: Input<"Daily" | "Weekly">;
}

/**
 * The inventory table configuration for an S3 Metadata configuration.
 */
export interface BucketInventoryTableConfiguration {
  /**
   * The configuration state of the inventory table, indicating whether the inventory table is enabled or disabled.
   */
  readonly configurationState: Input<"ENABLED" | "DISABLED">;
  /**
   * The encryption configuration for the inventory table.
   */
  readonly encryptionConfiguration?: Input<BucketMetadataTableEncryptionConfiguration>;
  /**
   * The Amazon Resource Name (ARN) for the inventory table.
   */
  readonly tableArn?: Input<string>;
  /**
   * The name of the inventory table.
   */
  readonly tableName?: Input<string>;
}

/**
 * The journal table configuration for an S3 Metadata configuration.
 */
export interface BucketJournalTableConfiguration {
  /**
   * The encryption configuration for the journal table.
   */
  readonly encryptionConfiguration?: Input<BucketMetadataTableEncryptionConfiguration>;
  /**
   * The journal table record expiration settings for the journal table.
   */
  readonly recordExpiration: Input<BucketRecordExpiration>;
  /**
   * The Amazon Resource Name (ARN) for the journal table.
   */
  readonly tableArn?: Input<string>;
  /**
   * The name of the journal table.
   */
  readonly tableName?: Input<string>;
}

/**
 * Describes the AWS Lambda functions to invoke and the events for which to invoke them.
 */
export interface BucketLambdaConfiguration {
  /**
   * The Amazon S3 bucket event for which to invoke the AWS Lambda function. For more information, see [Supported Event Types](https://docs.aws.amazon.com/AmazonS3/latest/dev/NotificationHowTo.html) in the *Amazon S3 User Guide* .
   */
  readonly event: Input<string>;
  /**
   * The filtering rules that determine which objects invoke the AWS Lambda function. For example, you can create a filter so that only image files with a `.jpg` extension invoke the function when they are added to the Amazon S3 bucket.
   */
  readonly filter?: Input<BucketNotificationFilter>;
  /**
   * The Amazon Resource Name (ARN) of the AWS Lambda function that Amazon S3 invokes when the specified event type occurs.
   */
  readonly function: Input<string>;
}

/**
 * Specifies the lifecycle configuration for objects in an Amazon S3 bucket. For more information, see [Object Lifecycle Management](https://docs.aws.amazon.com/AmazonS3/latest/dev/object-lifecycle-mgmt.html) in the *Amazon S3 User Guide* .
 */
export interface BucketLifecycleConfiguration {
  /**
   * A lifecycle rule for individual objects in an Amazon S3 bucket.
   */
  readonly rules: Input<readonly Input<BucketRule>[]>;
  /**
   * Indicates which default minimum object size behavior is applied to the lifecycle configuration.
   *
   * > This parameter applies to general purpose buckets only. It isn't supported for directory bucket lifecycle configurations. 
   *
   * - `all_storage_classes_128K` - Objects smaller than 128 KB will not transition to any storage class by default.
   * - `varies_by_storage_class` - Objects smaller than 128 KB will transition to Glacier Flexible Retrieval or Glacier Deep Archive storage classes. …
   */
  readonly transitionDefaultMinimumObjectSize?: Input<"varies_by_storage_class" | "all_storage_classes_128K">;
}

/**
 * Describes where logs are stored and the prefix that Amazon S3 assigns to all log object keys for a bucket. For examples and more information, see [PUT Bucket logging](https://docs.aws.amazon.com/AmazonS3/latest/API/RESTBucketPUTlogging.html) in the *Amazon S3 API Reference* .
 *
 * > To successfully complete the `AWS::S3::Bucket LoggingConfiguration` request, you must have `s3:PutObject` and `s3:PutObjectAcl` in your IAM permissions.
 */
export interface BucketLoggingConfiguration {
  /**
   * The name of the bucket where Amazon S3 should store server access log files. You can store log files in any bucket that you own. By default, logs are stored in the bucket where the `LoggingConfiguration` property is defined.
   */
  readonly destinationBucketName?: Input<string>;
  /**
   * A prefix for all log object keys. If you store log files from multiple Amazon S3 buckets in a single bucket, you can use a prefix to distinguish which log files came from which bucket.
   */
  readonly logFilePrefix?: Input<string>;
  /**
   * Amazon S3 key format for log objects. Only one format, either PartitionedPrefix or SimplePrefix, is allowed.
   */
  readonly targetObjectKeyFormat?: Input<BucketTargetObjectKeyFormat>;
}

/**
 * Creates a V2 Amazon S3 Metadata configuration of a general purpose bucket. For more information, see [Accelerating data discovery with S3 Metadata](https://docs.aws.amazon.com/AmazonS3/latest/userguide/metadata-tables-overview.html) in the *Amazon S3 User Guide* .
 */
export interface BucketMetadataConfiguration {
  /**
   * The annotation table configuration for an S3 Metadata configuration. The annotation table tracks all annotations on objects in your bucket so that you can query annotation data at scale.
   *   If you've disabled your annotation table configuration and now want to re-enable it, you must first manually delete the old annotation table from your AWS managed table bucket. Otherwise, the newly re-enabled annotation table configuration will enter a failed state because the annotation table already exists in the table bucket.
   */
  readonly annotationTableConfiguration?: Input<BucketAnnotationTableConfiguration>;
  /**
   * The destination information for the S3 Metadata configuration.
   */
  readonly destination?: Input<BucketMetadataDestination>;
  /**
   * The inventory table configuration for a metadata configuration.
   */
  readonly inventoryTableConfiguration?: Input<BucketInventoryTableConfiguration>;
  /**
   * The journal table configuration for a metadata configuration.
   */
  readonly journalTableConfiguration: Input<BucketJournalTableConfiguration>;
}

/**
 * The destination information for the S3 Metadata configuration.
 */
export interface BucketMetadataDestination {
  /**
   * The Amazon Resource Name (ARN) of the table bucket where the metadata configuration is stored.
   */
  readonly tableBucketArn?: Input<string>;
  /**
   * The type of the table bucket where the metadata configuration is stored. The `aws` value indicates an AWS managed table bucket, and the `customer` value indicates a customer-managed table bucket. V2 metadata configurations are stored in AWS managed table buckets, and V1 metadata configurations are stored in customer-managed table buckets.
   */
  readonly tableBucketType: Input<"aws" | "customer">;
  /**
   * The namespace in the table bucket where the metadata tables for a metadata configuration are stored.
   */
  readonly tableNamespace?: Input<string>;
}

/**
 * > We recommend that you create your S3 Metadata configurations by using the V2 [MetadataConfiguration](https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-s3-bucket-metadataconfiguration.html) resource type. We no longer recommend using the V1 `MetadataTableConfiguration` resource type.
 * > 
 * > If you created your S3 Metadata configuration before July 15, 2025, we recommend that you delete and re-create your configuration by using the [MetadataConfiguration](https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-s3-bucket-metadataco …
 */
export interface BucketMetadataTableConfiguration {
  /**
   * The destination information for the metadata table configuration. The destination table bucket must be in the same Region and AWS account as the general purpose bucket. The specified metadata table name must be unique within the `aws_s3_metadata` namespace in the destination table bucket.
   */
  readonly s3TablesDestination: Input<BucketS3TablesDestination>;
}

/**
 * The encryption settings for an S3 Metadata journal table or inventory table configuration.
 */
export interface BucketMetadataTableEncryptionConfiguration {
  /**
   * If server-side encryption with AWS Key Management Service ( AWS  ) keys (SSE-KMS) is specified, you must also specify the KMS key Amazon Resource Name (ARN). You must specify a customer-managed KMS key that's located in the same Region as the general purpose bucket that corresponds to the metadata table configuration.
   */
  readonly kmsKeyArn?: Input<string>;
  /**
   * The encryption type specified for a metadata table. To specify server-side encryption with AWS Key Management Service ( AWS  ) keys (SSE-KMS), use the `aws:kms` value. To specify server-side encryption with Amazon S3 managed keys (SSE-S3), use the `AES256` value.
   */
  readonly sseAlgorithm: Input<"aws:kms" | "AES256">;
}

/**
 * A container specifying replication metrics-related settings enabling replication metrics and events.
 */
export interface BucketMetrics {
  /**
   * A container specifying the time threshold for emitting the `s3:Replication:OperationMissedThreshold` event.
   */
  readonly eventThreshold?: Input<BucketReplicationTimeValue>;
  /**
   * Specifies whether the replication metrics are enabled.
   */
  readonly status: Input<"Disabled" | "Enabled">;
}

/**
 * Specifies a metrics configuration for the CloudWatch request metrics (specified by the metrics configuration ID) from an Amazon S3 bucket. If you're updating an existing metrics configuration, note that this is a full replacement of the existing metrics configuration. If you don't include the elements you want to keep, they are erased. For examples, see [AWS::S3::Bucket](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket.html#aws-properties-s3-bucket--examples) . …
 */
export interface BucketMetricsConfiguration {
  /**
   * The access point that was used while performing operations on the object. The metrics configuration only includes objects that meet the filter's criteria.
   */
  readonly accessPointArn?: Input<string>;
  /**
   * The ID used to identify the metrics configuration. This can be any value you choose that helps you identify your metrics configuration.
   */
  readonly id: Input<string>;
  /**
   * The prefix that an object must have to be included in the metrics results.
   */
  readonly prefix?: Input<string>;
  /**
   * Specifies a list of tag filters to use as a metrics configuration filter. The metrics configuration includes only objects that meet the filter's criteria.
   */
  readonly tagFilters?: Input<readonly Input<BucketTagFilter>[]>;
}

/**
 * Specifies when noncurrent object versions expire. Upon expiration, Amazon S3 permanently deletes the noncurrent object versions. You set this lifecycle configuration action on a bucket that has versioning enabled (or suspended) to request that Amazon S3 delete noncurrent object versions at a specific period in the object's lifetime. For more information about setting a lifecycle rule configuration, see [AWS::S3::Bucket Rule](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-lifecycleconfig-rule.html) .
 */
export interface BucketNoncurrentVersionExpiration {
  /**
   * Specifies how many noncurrent versions Amazon S3 will retain. If there are this many more recent noncurrent versions, Amazon S3 will take the associated action. For more information about noncurrent versions, see [Lifecycle configuration elements](https://docs.aws.amazon.com/AmazonS3/latest/userguide/intro-lifecycle-rules.html) in the *Amazon S3 User Guide* .
   */
  readonly newerNoncurrentVersions?: Input<number>;
  /**
   * Specifies the number of days an object is noncurrent before Amazon S3 can perform the associated action. For information about the noncurrent days calculations, see [How Amazon S3 Calculates When an Object Became Noncurrent](https://docs.aws.amazon.com/AmazonS3/latest/dev/intro-lifecycle-rules.html#non-current-days-calculations) in the *Amazon S3 User Guide* .
   */
  readonly noncurrentDays: Input<number>;
}

/**
 * Container for the transition rule that describes when noncurrent objects transition to the `STANDARD_IA` , `ONEZONE_IA` , `INTELLIGENT_TIERING` , `GLACIER_IR` , `GLACIER` , or `DEEP_ARCHIVE` storage class. If your bucket is versioning-enabled (or versioning is suspended), you can set this action to request that Amazon S3 transition noncurrent object versions to the `STANDARD_IA` , `ONEZONE_IA` , `INTELLIGENT_TIERING` , `GLACIER_IR` , `GLACIER` , or `DEEP_ARCHIVE` storage class at a specific period in the object's lifetime. …
 */
export interface BucketNoncurrentVersionTransition {
  /**
   * Specifies how many noncurrent versions Amazon S3 will retain. If there are this many more recent noncurrent versions, Amazon S3 will take the associated action. For more information about noncurrent versions, see [Lifecycle configuration elements](https://docs.aws.amazon.com/AmazonS3/latest/userguide/intro-lifecycle-rules.html) in the *Amazon S3 User Guide* .
   */
  readonly newerNoncurrentVersions?: Input<number>;
  /**
   * The class of storage used to store the object.
   */
  readonly storageClass: Input<"DEEP_ARCHIVE" | "GLACIER" | "Glacier" | "GLACIER_IR" | "INTELLIGENT_TIERING" | "ONEZONE_IA" | "STANDARD_IA">;
  /**
   * Specifies the number of days an object is noncurrent before Amazon S3 can perform the associated action. For information about the noncurrent days calculations, see [How Amazon S3 Calculates How Long an Object Has Been Noncurrent](https://docs.aws.amazon.com/AmazonS3/latest/dev/intro-lifecycle-rules.html#non-current-days-calculations) in the *Amazon S3 User Guide* .
   */
  readonly transitionInDays: Input<number>;
}

/**
 * Describes the notification configuration for an Amazon S3 bucket.
 *
 * > If you create the target resource and related permissions in the same template, you might have a circular dependency.
 * > 
 * > For example, you might use the `AWS::Lambda::Permission` resource to grant the bucket permission to invoke an AWS Lambda function. However, AWS CloudFormation can't create the bucket until the bucket has permission to invoke the function ( AWS CloudFormation checks whether the bucket can invoke the function). …
 */
export interface BucketNotificationConfiguration {
  /**
   * Enables delivery of events to Amazon EventBridge.
   */
  readonly eventBridgeConfiguration?: Input<BucketEventBridgeConfiguration>;
  /**
   * Describes the AWS Lambda functions to invoke and the events for which to invoke them.
   */
  readonly lambdaConfigurations?: Input<readonly Input<BucketLambdaConfiguration>[]>;
  /**
   * The Amazon Simple Queue Service queues to publish messages to and the events for which to publish messages.
   */
  readonly queueConfigurations?: Input<readonly Input<BucketQueueConfiguration>[]>;
  /**
   * The topic to which notifications are sent and the events for which notifications are generated.
   */
  readonly topicConfigurations?: Input<readonly Input<BucketTopicConfiguration>[]>;
}

/**
 * Specifies object key name filtering rules. For information about key name filtering, see [Configuring event notifications using object key name filtering](https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-filtering.html) in the *Amazon S3 User Guide* .
 */
export interface BucketNotificationFilter {
  /**
   * A container for object key name prefix and suffix filtering rules.
   */
  readonly s3Key: Input<BucketS3KeyFilter>;
}

/**
 * Places an Object Lock configuration on the specified bucket. The rule specified in the Object Lock configuration will be applied by default to every new object placed in the specified bucket. For more information, see [Locking Objects](https://docs.aws.amazon.com/AmazonS3/latest/dev/object-lock.html) .
 */
export interface BucketObjectLockConfiguration {
  /**
   * Indicates whether this bucket has an Object Lock configuration enabled. Enable `ObjectLockEnabled` when you apply `ObjectLockConfiguration` to a bucket.
   */
  readonly objectLockEnabled?: Input<string>;
  /**
   * Specifies the Object Lock rule for the specified object. Enable this rule when you apply `ObjectLockConfiguration` to a bucket. If Object Lock is turned on, bucket settings require both `Mode` and a period of either `Days` or `Years` . You cannot specify `Days` and `Years` at the same time. For more information, see [ObjectLockRule](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-objectlockrule.html) and [DefaultRetention](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-defaultretention.html) .
   */
  readonly rule?: Input<BucketObjectLockRule>;
}

/**
 * Specifies the Object Lock rule for the specified object. Enable the this rule when you apply `ObjectLockConfiguration` to a bucket.
 */
export interface BucketObjectLockRule {
  /**
   * The default Object Lock retention mode and period that you want to apply to new objects placed in the specified bucket. If Object Lock is turned on, bucket settings require both `Mode` and a period of either `Days` or `Years` . You cannot specify `Days` and `Years` at the same time. For more information about allowable values for mode and period, see [DefaultRetention](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-defaultretention.html) .
   */
  readonly defaultRetention?: Input<BucketDefaultRetention>;
}

/**
 * Specifies the container element for Object Ownership rules.
 *
 * S3 Object Ownership is an Amazon S3 bucket-level setting that you can use to disable access control lists (ACLs) and take ownership of every object in your bucket, simplifying access management for data stored in Amazon S3. For more information, see [Controlling ownership of objects and disabling ACLs](https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html) in the *Amazon S3 User Guide* .
 */
export interface BucketOwnershipControls {
  /**
   * Specifies the container element for Object Ownership rules.
   */
  readonly rules: Input<readonly Input<BucketOwnershipControlsRule>[]>;
}

/**
 * Specifies an Object Ownership rule.
 *
 * S3 Object Ownership is an Amazon S3 bucket-level setting that you can use to disable access control lists (ACLs) and take ownership of every object in your bucket, simplifying access management for data stored in Amazon S3. For more information, see [Controlling ownership of objects and disabling ACLs](https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html) in the *Amazon S3 User Guide* .
 */
export interface BucketOwnershipControlsRule {
  /**
   * Specifies an object ownership rule.
   */
  readonly objectOwnership?: Input<"ObjectWriter" | "BucketOwnerPreferred" | "BucketOwnerEnforced">;
}

/**
 * Amazon S3 keys for log objects are partitioned in the following format:
 *
 * `[DestinationPrefix][SourceAccountId]/[SourceRegion]/[SourceBucket]/[YYYY]/[MM]/[DD]/[YYYY]-[MM]-[DD]-[hh]-[mm]-[ss]-[UniqueString]`
 *
 * PartitionedPrefix defaults to EventTime delivery when server access logs are delivered.
 */
export interface BucketPartitionedPrefix {
  /**
   * Specifies the partition date source for the partitioned prefix. `PartitionDateSource` can be `EventTime` or `DeliveryTime` .
   *
   * For `DeliveryTime` , the time in the log file names corresponds to the delivery time for the log files.
   *
   * For `EventTime` , The logs delivered are for a specific day only. The year, month, and day correspond to the day on which the event occurred, and the hour, minutes and seconds are set to 00 in the key.
   */
  readonly partitionDateSource?: Input<"EventTime" | "DeliveryTime">;
}

/**
 * The PublicAccessBlock configuration that you want to apply to this Amazon S3 bucket. You can enable the configuration options in any combination. Bucket-level settings work alongside account-level settings (which may inherit from organization-level policies). For more information about when Amazon S3 considers a bucket or object public, see [The Meaning of "Public"](https://docs.aws.amazon.com/AmazonS3/latest/dev/access-control-block-public-access.html#access-control-block-public-access-policy-status) in the *Amazon S3 User Guide* .
 */
export interface BucketPublicAccessBlockConfiguration {
  /**
   * Specifies whether Amazon S3 should block public access control lists (ACLs) for this bucket and objects in this bucket. Setting this element to `TRUE` causes the following behavior:
   *
   * - PUT Bucket ACL and PUT Object ACL calls fail if the specified ACL is public.
   * - PUT Object calls fail if the request includes a public ACL.
   * - PUT Bucket calls fail if the request includes a public ACL.
   *
   * Enabling this setting doesn't affect existing policies or ACLs.
   */
  readonly blockPublicAcls?: Input<boolean>;
  /**
   * Specifies whether Amazon S3 should block public bucket policies for this bucket. Setting this element to `TRUE` causes Amazon S3 to reject calls to PUT Bucket policy if the specified bucket policy allows public access.
   *
   * Enabling this setting doesn't affect existing bucket policies.
   */
  readonly blockPublicPolicy?: Input<boolean>;
  /**
   * Specifies whether Amazon S3 should ignore public ACLs for this bucket and objects in this bucket. Setting this element to `TRUE` causes Amazon S3 to ignore all public ACLs on this bucket and objects in this bucket.
   *
   * Enabling this setting doesn't affect the persistence of any existing ACLs and doesn't prevent new public ACLs from being set.
   */
  readonly ignorePublicAcls?: Input<boolean>;
  /**
   * Specifies whether Amazon S3 should restrict public bucket policies for this bucket. Setting this element to `TRUE` restricts access to this bucket to only AWS service principals and authorized users within this account if the bucket has a public policy.
   *
   * Enabling this setting doesn't affect previously stored bucket policies, except that public and cross-account access within any public bucket policy, including non-public delegation to specific accounts, is blocked.
   */
  readonly restrictPublicBuckets?: Input<boolean>;
}

/**
 * Specifies the configuration for publishing messages to an Amazon Simple Queue Service (Amazon SQS) queue when Amazon S3 detects specified events.
 */
export interface BucketQueueConfiguration {
  /**
   * The Amazon S3 bucket event about which you want to publish messages to Amazon SQS. For more information, see [Supported Event Types](https://docs.aws.amazon.com/AmazonS3/latest/dev/NotificationHowTo.html) in the *Amazon S3 User Guide* .
   */
  readonly event: Input<string>;
  /**
   * The filtering rules that determine which objects trigger notifications. For example, you can create a filter so that Amazon S3 sends notifications only when image files with a `.jpg` extension are added to the bucket. For more information, see [Configuring event notifications using object key name filtering](https://docs.aws.amazon.com/AmazonS3/latest/user-guide/notification-how-to-filtering.html) in the *Amazon S3 User Guide* .
   */
  readonly filter?: Input<BucketNotificationFilter>;
  /**
   * The Amazon Resource Name (ARN) of the Amazon SQS queue to which Amazon S3 publishes a message when it detects events of the specified type. FIFO queues are not allowed when enabling an SQS queue as the event notification destination.
   */
  readonly queue: Input<string>;
}

/**
 * The journal table record expiration settings for a journal table in an S3 Metadata configuration.
 */
export interface BucketRecordExpiration {
  /**
   * If you enable journal table record expiration, you can set the number of days to retain your journal table records. Journal table records must be retained for a minimum of 7 days. To set this value, specify any whole number from `7` to `2147483647` . For example, to retain your journal table records for one year, set this value to `365` .
   */
  readonly days?: Input<number>;
  /**
   * Specifies whether journal table record expiration is enabled or disabled.
   */
  readonly expiration: Input<"ENABLED" | "DISABLED">;
}

/**
 * Specifies the redirect behavior of all requests to a website endpoint of an Amazon S3 bucket.
 */
export interface BucketRedirectAllRequestsTo {
  /**
   * Name of the host where requests are redirected.
   */
  readonly hostName: Input<string>;
  /**
   * Protocol to use when redirecting requests. The default is the protocol that is used in the original request.
   */
  readonly protocol?: Input<"http" | "https">;
}

/**
 * Specifies how requests are redirected. In the event of an error, you can specify a different error code to return.
 */
export interface BucketRedirectRule {
  /**
   * The host name to use in the redirect request.
   */
  readonly hostName?: Input<string>;
  /**
   * The HTTP redirect code to use on the response. Not required if one of the siblings is present.
   */
  readonly httpRedirectCode?: Input<string>;
  /**
   * Protocol to use when redirecting requests. The default is the protocol that is used in the original request.
   */
  readonly protocol?: Input<"http" | "https">;
  /**
   * The object key prefix to use in the redirect request. For example, to redirect requests for all pages with prefix `docs/` (objects in the `docs/` folder) to `documents/` , you can set a condition block with `KeyPrefixEquals` set to `docs/` and in the Redirect set `ReplaceKeyPrefixWith` to `/documents` . Not required if one of the siblings is present. Can be present only if `ReplaceKeyWith` is not provided.
   *
   * > Replacement must be made for object keys containing special characters (such as carriage returns) when using XML requests. …
   */
  readonly replaceKeyPrefixWith?: Input<string>;
  /**
   * The specific object key to use in the redirect request. For example, redirect request to `error.html` . Not required if one of the siblings is present. Can be present only if `ReplaceKeyPrefixWith` is not provided.
   *
   * > Replacement must be made for object keys containing special characters (such as carriage returns) when using XML requests. For more information, see [XML related object key constraints](https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html#object-key-xml-related-constraints) .
   */
  readonly replaceKeyWith?: Input<string>;
}

/**
 * A filter that you can specify for selection for modifications on replicas.
 */
export interface BucketReplicaModifications {
  /**
   * Specifies whether Amazon S3 replicates modifications on replicas.
   *
   * *Allowed values* : `Enabled` | `Disabled`
   */
  readonly status: Input<"Enabled" | "Disabled">;
}

/**
 * A container for replication rules. You can add up to 1,000 rules. The maximum size of a replication configuration is 2 MB. The latest version of the replication configuration XML is V2. For more information about XML V2 replication configurations, see [Replication configuration](https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication-add-config.html) in the *Amazon S3 User Guide* .
 */
export interface BucketReplicationConfiguration {
  /**
   * The Amazon Resource Name (ARN) of the AWS Identity and Access Management (IAM) role that Amazon S3 assumes when replicating objects. For more information, see [How to Set Up Replication](https://docs.aws.amazon.com/AmazonS3/latest/dev/replication-how-setup.html) in the *Amazon S3 User Guide* .
   */
  readonly role: Input<string>;
  /**
   * A container for one or more replication rules. A replication configuration must have at least one rule and can contain a maximum of 1,000 rules.
   */
  readonly rules: Input<readonly Input<BucketReplicationRule>[]>;
}

/**
 * A container for information about the replication destination and its configurations including enabling the S3 Replication Time Control (S3 RTC).
 */
export interface BucketReplicationDestination {
  /**
   * Specify this only in a cross-account scenario (where source and destination bucket owners are not the same), and you want to change replica ownership to the AWS account that owns the destination bucket. If this is not specified in the replication configuration, the replicas are owned by same AWS account that owns the source object.
   */
  readonly accessControlTranslation?: Input<BucketAccessControlTranslation>;
  /**
   * Destination bucket owner account ID. In a cross-account scenario, if you direct Amazon S3 to change replica ownership to the AWS account that owns the destination bucket by specifying the `AccessControlTranslation` property, this is the account ID of the destination bucket owner. For more information, see [Cross-Region Replication Additional Configuration: Change Replica Owner](https://docs.aws.amazon.com/AmazonS3/latest/dev/crr-change-owner.html) in the *Amazon S3 User Guide* .
   *
   * If you specify the `AccessControlTranslation` property, the `Account` property is required.
   */
  readonly account?: Input<string>;
  /**
   * The Amazon Resource Name (ARN) of the bucket where you want Amazon S3 to store the results.
   */
  readonly bucket: Input<string>;
  /**
   * Specifies encryption-related information.
   */
  readonly encryptionConfiguration?: Input<BucketEncryptionConfiguration>;
  /**
   * A container specifying replication metrics-related settings enabling replication metrics and events.
   */
  readonly metrics?: Input<BucketMetrics>;
  /**
   * A container specifying S3 Replication Time Control (S3 RTC), including whether S3 RTC is enabled and the time when all objects and operations on objects must be replicated. Must be specified together with a `Metrics` block.
   */
  readonly replicationTime?: Input<BucketReplicationTime>;
  /**
   * The storage class to use when replicating objects, such as S3 Standard or reduced redundancy. By default, Amazon S3 uses the storage class of the source object to create the object replica.
   *
   * For valid values, see the `StorageClass` element of the [PUT Bucket replication](https://docs.aws.amazon.com/AmazonS3/latest/API/RESTBucketPUTreplication.html) action in the *Amazon S3 API Reference* .
   *
   * `FSX_OPENZFS` is not an accepted value when replicating objects.
   */
  readonly storageClass?: Input<"DEEP_ARCHIVE" | "GLACIER" | "GLACIER_IR" | "INTELLIGENT_TIERING" | "ONEZONE_IA" | "REDUCED_REDUNDANCY" | "STANDARD" | "STANDARD_IA">;
}

/**
 * Specifies which Amazon S3 objects to replicate and where to store the replicas.
 */
export interface BucketReplicationRule {
  /**
   * Specifies whether Amazon S3 replicates delete markers. If you specify a `Filter` in your replication configuration, you must also include a `DeleteMarkerReplication` element. If your `Filter` includes a `Tag` element, the `DeleteMarkerReplication` `Status` must be set to Disabled, because Amazon S3 does not support replicating delete markers for tag-based rules. …
   */
  readonly deleteMarkerReplication?: Input<BucketDeleteMarkerReplication>;
  /**
   * A container for information about the replication destination and its configurations including enabling the S3 Replication Time Control (S3 RTC).
   */
  readonly destination: Input<BucketReplicationDestination>;
  /**
   * A filter that identifies the subset of objects to which the replication rule applies. A `Filter` must specify exactly one `Prefix` , `TagFilter` , or an `And` child element. The use of the filter field indicates that this is a V2 replication configuration. This field isn't supported in a V1 replication configuration.
   *
   * > V1 replication configuration only supports filtering by key prefix. To filter using a V1 replication configuration, add the `Prefix` directly as a child element of the `Rule` element.
   */
  readonly filter?: Input<BucketReplicationRuleFilter>;
  /**
   * A unique identifier for the rule. The maximum value is 255 characters. If you don't specify a value, AWS CloudFormation generates a random ID. When using a V2 replication configuration this property is capitalized as "ID".
   */
  readonly id?: Input<string>;
  /**
   * An object key name prefix that identifies the object or objects to which the rule applies. The maximum prefix length is 1,024 characters. To include all objects in a bucket, specify an empty string. To filter using a V1 replication configuration, add the `Prefix` directly as a child element of the `Rule` element.
   *
   * > Replacement must be made for object keys containing special characters (such as carriage returns) when using XML requests. …
   */
  readonly prefix?: Input<string>;
  /**
   * The priority indicates which rule has precedence whenever two or more replication rules conflict. Amazon S3 will attempt to replicate objects according to all replication rules. However, if there are two or more rules with the same destination bucket, then objects will be replicated according to the rule with the highest priority. The higher the number, the higher the priority.
   *
   * For more information, see [Replication](https://docs.aws.amazon.com/AmazonS3/latest/dev/replication.html) in the *Amazon S3 User Guide* .
   */
  readonly priority?: Input<number>;
  /**
   * A container that describes additional filters for identifying the source objects that you want to replicate. You can choose to enable or disable the replication of these objects.
   */
  readonly sourceSelectionCriteria?: Input<BucketSourceSelectionCriteria>;
  /**
   * Specifies whether the rule is enabled.
   */
  readonly status: Input<"Disabled" | "Enabled">;
}

/**
 * A container for specifying rule filters. The filters determine the subset of objects to which the rule applies. This element is required only if you specify more than one filter.
 *
 * For example:
 *
 * - If you specify both a `Prefix` and a `TagFilter` , wrap these filters in an `And` tag.
 * - If you specify a filter based on multiple tags, wrap the `TagFilter` elements in an `And` tag
 */
export interface BucketReplicationRuleAndOperator {
  /**
   * An object key name prefix that identifies the subset of objects to which the rule applies.
   */
  readonly prefix?: Input<string>;
  /**
   * An array of tags containing key and value pairs.
   */
  readonly tagFilters?: Input<readonly Input<BucketTagFilter>[]>;
}

/**
 * A filter that identifies the subset of objects to which the replication rule applies. A `Filter` must specify exactly one `Prefix` , `TagFilter` , or an `And` child element.
 */
export interface BucketReplicationRuleFilter {
  /**
   * A container for specifying rule filters. The filters determine the subset of objects to which the rule applies. This element is required only if you specify more than one filter. For example:
   *
   * - If you specify both a `Prefix` and a `TagFilter` , wrap these filters in an `And` tag.
   * - If you specify a filter based on multiple tags, wrap the `TagFilter` elements in an `And` tag.
   */
  readonly and?: Input<BucketReplicationRuleAndOperator>;
  /**
   * An object key name prefix that identifies the subset of objects to which the rule applies.
   *
   * > Replacement must be made for object keys containing special characters (such as carriage returns) when using XML requests. For more information, see [XML related object key constraints](https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html#object-key-xml-related-constraints) .
   */
  readonly prefix?: Input<string>;
  /**
   * A container for specifying a tag key and value.
   *
   * The rule applies only to objects that have the tag in their tag set.
   */
  readonly tagFilter?: Input<BucketTagFilter>;
}

/**
 * A container specifying S3 Replication Time Control (S3 RTC) related information, including whether S3 RTC is enabled and the time when all objects and operations on objects must be replicated. Must be specified together with a `Metrics` block.
 */
export interface BucketReplicationTime {
  /**
   * Specifies whether the replication time is enabled.
   */
  readonly status: Input<"Disabled" | "Enabled">;
  /**
   * A container specifying the time by which replication should be complete for all objects and operations on objects.
   */
  readonly time: Input<BucketReplicationTimeValue>;
}

/**
 * A container specifying the time value for S3 Replication Time Control (S3 RTC) and replication metrics `EventThreshold` .
 */
export interface BucketReplicationTimeValue {
  /**
   * Contains an integer specifying time in minutes.
   *
   * Valid value: 15
   */
  readonly minutes: Input<number>;
}

/**
 * Specifies the redirect behavior and when a redirect is applied. For more information about routing rules, see [Configuring advanced conditional redirects](https://docs.aws.amazon.com/AmazonS3/latest/dev/how-to-page-redirect.html#advanced-conditional-redirects) in the *Amazon S3 User Guide* .
 */
export interface BucketRoutingRule {
  /**
   * Container for redirect information. You can redirect requests to another host, to another page, or with another protocol. In the event of an error, you can specify a different error code to return.
   */
  readonly redirectRule: Input<BucketRedirectRule>;
  /**
   * A container for describing a condition that must be met for the specified redirect to apply. For example, 1. If request is for pages in the `/docs` folder, redirect to the `/documents` folder. 2. If request results in HTTP error 4xx, redirect request to another host where you might process the error.
   */
  readonly routingRuleCondition?: Input<BucketRoutingRuleCondition>;
}

/**
 * A container for describing a condition that must be met for the specified redirect to apply. For example, 1. If request is for pages in the `/docs` folder, redirect to the `/documents` folder. 2. If request results in HTTP error 4xx, redirect request to another host where you might process the error.
 */
export interface BucketRoutingRuleCondition {
  /**
   * The HTTP error code when the redirect is applied. In the event of an error, if the error code equals this value, then the specified redirect is applied.
   *
   * Required when parent element `Condition` is specified and sibling `KeyPrefixEquals` is not specified. If both are specified, then both must be true for the redirect to be applied.
   */
  readonly httpErrorCodeReturnedEquals?: Input<string>;
  /**
   * The object key name prefix when the redirect is applied. For example, to redirect requests for `ExamplePage.html` , the key prefix will be `ExamplePage.html` . To redirect request for all pages with the prefix `docs/` , the key prefix will be `docs/` , which identifies all objects in the docs/ folder.
   *
   * Required when the parent element `Condition` is specified and sibling `HttpErrorCodeReturnedEquals` is not specified. If both conditions are specified, both must be true for the redirect to be applied.
   */
  readonly keyPrefixEquals?: Input<string>;
}

/**
 * Specifies lifecycle rules for an Amazon S3 bucket. For more information, see [Put Bucket Lifecycle Configuration](https://docs.aws.amazon.com/AmazonS3/latest/API/RESTBucketPUTlifecycle.html) in the *Amazon S3 API Reference* .
 *
 * You must specify at least one of the following properties: `AbortIncompleteMultipartUpload` , `ExpirationDate` , `ExpirationInDays` , `NoncurrentVersionExpirationInDays` , `NoncurrentVersionTransition` , `NoncurrentVersionTransitions` , `Transition` , or `Transitions` .
 */
export interface BucketRule {
  /**
   * Specifies a lifecycle rule that stops incomplete multipart uploads to an Amazon S3 bucket.
   */
  readonly abortIncompleteMultipartUpload?: Input<BucketAbortIncompleteMultipartUpload>;
  /**
   * Indicates when objects are deleted from Amazon S3 and Amazon S3 Glacier. The date value must be in ISO 8601 format. The time is always midnight UTC. If you specify an expiration and transition time, you must use the same time unit for both properties (either in days or by date). The expiration time must also be later than the transition time.
   */
  readonly expirationDate?: Input<string>;
  /**
   * Indicates the number of days after creation when objects are deleted from Amazon S3 and Amazon S3 Glacier. If you specify an expiration and transition time, you must use the same time unit for both properties (either in days or by date). The expiration time must also be later than the transition time.
   */
  readonly expirationInDays?: Input<number>;
  /**
   * Indicates whether Amazon S3 will remove a delete marker without any noncurrent versions. If set to true, the delete marker will be removed if there are no noncurrent versions. This cannot be specified with `ExpirationInDays` , `ExpirationDate` , or `TagFilters` .
   */
  readonly expiredObjectDeleteMarker?: Input<boolean>;
  /**
   * Unique identifier for the rule. The value can't be longer than 255 characters.
   */
  readonly id?: Input<string>;
  /**
   * Specifies when noncurrent object versions expire. Upon expiration, Amazon S3 permanently deletes the noncurrent object versions. You set this lifecycle configuration action on a bucket that has versioning enabled (or suspended) to request that Amazon S3 delete noncurrent object versions at a specific period in the object's lifetime.
   */
  readonly noncurrentVersionExpiration?: Input<BucketNoncurrentVersionExpiration>;
  /**
   * (Deprecated.) For buckets with versioning enabled (or suspended), specifies the time, in days, between when a new version of the object is uploaded to the bucket and when old versions of the object expire. When object versions expire, Amazon S3 permanently deletes them. If you specify a transition and expiration time, the expiration time must be later than the transition time.
   */
  readonly noncurrentVersionExpirationInDays?: Input<number>;
  /**
   * (Deprecated.) For buckets with versioning enabled (or suspended), specifies when non-current objects transition to a specified storage class. If you specify a transition and expiration time, the expiration time must be later than the transition time. If you specify this property, don't specify the `NoncurrentVersionTransitions` property.
   */
  readonly noncurrentVersionTransition?: Input<BucketNoncurrentVersionTransition>;
  /**
   * For buckets with versioning enabled (or suspended), one or more transition rules that specify when non-current objects transition to a specified storage class. If you specify a transition and expiration time, the expiration time must be later than the transition time. If you specify this property, don't specify the `NoncurrentVersionTransition` property.
   */
  readonly noncurrentVersionTransitions?: Input<readonly Input<BucketNoncurrentVersionTransition>[]>;
  /**
   * Specifies the minimum object size in bytes for this rule to apply to. Objects must be larger than this value in bytes. For more information about size based rules, see [Lifecycle configuration using size-based rules](https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-configuration-examples.html#lc-size-rules) in the *Amazon S3 User Guide* .
   */
  readonly objectSizeGreaterThan?: Input<number>;
  /**
   * Specifies the maximum object size in bytes for this rule to apply to. Objects must be smaller than this value in bytes. For more information about sized based rules, see [Lifecycle configuration using size-based rules](https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-configuration-examples.html#lc-size-rules) in the *Amazon S3 User Guide* .
   */
  readonly objectSizeLessThan?: Input<number>;
  /**
   * Object key prefix that identifies one or more objects to which this rule applies.
   *
   * > Replacement must be made for object keys containing special characters (such as carriage returns) when using XML requests. For more information, see [XML related object key constraints](https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html#object-key-xml-related-constraints) .
   */
  readonly prefix?: Input<string>;
  /**
   * If `Enabled` , the rule is currently being applied. If `Disabled` , the rule is not currently being applied.
   */
  readonly status: Input<"Enabled" | "Disabled">;
  /**
   * Tags to use to identify a subset of objects to which the lifecycle rule applies.
   */
  readonly tagFilters?: Input<readonly Input<BucketTagFilter>[]>;
  /**
   * (Deprecated.) Specifies when an object transitions to a specified storage class. If you specify an expiration and transition time, you must use the same time unit for both properties (either in days or by date). The expiration time must also be later than the transition time. If you specify this property, don't specify the `Transitions` property.
   */
  readonly transition?: Input<BucketTransition>;
  /**
   * One or more transition rules that specify when an object transitions to a specified storage class. If you specify an expiration and transition time, you must use the same time unit for both properties (either in days or by date). The expiration time must also be later than the transition time. If you specify this property, don't specify the `Transition` property.
   */
  readonly transitions?: Input<readonly Input<BucketTransition>[]>;
}

/**
 * A container for object key name prefix and suffix filtering rules. For more information about object key name filtering, see [Configuring event notifications using object key name filtering](https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-filtering.html) in the *Amazon S3 User Guide* .
 *
 * > The same type of filter rule cannot be used more than once. For example, you cannot specify two prefix rules.
 */
export interface BucketS3KeyFilter {
  /**
   * A list of containers for the key-value pair that defines the criteria for the filter rule.
   */
  readonly rules: Input<readonly Input<BucketFilterRule>[]>;
}

/**
 * The destination information for a V1 S3 Metadata configuration. The destination table bucket must be in the same Region and AWS account as the general purpose bucket. The specified metadata table name must be unique within the `aws_s3_metadata` namespace in the destination table bucket.
 */
export interface BucketS3TablesDestination {
  /**
   * The Amazon Resource Name (ARN) for the metadata table in the metadata table configuration. The specified metadata table name must be unique within the `aws_s3_metadata` namespace in the destination table bucket.
   */
  readonly tableArn?: Input<string>;
  /**
   * The Amazon Resource Name (ARN) for the table bucket that's specified as the destination in the metadata table configuration. The destination table bucket must be in the same Region and AWS account as the general purpose bucket.
   */
  readonly tableBucketArn: Input<string>;
  /**
   * The name for the metadata table in your metadata table configuration. The specified metadata table name must be unique within the `aws_s3_metadata` namespace in the destination table bucket.
   */
  readonly tableName: Input<string>;
  /**
   * The table bucket namespace for the metadata table in your metadata table configuration. This value is always `aws_s3_metadata` .
   */
  readonly tableNamespace?: Input<string>;
}

/**
 * Describes the default server-side encryption to apply to new objects in the bucket. If a PUT Object request doesn't specify any server-side encryption, this default encryption will be applied. For more information, see [PutBucketEncryption](https://docs.aws.amazon.com/AmazonS3/latest/API/RESTBucketPUTencryption.html) .
 *
 * > - *General purpose buckets* - If you don't specify a customer managed key at configuration, Amazon S3 automatically creates an AWS KMS key ( `aws/s3` ) in your AWS account the first time that you add an object encrypted with SSE-KMS to a bucket. …
 */
export interface BucketServerSideEncryptionByDefault {
  /**
   * AWS Key Management Service (KMS) customer managed key ID to use for the default encryption.
   *
   * > - *General purpose buckets* - This parameter is allowed if and only if `SSEAlgorithm` is set to `aws:kms` or `aws:kms:dsse` .
   * > - *Directory buckets* - This parameter is allowed if and only if `SSEAlgorithm` is set to `aws:kms` . …
   */
  readonly kmsMasterKeyID?: Input<string>;
  /**
   * Server-side encryption algorithm to use for the default encryption.
   *
   * > For directory buckets, there are only two supported values for server-side encryption: `AES256` and `aws:kms` .
   */
  readonly sseAlgorithm: Input<"aws:kms" | "AES256" | "aws:kms:dsse">;
}

/**
 * Specifies the default server-side encryption configuration.
 *
 * > - *General purpose buckets* - If you're specifying a customer managed KMS key, we recommend using a fully qualified KMS key ARN. If you use a KMS key alias instead, then AWS  resolves the key within the requester’s account. This behavior can result in data that's encrypted with a KMS key that belongs to the requester, and not the bucket owner.
 * > - *Directory buckets* - When you specify an [AWS  customer managed key](https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#customer-cmk) for encryption in your directory bu …
 */
export interface BucketServerSideEncryptionRule {
  /**
   * A bucket-level setting for Amazon S3 general purpose buckets used to prevent the upload of new objects encrypted with the specified server-side encryption type. For example, blocking an encryption type will block `PutObject` , `CopyObject` , `PostObject` , multipart upload, and replication requests to the bucket for objects with the specified encryption type. However, you can continue to read and list any pre-existing objects already encrypted with the specified encryption type. …
   */
  readonly blockedEncryptionTypes?: Input<BucketBlockedEncryptionTypes>;
  /**
   * Specifies whether Amazon S3 should use an S3 Bucket Key with server-side encryption using KMS (SSE-KMS) for new objects in the bucket. Existing objects are not affected. Setting the `BucketKeyEnabled` element to `true` causes Amazon S3 to use an S3 Bucket Key. By default, S3 Bucket Key is not enabled.
   *
   * For more information, see [Amazon S3 Bucket Keys](https://docs.aws.amazon.com/AmazonS3/latest/dev/bucket-key.html) in the *Amazon S3 User Guide* .
   */
  readonly bucketKeyEnabled?: Input<boolean>;
  /**
   * Specifies the default server-side encryption to apply to new objects in the bucket. If a PUT Object request doesn't specify any server-side encryption, this default encryption will be applied.
   */
  readonly serverSideEncryptionByDefault?: Input<BucketServerSideEncryptionByDefault>;
}

/**
 * A container that describes additional filters for identifying the source objects that you want to replicate. You can choose to enable or disable the replication of these objects.
 */
export interface BucketSourceSelectionCriteria {
  /**
   * A filter that you can specify for selection for modifications on replicas.
   */
  readonly replicaModifications?: Input<BucketReplicaModifications>;
  /**
   * A container for filter information for the selection of Amazon S3 objects encrypted with AWS KMS.
   */
  readonly sseKmsEncryptedObjects?: Input<BucketSseKmsEncryptedObjects>;
}

/**
 * A container for filter information for the selection of S3 objects encrypted with AWS KMS.
 */
export interface BucketSseKmsEncryptedObjects {
  /**
   * Specifies whether Amazon S3 replicates objects created with server-side encryption using an AWS KMS key stored in AWS Key Management Service.
   */
  readonly status: Input<"Disabled" | "Enabled">;
}

/**
 * Specifies data related to access patterns to be collected and made available to analyze the tradeoffs between different storage classes for an Amazon S3 bucket.
 */
export interface BucketStorageClassAnalysis {
  /**
   * Specifies how data related to the storage class analysis for an Amazon S3 bucket should be exported.
   */
  readonly dataExport?: Input<BucketDataExport>;
}

/**
 * Specifies tags to use to identify a subset of objects for an Amazon S3 bucket. For more information, see [Categorizing your storage using tags](https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-tagging.html) in the *Amazon Simple Storage Service User Guide* .
 */
export interface BucketTagFilter {
  /**
   * The tag key.
   */
  readonly key: Input<string>;
  /**
   * The tag value.
   */
  readonly value: Input<string>;
}

/**
 * Amazon S3 key format for log objects. Only one format, PartitionedPrefix or SimplePrefix, is allowed.
 */
export interface BucketTargetObjectKeyFormat {
  /**
   * Partitioned S3 key for log objects.
   */
  readonly partitionedPrefix?: Input<BucketPartitionedPrefix>;
  /**
   * To use the simple format for S3 keys for log objects. To specify SimplePrefix format, set SimplePrefix to {}.
   */
  readonly simplePrefix?: Input<unknown>;
}

/**
 * The S3 Intelligent-Tiering storage class is designed to optimize storage costs by automatically moving data to the most cost-effective storage access tier, without additional operational overhead.
 */
export interface BucketTiering {
  /**
   * S3 Intelligent-Tiering access tier. See [Storage class for automatically optimizing frequently and infrequently accessed objects](https://docs.aws.amazon.com/AmazonS3/latest/dev/storage-class-intro.html#sc-dynamic-data-access) for a list of access tiers in the S3 Intelligent-Tiering storage class.
   */
  readonly accessTier: Input<"ARCHIVE_ACCESS" | "DEEP_ARCHIVE_ACCESS">;
  /**
   * The number of consecutive days of no access after which an object will be eligible to be transitioned to the corresponding tier. The minimum number of days specified for Archive Access tier must be at least 90 days and Deep Archive Access tier must be at least 180 days. The maximum can be up to 2 years (730 days).
   */
  readonly days: Input<number>;
}

/**
 * A container for specifying the configuration for publication of messages to an Amazon Simple Notification Service (Amazon SNS) topic when Amazon S3 detects specified events.
 */
export interface BucketTopicConfiguration {
  /**
   * The Amazon S3 bucket event about which to send notifications. For more information, see [Supported Event Types](https://docs.aws.amazon.com/AmazonS3/latest/dev/NotificationHowTo.html) in the *Amazon S3 User Guide* .
   */
  readonly event: Input<string>;
  /**
   * The filtering rules that determine for which objects to send notifications. For example, you can create a filter so that Amazon S3 sends notifications only when image files with a `.jpg` extension are added to the bucket.
   */
  readonly filter?: Input<BucketNotificationFilter>;
  /**
   * The Amazon Resource Name (ARN) of the Amazon SNS topic to which Amazon S3 publishes a message when it detects events of the specified type.
   */
  readonly topic: Input<string>;
}

/**
 * Specifies when an object transitions to a specified storage class. For more information about Amazon S3 lifecycle configuration rules, see [Transitioning Objects Using Amazon S3 Lifecycle](https://docs.aws.amazon.com/AmazonS3/latest/dev/lifecycle-transition-general-considerations.html) in the *Amazon S3 User Guide* .
 */
export interface BucketTransition {
  /**
   * The storage class to which you want the object to transition.
   */
  readonly storageClass: Input<"DEEP_ARCHIVE" | "GLACIER" | "Glacier" | "GLACIER_IR" | "INTELLIGENT_TIERING" | "ONEZONE_IA" | "STANDARD_IA">;
  /**
   * Indicates when objects are transitioned to the specified storage class. The date value must be in ISO 8601 format. The time is always midnight UTC.
   */
  readonly transitionDate?: Input<string>;
  /**
   * Indicates the number of days after creation when objects are transitioned to the specified storage class. If the specified storage class is `INTELLIGENT_TIERING` , `GLACIER_IR` , `GLACIER` , or `DEEP_ARCHIVE` , valid values are `0` or positive integers. If the specified storage class is `STANDARD_IA` or `ONEZONE_IA` , valid values are positive integers greater than `30` . Be aware that some storage classes have a minimum storage duration and that you're charged for transitioning objects before their minimum storage duration. …
   */
  readonly transitionInDays?: Input<number>;
}

/**
 * Describes the versioning state of an Amazon S3 bucket. For more information, see [PUT Bucket versioning](https://docs.aws.amazon.com/AmazonS3/latest/API/RESTBucketPUTVersioningStatus.html) in the *Amazon S3 API Reference* .
 *
 * Keep the following timing in mind when enabling, suspending, or transitioning between versioning states:
 *
 * - *Enabling versioning* - Changes may take up to 15 minutes to propagate across all AWS regions for full consistency.
 * - *Suspending versioning* - Takes effect immediately with no propagation delay.
 * - *Transitioning between states* - Any change from Suspended to Enabled …
 */
export interface BucketVersioningConfiguration {
  /**
   * The versioning state of the bucket.
   */
  readonly status: Input<"Enabled" | "Suspended">;
}

/**
 * Specifies website configuration parameters for an Amazon S3 bucket.
 */
export interface BucketWebsiteConfiguration {
  /**
   * The name of the error document for the website.
   */
  readonly errorDocument?: Input<string>;
  /**
   * The name of the index document for the website.
   */
  readonly indexDocument?: Input<string>;
  /**
   * The redirect behavior for every request to this bucket's website endpoint.
   *
   * > If you specify this property, you can't specify any other property.
   */
  readonly redirectAllRequestsTo?: Input<BucketRedirectAllRequestsTo>;
  /**
   * Rules that define when a redirect is applied and the redirect behavior.
   */
  readonly routingRules?: Input<readonly Input<BucketRoutingRule>[]>;
}

/** The arguments of {@link Bucket}. */
export interface BucketArgs {
  /**
   * The ABAC status of the general purpose bucket. When ABAC is enabled for the general purpose bucket, you can use tags to manage access to the general purpose buckets as well as for cost tracking purposes. When ABAC is disabled for the general purpose buckets, you can only use tags for cost tracking purposes. For more information, see [Using tags with S3 general purpose buckets](https://docs.aws.amazon.com/AmazonS3/latest/userguide/buckets-tagging.html) .
   */
  readonly abacStatus?: Input<"Enabled" | "Disabled">;
  /**
   * Configures the transfer acceleration state for an Amazon S3 bucket. For more information, see [Amazon S3 Transfer Acceleration](https://docs.aws.amazon.com/AmazonS3/latest/dev/transfer-acceleration.html) in the *Amazon S3 User Guide* .
   */
  readonly accelerateConfiguration?: Input<BucketAccelerateConfiguration>;
  /**
   * > This is a legacy property, and it is not recommended for most use cases. A majority of modern use cases in Amazon S3 no longer require the use of ACLs, and we recommend that you keep ACLs disabled. For more information, see [Controlling object ownership](https://docs.aws.amazon.com//AmazonS3/latest/userguide/about-object-ownership.html) in the *Amazon S3 User Guide* . 
   *
   * A canned access control list (ACL) that grants predefined permissions to the bucket. …
   */
  readonly accessControl?: Input<"AuthenticatedRead" | "AwsExecRead" | "BucketOwnerFullControl" | "BucketOwnerRead" | "LogDeliveryWrite" | "Private" | "PublicRead" | "PublicReadWrite">;
  /**
   * Specifies the configuration and any analyses for the analytics filter of an Amazon S3 bucket.
   */
  readonly analyticsConfigurations?: Input<readonly Input<BucketAnalyticsConfiguration>[]>;
  /**
   * Specifies default encryption for a bucket using server-side encryption with Amazon S3-managed keys (SSE-S3), AWS KMS-managed keys (SSE-KMS), or dual-layer server-side encryption with KMS-managed keys (DSSE-KMS). For information about the Amazon S3 default encryption feature, see [Amazon S3 Default Encryption for S3 Buckets](https://docs.aws.amazon.com/AmazonS3/latest/dev/bucket-encryption.html) in the *Amazon S3 User Guide* .
   */
  readonly bucketEncryption?: Input<BucketBucketEncryption>;
  /**
   * A name for the bucket. If you don't specify a name, AWS CloudFormation generates a unique ID and uses that ID for the bucket name. The bucket name must contain only lowercase letters, numbers, periods (.), and dashes (-) and must follow [Amazon S3 bucket restrictions and limitations](https://docs.aws.amazon.com/AmazonS3/latest/dev/BucketRestrictions.html) . …
   *
   * Changing it replaces the resource.
   */
  readonly bucketName?: Input<string>;
  /**
   * Changing it replaces the resource.
   */
  readonly bucketNamePrefix?: Input<string>;
  /**
   * Changing it replaces the resource.
   */
  readonly bucketNamespace?: Input<"global" | "account-regional">;
  /**
   * Describes the cross-origin access configuration for objects in an Amazon S3 bucket. For more information, see [Enabling Cross-Origin Resource Sharing](https://docs.aws.amazon.com/AmazonS3/latest/dev/cors.html) in the *Amazon S3 User Guide* .
   */
  readonly corsConfiguration?: Input<BucketCorsConfiguration>;
  /**
   * Defines how Amazon S3 handles Intelligent-Tiering storage.
   */
  readonly intelligentTieringConfigurations?: Input<readonly Input<BucketIntelligentTieringConfiguration>[]>;
  /**
   * Specifies the S3 Inventory configuration for an Amazon S3 bucket. For more information, see [GET Bucket inventory](https://docs.aws.amazon.com/AmazonS3/latest/API/RESTBucketGETInventoryConfig.html) in the *Amazon S3 API Reference* .
   */
  readonly inventoryConfigurations?: Input<readonly Input<BucketInventoryConfiguration>[]>;
  /**
   * Specifies the lifecycle configuration for objects in an Amazon S3 bucket. For more information, see [Object Lifecycle Management](https://docs.aws.amazon.com/AmazonS3/latest/dev/object-lifecycle-mgmt.html) in the *Amazon S3 User Guide* .
   */
  readonly lifecycleConfiguration?: Input<BucketLifecycleConfiguration>;
  /**
   * Settings that define where logs are stored.
   */
  readonly loggingConfiguration?: Input<BucketLoggingConfiguration>;
  /**
   * The S3 Metadata configuration for a general purpose bucket.
   */
  readonly metadataConfiguration?: Input<BucketMetadataConfiguration>;
  /**
   * The metadata table configuration of an Amazon S3 general purpose bucket.
   */
  readonly metadataTableConfiguration?: Input<BucketMetadataTableConfiguration>;
  /**
   * Specifies a metrics configuration for the CloudWatch request metrics (specified by the metrics configuration ID) from an Amazon S3 bucket. If you're updating an existing metrics configuration, note that this is a full replacement of the existing metrics configuration. If you don't include the elements you want to keep, they are erased. For more information, see [PutBucketMetricsConfiguration](https://docs.aws.amazon.com/AmazonS3/latest/API/RESTBucketPUTMetricConfiguration.html) .
   */
  readonly metricsConfigurations?: Input<readonly Input<BucketMetricsConfiguration>[]>;
  /**
   * Configuration that defines how Amazon S3 handles bucket notifications.
   */
  readonly notificationConfiguration?: Input<BucketNotificationConfiguration>;
  /**
   * > This operation is not supported for directory buckets. 
   *
   * Places an Object Lock configuration on the specified bucket. The rule specified in the Object Lock configuration will be applied by default to every new object placed in the specified bucket. For more information, see [Locking Objects](https://docs.aws.amazon.com/AmazonS3/latest/dev/object-lock.html) .
   *
   * > - The `DefaultRetention` settings require both a mode and a period.
   * > - The `DefaultRetention` period can be either `Days` or `Years` but you must select one. …
   */
  readonly objectLockConfiguration?: Input<BucketObjectLockConfiguration>;
  /**
   * Indicates whether this bucket has an Object Lock configuration enabled. Enable `ObjectLockEnabled` when you apply `ObjectLockConfiguration` to a bucket.
   *
   * Changing it replaces the resource.
   */
  readonly objectLockEnabled?: Input<boolean>;
  /**
   * Configuration that defines how Amazon S3 handles Object Ownership rules.
   */
  readonly ownershipControls?: Input<BucketOwnershipControls>;
  /**
   * Configuration that defines how Amazon S3 handles public access.
   */
  readonly publicAccessBlockConfiguration?: Input<BucketPublicAccessBlockConfiguration>;
  /**
   * Configuration for replicating objects in an S3 bucket. To enable replication, you must also enable versioning by using the `VersioningConfiguration` property.
   *
   * Amazon S3 can store replicated objects in a single destination bucket or multiple destination buckets. The destination bucket or buckets must already exist.
   */
  readonly replicationConfiguration?: Input<BucketReplicationConfiguration>;
  /**
   * An arbitrary set of tags (key-value pairs) for this S3 bucket.
   */
  readonly tags?: Input<readonly Input<{ readonly key: Input<string>; readonly value: Input<string> }>[]>;
  /**
   * Enables multiple versions of all objects in this bucket. You might enable versioning to prevent objects from being deleted or overwritten by mistake or to archive objects so that you can retrieve previous versions of them.
   *
   * > When you enable versioning on a bucket for the first time, it might take a short amount of time for the change to be fully propagated. We recommend that you wait for 15 minutes after enabling versioning before issuing write operations ( `PUT` or `DELETE` ) on objects in the bucket.
   */
  readonly versioningConfiguration?: Input<BucketVersioningConfiguration>;
  /**
   * Information used to configure the bucket as a static website. For more information, see [Hosting Websites on Amazon S3](https://docs.aws.amazon.com/AmazonS3/latest/dev/WebsiteHosting.html) .
   */
  readonly websiteConfiguration?: Input<BucketWebsiteConfiguration>;
}

/**
 * The `AWS::S3::Bucket` resource creates an Amazon S3 bucket in the same AWS Region where you create the AWS CloudFormation stack.
 *
 * To control how AWS CloudFormation handles the bucket when the stack is deleted, you can set a deletion policy for your bucket. You can choose to *retain* the bucket or to *delete* the bucket. For more information, see [DeletionPolicy Attribute](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-deletionpolicy.html) .
 *
 * > You can only delete empty buckets. Deletion fails for buckets that have contents.
 *
 * Cloud Control type `AWS::S3::Bucket`; its id is `bucketName`.
 *
 * Changing `bucketName`, `bucketNamePrefix`, `bucketNamespace`, `objectLockEnabled` replaces it.
 *
 * Taggable: the provider's default tags are merged into `tags`.
 */
export declare class Bucket extends NativeResource {
  /**
   * Returns the Amazon Resource Name (ARN) of the specified bucket.
   *
   * Example: `arn:aws:s3:::DOC-EXAMPLE-BUCKET`
   */
  readonly arn: Output<string>;
  /**
   * Returns the IPv4 DNS name of the specified bucket.
   *
   * Example: `DOC-EXAMPLE-BUCKET.s3.amazonaws.com`
   */
  readonly domainName: Output<string>;
  /**
   * Returns the IPv6 DNS name of the specified bucket.
   *
   * Example: `DOC-EXAMPLE-BUCKET.s3.dualstack.us-east-2.amazonaws.com`
   *
   * For more information about dual-stack endpoints, see [Using Amazon S3 Dual-Stack Endpoints](https://docs.aws.amazon.com/AmazonS3/latest/dev/dual-stack-endpoints.html) .
   */
  readonly dualStackDomainName: Output<string>;
  /**
   * Returns the regional domain name of the specified bucket.
   *
   * Example: `DOC-EXAMPLE-BUCKET.s3.us-east-2.amazonaws.com`
   */
  readonly regionalDomainName: Output<string>;
  /**
   * Returns the Amazon S3 website endpoint for the specified bucket.
   *
   * Example (IPv4): `http://DOC-EXAMPLE-BUCKET.s3-website.us-east-2.amazonaws.com`
   *
   * Example (IPv6): `http://DOC-EXAMPLE-BUCKET.s3.dualstack.us-east-2.amazonaws.com`
   */
  readonly websiteURL: Output<string>;
  readonly abacStatus: Output<Plain<BucketArgs["abacStatus"]>>;
  readonly accelerateConfiguration: Output<Plain<BucketArgs["accelerateConfiguration"]>>;
  readonly accessControl: Output<Plain<BucketArgs["accessControl"]>>;
  readonly analyticsConfigurations: Output<Plain<BucketArgs["analyticsConfigurations"]>>;
  readonly bucketEncryption: Output<Plain<BucketArgs["bucketEncryption"]>>;
  readonly bucketName: Output<Plain<BucketArgs["bucketName"]>>;
  readonly bucketNamePrefix: Output<Plain<BucketArgs["bucketNamePrefix"]>>;
  readonly bucketNamespace: Output<Plain<BucketArgs["bucketNamespace"]>>;
  readonly corsConfiguration: Output<Plain<BucketArgs["corsConfiguration"]>>;
  readonly intelligentTieringConfigurations: Output<Plain<BucketArgs["intelligentTieringConfigurations"]>>;
  readonly inventoryConfigurations: Output<Plain<BucketArgs["inventoryConfigurations"]>>;
  readonly lifecycleConfiguration: Output<Plain<BucketArgs["lifecycleConfiguration"]>>;
  readonly loggingConfiguration: Output<Plain<BucketArgs["loggingConfiguration"]>>;
  readonly metadataConfiguration: Output<Plain<BucketArgs["metadataConfiguration"]>>;
  readonly metadataTableConfiguration: Output<Plain<BucketArgs["metadataTableConfiguration"]>>;
  readonly metricsConfigurations: Output<Plain<BucketArgs["metricsConfigurations"]>>;
  readonly notificationConfiguration: Output<Plain<BucketArgs["notificationConfiguration"]>>;
  readonly objectLockConfiguration: Output<Plain<BucketArgs["objectLockConfiguration"]>>;
  readonly objectLockEnabled: Output<Plain<BucketArgs["objectLockEnabled"]>>;
  readonly ownershipControls: Output<Plain<BucketArgs["ownershipControls"]>>;
  readonly publicAccessBlockConfiguration: Output<Plain<BucketArgs["publicAccessBlockConfiguration"]>>;
  readonly replicationConfiguration: Output<Plain<BucketArgs["replicationConfiguration"]>>;
  readonly tags: Output<Plain<BucketArgs["tags"]>>;
  readonly versioningConfiguration: Output<Plain<BucketArgs["versioningConfiguration"]>>;
  readonly websiteConfiguration: Output<Plain<BucketArgs["websiteConfiguration"]>>;
  constructor(name: string, args?: BucketArgs, opts?: CustomResourceOptions);
}
