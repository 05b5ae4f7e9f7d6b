/** What the training pipeline's definition is made of. */
export interface PipelineDefinitionSettings {
  readonly image: string;
  readonly roleArn: string;
  readonly bucketName: string;
  readonly modelPackageGroupName: string;
  readonly instanceType: string;
  readonly instanceCount: number;
  readonly volumeSizeInGb: number;
  readonly maxRuntimeSeconds: number;
  readonly vpc?: { readonly subnetIds: readonly string[]; readonly securityGroupIds: readonly string[] };
}

/**
 * A SageMaker pipeline definition (schema 2020-12-01) of two steps: a
 * training job on `datasets/latest/` that writes to `models/`, and the
 * registration of its artifact as a new model package, pending approval.
 * The training instances exist only while the job runs.
 */
export function pipelineDefinition(s: PipelineDefinitionSettings): Record<string, unknown> {
  return {
    Version: "2020-12-01",
    Parameters: [
      { Name: "TriggeredBy", Type: "String", DefaultValue: "manual" },
      { Name: "InstanceType", Type: "String", DefaultValue: s.instanceType },
      { Name: "Epochs", Type: "String", DefaultValue: "10" },
    ],
    Steps: [
      {
        Name: "Train",
        Type: "Training",
        Arguments: {
          AlgorithmSpecification: { TrainingImage: s.image, TrainingInputMode: "File" },
          RoleArn: s.roleArn,
          HyperParameters: { epochs: { Get: "Parameters.Epochs" } },
          InputDataConfig: [
            {
              ChannelName: "train",
              DataSource: { S3DataSource: { S3DataType: "S3Prefix", S3Uri: `s3://${s.bucketName}/datasets/latest/`, S3DataDistributionType: "FullyReplicated" } },
            },
          ],
          OutputDataConfig: { S3OutputPath: `s3://${s.bucketName}/models/` },
          ResourceConfig: { InstanceType: { Get: "Parameters.InstanceType" }, InstanceCount: s.instanceCount, VolumeSizeInGB: s.volumeSizeInGb },
          StoppingCondition: { MaxRuntimeInSeconds: s.maxRuntimeSeconds },
          ...(s.vpc === undefined ? {} : { VpcConfig: { Subnets: [...s.vpc.subnetIds], SecurityGroupIds: [...s.vpc.securityGroupIds] } }),
        },
      },
      {
        Name: "Register",
        Type: "RegisterModel",
        Arguments: {
          ModelPackageGroupName: s.modelPackageGroupName,
          ModelApprovalStatus: "PendingManualApproval",
          InferenceSpecification: {
            Containers: [{ Image: s.image, ModelDataUrl: { Get: "Steps.Train.ModelArtifacts.S3ModelArtifacts" } }],
            SupportedContentTypes: ["application/json"],
            SupportedResponseMIMETypes: ["application/json"],
          },
        },
      },
    ],
  };
}
