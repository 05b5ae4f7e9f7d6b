import { Config, interpolate } from "@cairn/core";
import * as aws from "@cairn/aws";

/** What changes between the runs of the live data stack. */
export interface DataPhase {
  /** Tags on every taggable resource. */
  readonly tags: Readonly<Record<string, string>>;
  readonly retentionInDays: number;
  readonly scheduleExpression: string;
  /** Adding a sort key replaces the table. */
  readonly rangeKey?: string;
  readonly billingMode: "PAY_PER_REQUEST" | "PROVISIONED";
  readonly secretValue: string;
  readonly recordTtl: number;
  readonly policyActions: readonly string[];
  /** The alias's name: changing it replaces the alias. */
  readonly aliasSuffix: string;
  readonly pipelineSteps: number;
  /** Ids of objects made outside Cairn, adopted with the import option. */
  readonly adopt?: AdoptIds;
}

/** Objects the import phase adopts. */
export interface AdoptIds {
  readonly logGroup: string;
  readonly repository: string;
  readonly table: string;
  readonly secretArn: string;
  readonly secretName: string;
  readonly keyId: string;
  readonly rule: string;
  readonly scheduleGroup: string;
}

const trust = (service: string) => ({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }] });

function pipelineDefinition(steps: number): Record<string, unknown> {
  return {
    Version: "2020-12-01",
    Parameters: [{ Name: "Epochs", Type: "String", DefaultValue: "1" }],
    Steps: Array.from({ length: steps }, (_, i) => ({ Name: `Wait${i}`, Type: "Fail", Arguments: { ErrorMessage: `step ${i}` } })),
  };
}

/**
 * The live data stack: every type of DynamoDB, ECR, a SageMaker pipeline
 * started by a schedule and by an event rule, logs, Route 53, Secrets
 * Manager, KMS and IAM policies. MetricAlarm is left out: the emulator has
 * no CloudWatch metrics API (docs/aws.md).
 */
export function dataProgram(prefix: string, iamPath: string, phase: DataPhase) {
  return async () => {
    const cfg = new Config();
    const tags = phase.tags;
    const table = new aws.dynamodb.Table("features", {
      namePrefix: `${prefix}-features-`,
      hashKey: "entityId",
      ...(phase.rangeKey ? { rangeKey: phase.rangeKey } : {}),
      attributes: [{ name: "entityId", type: "S" }, ...(phase.rangeKey ? [{ name: phase.rangeKey, type: "S" as const }] : [])],
      billingMode: phase.billingMode,
      ...(phase.billingMode === "PROVISIONED" ? { readCapacity: 2, writeCapacity: 2 } : {}),
      ttl: { attributeName: "expiresAt", enabled: true },
      streamEnabled: true,
      streamViewType: "NEW_IMAGE",
      tags,
    });
    const locks = new aws.dynamodb.LockTable("locks", { name: `${prefix}-locks`, deletionProtectionEnabled: false, tags });
    const repo = new aws.ecr.Repository("trainer", {
      name: `${prefix}-trainer`,
      lifecyclePolicy: { rules: [{ rulePriority: 1, description: "keep 10", selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: 10 }, action: { type: "expire" } }] },
      tags,
    });
    const role = new aws.iam.Role("pipeline-role", { namePrefix: `${prefix}-pl-`, path: iamPath, assumeRolePolicy: trust("sagemaker.amazonaws.com") });
    const policy = new aws.iam.Policy("read-features", {
      namePrefix: `${prefix}-read-`,
      path: iamPath,
      policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: [...phase.policyActions], Resource: [table.arn] }] },
      tags,
    });
    new aws.iam.RolePolicyAttachment("pipeline-read", { role: role.name, policyArn: policy.arn });
    const pipeline = new aws.sagemaker.Pipeline("retrain", { name: `${prefix}-retrain`, roleArn: role.arn, definition: pipelineDefinition(phase.pipelineSteps), tags });
    const group = new aws.scheduler.ScheduleGroup("training", { name: `${prefix}-training`, tags });
    new aws.scheduler.Schedule("nightly", {
      name: `${prefix}-nightly`,
      groupName: group.name,
      scheduleExpression: phase.scheduleExpression,
      target: { arn: pipeline.arn, roleArn: role.arn, sagemakerPipelineParameters: [{ name: "Epochs", value: "3" }] },
    });
    const rule = new aws.cloudwatch.EventRule("on-upload", { namePrefix: `${prefix}-up-`, eventPattern: { source: ["aws.s3"], "detail-type": ["Object Created"] }, tags });
    new aws.cloudwatch.EventTarget("retrain-on-upload", { rule: rule.name, arn: pipeline.arn, roleArn: role.arn, sagemakerPipelineParameters: [{ name: "Epochs", value: "1" }] });
    const logs = new aws.cloudwatch.LogGroup("training-logs", { name: `/${prefix}/training`, retentionInDays: phase.retentionInDays, tags });
    const zone = new aws.route53.Zone("ml", { name: `${prefix}.example.com`, forceDestroy: true, tags });
    new aws.route53.Record("api", { zoneId: zone.zoneId, name: interpolate`api.${zone.name}`, type: "CNAME", ttl: phase.recordTtl, records: ["lb.example.com"] });
    const secret = new aws.secretsmanager.Secret("db-password", { namePrefix: `${prefix}-db-`, secretString: cfg.get("dbPassword") ?? phase.secretValue, recoveryWindowInDays: 0, tags });
    const key = new aws.kms.Key("state", { description: `${prefix} state`, deletionWindowInDays: 7, tags });
    new aws.kms.Alias("state", { name: `alias/${prefix}-state-${phase.aliasSuffix}`, targetKeyId: key.keyId });
    const adopted = phase.adopt === undefined ? {} : adopt(phase.adopt);
    return {
      tableName: table.name,
      lockTable: locks.name,
      repositoryUrl: repo.repositoryUrl,
      pipelineArn: pipeline.arn,
      logGroup: logs.name,
      zoneId: zone.zoneId,
      secretArn: secret.arn,
      keyId: key.keyId,
      ruleName: rule.name,
      ...adopted,
    };
  };
}

/** The objects made outside Cairn, declared with inputs that match them and adopted with `import`. */
function adopt(ids: AdoptIds) {
  const logGroup = new aws.cloudwatch.LogGroup("adopted-logs", { name: ids.logGroup, retentionInDays: 7 }, { import: ids.logGroup });
  const repository = new aws.ecr.Repository("adopted-repo", { name: ids.repository }, { import: ids.repository });
  const table = new aws.dynamodb.Table("adopted-table", { name: ids.table, hashKey: "pk", attributes: [{ name: "pk", type: "S" }] }, { import: ids.table });
  const secret = new aws.secretsmanager.Secret("adopted-secret", { name: ids.secretName, recoveryWindowInDays: 0 }, { import: ids.secretArn });
  const key = new aws.kms.Key("adopted-key", { description: "made outside", deletionWindowInDays: 7 }, { import: ids.keyId });
  const rule = new aws.cloudwatch.EventRule("adopted-rule", { name: ids.rule, scheduleExpression: "rate(1 day)" }, { import: ids.rule });
  const group = new aws.scheduler.ScheduleGroup("adopted-group", { name: ids.scheduleGroup }, { import: ids.scheduleGroup });
  return { adoptedLogGroup: logGroup.name, adoptedRepo: repository.name, adoptedTable: table.name, adoptedSecret: secret.arn, adoptedKey: key.keyId, adoptedRule: rule.name, adoptedGroup: group.name };
}
