// Generated from @aws-cdk/aws-service-spec 0.1.216 by `npm run generate -w @cairn/aws`. Do not edit.
import { defineOutputs, NativeResource } from "../../dist/native/native-resource.js";

export class Bucket extends NativeResource {
  static {
    defineOutputs(this, ["arn", "domainName", "dualStackDomainName", "regionalDomainName", "websiteURL", "abacStatus", "accelerateConfiguration", "accessControl", "analyticsConfigurations", "bucketEncryption", "bucketName", "bucketNamePrefix", "bucketNamespace", "corsConfiguration", "intelligentTieringConfigurations", "inventoryConfigurations", "lifecycleConfiguration", "loggingConfiguration", "metadataConfiguration", "metadataTableConfiguration", "metricsConfigurations", "notificationConfiguration", "objectLockConfiguration", "objectLockEnabled", "ownershipControls", "publicAccessBlockConfiguration", "replicationConfiguration", "tags", "versioningConfiguration", "websiteConfiguration"]);
  }

  constructor(name, args = {}, opts = {}) {
    super("aws:native.s3/Bucket", name, args, opts, []);
  }
}
