import {
  CreateModelPackageGroupCommand,
  CreateTrainingJobCommand,
  DeleteTrainingJobCommand,
  DescribeModelPackageGroupCommand,
  DescribeNotebookInstanceCommand,
  DescribeTrainingJobCommand,
  SageMakerClient,
  StopTrainingJobCommand,
  UpdateNotebookInstanceCommand,
} from "@aws-sdk/client-sagemaker";
import { mockClient } from "aws-sdk-client-mock";
import { awsError, callContext, checked, commandNames, testProvider } from "../support/fakes.js";

const sm = mockClient(SageMakerClient);
beforeEach(() => sm.reset());
afterAll(() => sm.restore());

const ROLE = "arn:aws:iam::123456789012:role/sagemaker";
const job = {
  roleArn: ROLE,
  algorithmSpecification: { trainingImage: "123.dkr.ecr.us-west-2.amazonaws.com/train:1" },
  inputDataConfig: [{ channelName: "train", s3Uri: "s3://data/train/" }],
  outputDataConfig: { s3OutputPath: "s3://artifacts/out/" },
  resourceConfig: { instanceType: "ml.m5.xlarge" },
  hyperParameters: { epochs: "3" },
};
const described = (status: string, extra: object = {}) => ({ TrainingJobName: "ranker-v3", TrainingJobArn: "arn:job", TrainingJobStatus: status, ...extra });

describe("aws:sagemaker/TrainingJob", () => {
  const TYPE = "aws:sagemaker/TrainingJob";

  test("create starts the job with defaults applied and waits until it completes, outputting the model artifacts", async () => {
    sm.on(CreateTrainingJobCommand).resolves({ TrainingJobArn: "arn:job" });
    sm.on(DescribeTrainingJobCommand)
      .resolvesOnce(described("InProgress", { SecondaryStatus: "Downloading" }))
      .resolvesOnce(described("InProgress", { SecondaryStatus: "Training" }))
      .resolves(described("Completed", { ModelArtifacts: { S3ModelArtifacts: "s3://artifacts/out/ranker-v3/output/model.tar.gz" }, TrainingTimeInSeconds: 600 }));
    const { provider } = testProvider();
    const ctx = callContext(TYPE, "ranker-v3");
    const inputs = await checked(provider, TYPE, { ...job, name: "ranker-v3" });
    const result = await provider.create(inputs as never, "t", ctx);
    expect(sm.commandCalls(CreateTrainingJobCommand)[0]?.args[0].input).toEqual({
      TrainingJobName: "ranker-v3",
      RoleArn: ROLE,
      AlgorithmSpecification: { TrainingImage: "123.dkr.ecr.us-west-2.amazonaws.com/train:1", TrainingInputMode: "File" },
      InputDataConfig: [{ ChannelName: "train", DataSource: { S3DataSource: { S3Uri: "s3://data/train/", S3DataType: "S3Prefix", S3DataDistributionType: "FullyReplicated" } } }],
      OutputDataConfig: { S3OutputPath: "s3://artifacts/out/" },
      ResourceConfig: { InstanceType: "ml.m5.xlarge", InstanceCount: 1, VolumeSizeInGB: 30 },
      StoppingCondition: { MaxRuntimeInSeconds: 86400 },
      HyperParameters: { epochs: "3" },
    });
    expect(ctx.progressMessages.map((m) => m.replace(/ \([^()]*elapsed\)$/, ""))).toEqual(["InProgress (Downloading)", "InProgress (Training)"]);
    expect(result.outputs).toMatchObject({ status: "Completed", modelArtifacts: "s3://artifacts/out/ranker-v3/output/model.tar.gz", trainingTimeInSeconds: 600 });
  });

  test("a job that fails fails the create with SageMaker's reason", async () => {
    sm.on(CreateTrainingJobCommand).resolves({});
    sm.on(DescribeTrainingJobCommand).resolves(described("Failed", { FailureReason: "AlgorithmError: ExecuteUserScriptError: exit code 1" }));
    const { provider } = testProvider();
    const inputs = await checked(provider, TYPE, { ...job, name: "ranker-v3" });
    await expect(provider.create(inputs as never, "t", callContext(TYPE, "ranker-v3"))).rejects.toThrow("status Failed: AlgorithmError: ExecuteUserScriptError: exit code 1");
  });

  test("any change but tags starts a new job", async () => {
    const { provider } = testProvider();
    const olds = await checked(provider, TYPE, job);
    const news = await checked(provider, TYPE, { ...job, hyperParameters: { epochs: "5" } });
    expect(provider.diff(TYPE, "j", olds as never, news as never, {})).toEqual({ changes: ["hyperParameters"], replaces: ["hyperParameters"] });
    const tagged = await checked(provider, TYPE, { ...job, tags: { run: "a" } });
    expect(provider.diff(TYPE, "j", olds as never, tagged as never, {})).toEqual({ changes: ["tags"] });
  });

  test("delete stops a running job, waits until it has stopped, then deletes its record", async () => {
    sm.on(DescribeTrainingJobCommand)
      .resolvesOnce(described("InProgress"))
      .resolvesOnce(described("Stopping"))
      .resolvesOnce(described("Stopped"))
      .rejects(awsError("ValidationException", "Requested resource not found."));
    sm.on(StopTrainingJobCommand).resolves({});
    sm.on(DeleteTrainingJobCommand).resolves({});
    const { provider } = testProvider();
    await provider.delete("ranker-v3", {}, {}, callContext(TYPE, "ranker-v3"));
    expect(commandNames(sm)).toEqual(["DescribeTrainingJob", "StopTrainingJob", "DescribeTrainingJob", "DescribeTrainingJob", "DeleteTrainingJob", "DescribeTrainingJob"]);
  });

  test("deleting a completed job only deletes its record", async () => {
    sm.on(DescribeTrainingJobCommand).resolvesOnce(described("Completed")).rejects(awsError("ValidationException", "Requested resource not found."));
    sm.on(DeleteTrainingJobCommand).resolves({});
    const { provider } = testProvider();
    await provider.delete("ranker-v3", {}, {}, callContext(TYPE, "ranker-v3"));
    expect(commandNames(sm)).toEqual(["DescribeTrainingJob", "DeleteTrainingJob", "DescribeTrainingJob"]);
  });
});

