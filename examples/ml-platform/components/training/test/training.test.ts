import { testProgram } from "@cairn/core/testing";
import { Training, type TrainingArgs } from "../src/index.js";

const mocks = {
  newResource: ({ type, name }: { type: string; name: string }) => {
    const service = type.split(":")[1]!.split("/")[0];
    return { id: name, outputs: { name, arn: `arn:aws:${service}:us-west-2:123456789012:${name}` } };
  },
};
const base: TrainingArgs = {
  image: "123456789012.dkr.ecr.us-west-2.amazonaws.com/ranker-train:1.4",
  artifactBucketName: "artifacts-a1b2",
  modelPackageGroupName: "rankers",
  tags: { model: "ranker" },
};
const training = (args: Partial<TrainingArgs> = {}) => testProgram(() => void new Training("ranker", { ...base, ...args }), { mocks });

interface Definition {
  Parameters: { Name: string; DefaultValue: string }[];
  Steps: { Name: string; Type: string; Arguments: Record<string, any> }[];
}

describe("Training", () => {
  it("defines a pipeline that trains on the registry's datasets and registers the model pending approval", async () => {
    const result = await training();
    const pipelines = result.ofType("aws:sagemaker/Pipeline");
    expect(pipelines).toHaveLength(1);
    const definition = pipelines[0]!.inputs.definition as Definition;
    expect(definition.Steps.map((s) => `${s.Name}:${s.Type}`)).toEqual(["Train:Training", "Register:RegisterModel"]);
    const train = definition.Steps[0]!.Arguments;
    expect(train.AlgorithmSpecification.TrainingImage).toBe(base.image);
    expect(train.InputDataConfig[0].DataSource.S3DataSource.S3Uri).toBe("s3://artifacts-a1b2/datasets/latest/");
    expect(train.OutputDataConfig).toEqual({ S3OutputPath: "s3://artifacts-a1b2/models/" });
    expect(train.ResourceConfig).toEqual({ InstanceType: { Get: "Parameters.InstanceType" }, InstanceCount: 1, VolumeSizeInGB: 50 });
    expect(train.StoppingCondition).toEqual({ MaxRuntimeInSeconds: 4 * 3600 });
    expect(definition.Parameters.find((p) => p.Name === "InstanceType")?.DefaultValue).toBe("ml.m5.xlarge");
    expect(definition.Steps[1]!.Arguments).toMatchObject({ ModelPackageGroupName: "rankers", ModelApprovalStatus: "PendingManualApproval" });
    expect(pipelines[0]!.inputs.roleArn).toBe("arn:aws:iam:us-west-2:123456789012:ranker-runner");
  });

  it("starts the pipeline from a daily schedule and from new data in the bucket, both through the starter role", async () => {
    const result = await training();
    const pipelineArn = "arn:aws:sagemaker:us-west-2:123456789012:ranker-pipeline";
    const starterArn = "arn:aws:iam:us-west-2:123456789012:ranker-starter";
    expect(result.resource("ranker-retrain").inputs).toEqual({
      groupName: "ranker-schedules",
      scheduleExpression: "cron(0 3 * * ? *)",
      scheduleExpressionTimezone: "UTC",
      state: "ENABLED",
      description: "Retrains on a schedule",
      target: { arn: pipelineArn, roleArn: starterArn, sagemakerPipelineParameters: [{ name: "TriggeredBy", value: "schedule" }] },
    });
    expect(result.ofType("aws:cloudwatch/EventRule")[0]!.inputs.eventPattern).toEqual({
      source: ["aws.s3"],
      "detail-type": ["Object Created"],
      detail: { bucket: { name: ["artifacts-a1b2"] }, object: { key: [{ prefix: "datasets/" }] } },
    });
    expect(result.ofType("aws:cloudwatch/EventTarget")[0]!.inputs).toMatchObject({ rule: "ranker-on-data", arn: pipelineArn, roleArn: starterArn });
    const starter = result.resource("ranker-starter").inputs as { inlinePolicies: { start: { Statement: unknown[] } } };
    expect(starter.inlinePolicies.start.Statement).toEqual([{ Effect: "Allow", Action: "sagemaker:StartPipelineExecution", Resource: pipelineArn }]);
  });

  it("takes the schedule, instances and VPC from its arguments, and can switch the schedule off", async () => {
    const result = await training({
      schedule: "cron(0 4 ? * SUN *)",
      scheduleEnabled: false,
      instanceType: "ml.g5.2xlarge",
      instanceCount: 2,
      maxRuntimeHours: 1.5,
      vpc: { subnetIds: ["subnet-a", "subnet-b"], securityGroupIds: ["sg-train"] },
    });
    expect(result.resource("ranker-retrain").inputs).toMatchObject({ scheduleExpression: "cron(0 4 ? * SUN *)", state: "DISABLED" });
    const definition = result.ofType("aws:sagemaker/Pipeline")[0]!.inputs.definition as Definition;
    expect(definition.Parameters.find((p) => p.Name === "InstanceType")?.DefaultValue).toBe("ml.g5.2xlarge");
    expect(definition.Steps[0]!.Arguments).toMatchObject({
      ResourceConfig: { InstanceCount: 2 },
      StoppingCondition: { MaxRuntimeInSeconds: 5400 },
      VpcConfig: { Subnets: ["subnet-a", "subnet-b"], SecurityGroupIds: ["sg-train"] },
    });
  });

  it("creates nothing that runs between runs: no training job, notebook or instance", async () => {
    const result = await training();
    expect(result.resources.map((r) => r.type).sort()).toEqual([
      "aws:cloudwatch/EventRule",
      "aws:cloudwatch/EventTarget",
      "aws:cloudwatch/LogGroup",
      "aws:iam/Role",
      "aws:iam/Role",
      "aws:sagemaker/Pipeline",
      "aws:scheduler/Schedule",
      "aws:scheduler/ScheduleGroup",
      "cairn-ml:training/Training",
    ]);
    expect(result.ofType("aws:cloudwatch/LogGroup")[0]!.inputs).toEqual({ retentionInDays: 30, tags: { model: "ranker" } });
  });
});
