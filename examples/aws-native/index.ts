// Native types: every AWS resource type, generated from AWS's resource
// specification and driven by the Cloud Control API. Each service is its own
// module, so this program loads three of them and nothing else.
import * as dynamodb from "@cairn/aws/native/dynamodb";
import * as logs from "@cairn/aws/native/logs";
import * as sqs from "@cairn/aws/native/sqs";

const orders = new dynamodb.Table("orders", {
  billingMode: "PAY_PER_REQUEST",
  keySchema: [{ attributeName: "orderId", keyType: "HASH" }],
  attributeDefinitions: [{ attributeName: "orderId", attributeType: "S" }],
  pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
  tags: [{ key: "app", value: "orders" }],
});

const events = new sqs.Queue("order-events", {
  visibilityTimeout: 60,
  messageRetentionPeriod: 4 * 24 * 3600,
});

const auditLog = new logs.LogGroup("order-audit", {
  retentionInDays: 14,
});

export const tableArn = orders.arn;
export const queueUrl = events.queueUrl;
export const logGroupName = auditLog.logGroupName;