describe("aws:sagemaker/ModelPackageGroup and NotebookInstance", () => {
  test("a model package group is created and awaited until Completed", async () => {
    sm.on(CreateModelPackageGroupCommand).resolves({ ModelPackageGroupArn: "arn:group" });
    sm.on(DescribeModelPackageGroupCommand)
      .resolvesOnce({ ModelPackageGroupName: "rankers", ModelPackageGroupStatus: "Pending" })
      .resolves({ ModelPackageGroupName: "rankers", ModelPackageGroupArn: "arn:group", ModelPackageGroupStatus: "Completed" });
    const { provider } = testProvider();
    const TYPE = "aws:sagemaker/ModelPackageGroup";
    const inputs = await checked(provider, TYPE, { name: "rankers", description: "Ranking models" });
    const result = await provider.create(inputs as never, "t", callContext(TYPE, "rankers"));
    expect(sm.commandCalls(CreateModelPackageGroupCommand)[0]?.args[0].input).toEqual({ ModelPackageGroupName: "rankers", ModelPackageGroupDescription: "Ranking models" });
    expect(result.outputs.arn).toBe("arn:group");
  });

  test("a notebook instance type change stops it, updates it and starts it again", async () => {
    const statuses = ["InService", "Stopping", "Stopped", "Updating", "Stopped", "Pending", "InService", "InService"];
    sm.onAnyCommand().resolves({});
    sm.on(DescribeNotebookInstanceCommand).callsFake(() => ({ NotebookInstanceName: "nb", NotebookInstanceArn: "arn:nb", NotebookInstanceStatus: statuses.shift() ?? "InService" }));
    const { provider } = testProvider();
    const TYPE = "aws:sagemaker/NotebookInstance";
    const olds = await checked(provider, TYPE, { name: "nb", instanceType: "ml.t3.medium", roleArn: ROLE });
    const news = await checked(provider, TYPE, { name: "nb", instanceType: "ml.t3.large", roleArn: ROLE });
    await provider.update("nb", olds as never, news as never, { arn: "arn:nb" }, callContext(TYPE, "nb"));
    expect(commandNames(sm)).toEqual([
      "DescribeNotebookInstance",
      "StopNotebookInstance",
      "DescribeNotebookInstance",
      "DescribeNotebookInstance",
      "UpdateNotebookInstance",
      "DescribeNotebookInstance",
      "DescribeNotebookInstance",
      "StartNotebookInstance",
      "DescribeNotebookInstance",
      "DescribeNotebookInstance",
      "DescribeNotebookInstance",
    ]);
    expect(sm.commandCalls(UpdateNotebookInstanceCommand)[0]?.args[0].input).toMatchObject({ NotebookInstanceName: "nb", InstanceType: "ml.t3.large" });
  });
});
