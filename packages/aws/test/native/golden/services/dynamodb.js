// Generated from @aws-cdk/aws-service-spec 0.1.216 by `npm run generate -w @cairn/aws`. Do not edit.
import { defineOutputs, NativeResource } from "../../dist/native/native-resource.js";

export class Table extends NativeResource {
  static {
    defineOutputs(this, ["arn", "streamArn", "attributeDefinitions", "billingMode", "contributorInsightsSpecification", "deletionProtectionEnabled", "globalSecondaryIndexes", "importSourceSpecification", "keySchema", "kinesisStreamSpecification", "localSecondaryIndexes", "onDemandThroughput", "pointInTimeRecoverySpecification", "provisionedThroughput", "resourcePolicy", "sseSpecification", "streamSpecification", "tableClass", "tableName", "tags", "timeToLiveSpecification", "vectorIndexes", "warmThroughput"]);
  }

  constructor(name, args = {}, opts = {}) {
    super("aws:native.dynamodb/Table", name, args, opts, ["importSourceSpecification"]);
  }
}
