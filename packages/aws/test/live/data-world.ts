import { CreateTableCommand, DynamoDBClient, ListTablesCommand, TagResourceCommand as TagTable, DescribeTableCommand } from "@aws-sdk/client-dynamodb";
import { CreateRepositoryCommand, DescribeRepositoriesCommand, ECRClient } from "@aws-sdk/client-ecr";
import { EventBridgeClient, ListRulesCommand, PutRuleCommand, DisableRuleCommand } from "@aws-sdk/client-eventbridge";
import { CloudWatchLogsClient, CreateLogGroupCommand, DescribeLogGroupsCommand, PutRetentionPolicyCommand } from "@aws-sdk/client-cloudwatch-logs";
import { IAMClient, ListPoliciesCommand, ListRolesCommand } from "@aws-sdk/client-iam";
import { CreateKeyCommand, DescribeKeyCommand, KMSClient, ListAliasesCommand } from "@aws-sdk/client-kms";
import { ListHostedZonesCommand, Route53Client } from "@aws-sdk/client-route-53";
import { CreateScheduleGroupCommand, ListScheduleGroupsCommand, ListSchedulesCommand, SchedulerClient } from "@aws-sdk/client-scheduler";
import { CreateSecretCommand, ListSecretsCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { ListPipelinesCommand, SageMakerClient } from "@aws-sdk/client-sagemaker";
import type { AdoptIds } from "./data-program.js";

const region = () => process.env.AWS_REGION ?? "us-west-2";

/** Changes made behind Cairn's back, for refresh to find: a table tag, a log group's retention, a disabled rule. */
export async function changeOutOfBand(outputs: Record<string, unknown>): Promise<void> {
  const db = new DynamoDBClient({ region: region() });
  const logs = new CloudWatchLogsClient({ region: region() });
  const ev = new EventBridgeClient({ region: region() });
  const table = await db.send(new DescribeTableCommand({ TableName: String(outputs.tableName) }));
  await db.send(new TagTable({ ResourceArn: table.Table!.TableArn!, Tags: [{ Key: "owner", Value: "someone-else" }] }));
  await logs.send(new PutRetentionPolicyCommand({ logGroupName: String(outputs.logGroup), retentionInDays: 90 }));
  await ev.send(new DisableRuleCommand({ Name: String(outputs.ruleName) }));
  for (const c of [db, logs, ev]) c.destroy();
}

/** Objects made with the SDK alone, for the program to adopt with `import`. */
export async function makeOutside(prefix: string): Promise<AdoptIds> {
  const r = region();
  const logs = new CloudWatchLogsClient({ region: r });
  const ecr = new ECRClient({ region: r });
  const db = new DynamoDBClient({ region: r });
  const sm = new SecretsManagerClient({ region: r });
  const kms = new KMSClient({ region: r });
  const ev = new EventBridgeClient({ region: r });
  const sch = new SchedulerClient({ region: r });
  const ids = {
    logGroup: `/${prefix}/outside`,
    repository: `${prefix}-outside`,
    table: `${prefix}-outside`,
    secretName: `${prefix}-outside`,
    rule: `${prefix}-outside`,
    scheduleGroup: `${prefix}-outside`,
  };
  await logs.send(new CreateLogGroupCommand({ logGroupName: ids.logGroup }));
  await logs.send(new PutRetentionPolicyCommand({ logGroupName: ids.logGroup, retentionInDays: 7 }));
  await ecr.send(new CreateRepositoryCommand({ repositoryName: ids.repository }));
  await db.send(new CreateTableCommand({ TableName: ids.table, BillingMode: "PAY_PER_REQUEST", AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" }], KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }] }));
  const secret = await sm.send(new CreateSecretCommand({ Name: ids.secretName, SecretString: "made-outside" }));
  const key = await kms.send(new CreateKeyCommand({ Description: "made outside" }));
  await ev.send(new PutRuleCommand({ Name: ids.rule, ScheduleExpression: "rate(1 day)", State: "ENABLED" }));
  await sch.send(new CreateScheduleGroupCommand({ Name: ids.scheduleGroup }));
  for (const c of [logs, ecr, db, sm, kms, ev, sch]) c.destroy();
  return { ...ids, secretArn: secret.ARN!, keyId: key.KeyMetadata!.KeyId! };
}

/** Everything of this run that AWS still lists (never Cairn's state). KMS keys pending deletion count as gone. */
export async function findDataLeftovers(prefix: string, iamPath: string): Promise<Record<string, string[]>> {
  const r = region();
  const has = (name: string | undefined) => name !== undefined && name.includes(prefix);
  const db = new DynamoDBClient({ region: r });
  const ecr = new ECRClient({ region: r });
  const sm = new SageMakerClient({ region: r });
  const sch = new SchedulerClient({ region: r });
  const ev = new EventBridgeClient({ region: r });
  const logs = new CloudWatchLogsClient({ region: r });
  const r53 = new Route53Client({ region: "us-east-1" });
  const secrets = new SecretsManagerClient({ region: r });
  const kms = new KMSClient({ region: r });
  const iam = new IAMClient({ region: r });
  try {
    const keys: string[] = [];
    for (const alias of (await kms.send(new ListAliasesCommand({}))).Aliases ?? []) {
      if (!has(alias.AliasName)) continue;
      keys.push(alias.AliasName!);
      if (alias.TargetKeyId) {
        const meta = await kms.send(new DescribeKeyCommand({ KeyId: alias.TargetKeyId }));
        if (meta.KeyMetadata?.KeyState !== "PendingDeletion") keys.push(`key ${alias.TargetKeyId} ${meta.KeyMetadata?.KeyState}`);
      }
    }
    return {
      tables: ((await db.send(new ListTablesCommand({}))).TableNames ?? []).filter(has),
      repositories: ((await ecr.send(new DescribeRepositoriesCommand({}))).repositories ?? []).map((x) => x.repositoryName!).filter(has),
      pipelines: ((await sm.send(new ListPipelinesCommand({ PipelineNamePrefix: prefix }))).PipelineSummaries ?? []).map((p) => p.PipelineName!),
      scheduleGroups: ((await sch.send(new ListScheduleGroupsCommand({ NamePrefix: prefix }))).ScheduleGroups ?? []).map((g) => g.Name!),
      schedules: ((await sch.send(new ListSchedulesCommand({ NamePrefix: prefix }))).Schedules ?? []).map((s) => s.Name!),
      rules: ((await ev.send(new ListRulesCommand({ NamePrefix: prefix }))).Rules ?? []).map((x) => x.Name!),
      logGroups: ((await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: `/${prefix}` }))).logGroups ?? []).map((g) => g.logGroupName!),
      zones: ((await r53.send(new ListHostedZonesCommand({}))).HostedZones ?? []).map((z) => z.Name!).filter(has),
      secrets: ((await secrets.send(new ListSecretsCommand({}))).SecretList ?? []).map((s) => s.Name!).filter(has),
      kms: keys,
      policies: ((await iam.send(new ListPoliciesCommand({ Scope: "Local", PathPrefix: iamPath }))).Policies ?? []).map((p) => p.PolicyName!),
      roles: ((await iam.send(new ListRolesCommand({ PathPrefix: iamPath }))).Roles ?? []).map((x) => x.RoleName!),
    };
  } finally {
    for (const c of [db, ecr, sm, sch, ev, logs, r53, secrets, kms, iam]) c.destroy();
  }
}

