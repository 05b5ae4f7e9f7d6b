import { testProgram } from "@cairn/core/testing";
import { InferenceEndpoint, type InferenceEndpointArgs } from "../src/index.js";

const mocks = { newResource: ({ name }: { name: string }) => ({ id: name, outputs: { name, arn: `arn:aws:sagemaker:us-west-2:123456789012:${name}` } }) };
const base: InferenceEndpointArgs = {
  image: "123456789012.dkr.ecr.us-west-2.amazonaws.com/ranker:1.4",
  modelDataUrl: "s3://artifacts/models/ranker/v1/model.tar.gz",
  executionRoleArn: "arn:aws:iam::123456789012:role/model",
  tags: { model: "ranker" },
};
const endpoint = (args: Partial<InferenceEndpointArgs> = {}) =>
  testProgram(() => {
    const e = new InferenceEndpoint("ranker", { ...base, ...args });
    return { endpointName: e.endpointName, initialConfigName: e.initialConfigName, variantName: e.variantName };
  }, { mocks });

describe("InferenceEndpoint", () => {
  it("serves the first model from a config of one variant on ml.m5.large by default", async () => {
    const result = await endpoint();
    expect(result.resource("ranker-model").inputs).toEqual({
      executionRoleArn: "arn:aws:iam::123456789012:role/model",
      primaryContainer: { image: base.image, modelDataUrl: base.modelDataUrl },
      tags: { model: "ranker" },
    });
    expect(result.resource("ranker-config").inputs.productionVariants).toEqual([
      { variantName: "primary", modelName: "ranker-model", instanceType: "ml.m5.large", initialInstanceCount: 1 },
    ]);
    expect(result.resource("ranker-endpoint").inputs).toEqual({ endpointConfigName: "ranker-config", tags: { model: "ranker" } });
    expect(result.outputs).toEqual({ endpointName: "ranker-endpoint", initialConfigName: "ranker-config", variantName: "primary" });
  });

  it("ignores the endpoint's config name, which the registry's deployer moves forward", async () => {
    const result = await endpoint();
    expect(result.resource("ranker-endpoint").ignoreChanges).toEqual(["endpointConfigName"]);
    expect(result.resource("ranker-config").ignoreChanges).toEqual([]);
  });

  it("takes the instance type, count and VPC from its arguments", async () => {
    const result = await endpoint({ instanceType: "ml.c5.2xlarge", initialInstanceCount: 3, vpc: { subnetIds: ["subnet-a", "subnet-b"], securityGroupIds: ["sg-1"] } });
    expect(result.resource("ranker-config").inputs.productionVariants).toEqual([expect.objectContaining({ instanceType: "ml.c5.2xlarge", initialInstanceCount: 3 })]);
    expect(result.resource("ranker-model").inputs.vpcConfig).toEqual({ subnets: ["subnet-a", "subnet-b"], securityGroupIds: ["sg-1"] });
  });
});

describe("InferenceEndpoint autoscaling", () => {
  it("scales the variant, not the config, on invocations per instance, after the endpoint exists", async () => {
    const result = await endpoint({ autoscaling: { minCapacity: 2, maxCapacity: 6 } });
    const dimension = { serviceNamespace: "sagemaker", resourceId: "endpoint/ranker-endpoint/variant/primary", scalableDimension: "sagemaker:variant:DesiredInstanceCount" };
    const target = result.resource("ranker-scaling");
    expect(target.inputs).toEqual({ ...dimension, minCapacity: 2, maxCapacity: 6 });
    expect(target.dependencies).toContain(result.resource("ranker-endpoint").urn);
    expect(result.resource("ranker-invocations").inputs).toEqual({
      ...dimension,
      policyType: "TargetTrackingScaling",
      targetTrackingScalingPolicyConfiguration: {
        targetValue: 1000,
        predefinedMetricSpecification: { predefinedMetricType: "SageMakerVariantInvocationsPerInstance" },
        scaleInCooldown: 300,
        scaleOutCooldown: 60,
      },
    });
    expect(result.resource("ranker-invocations").dependencies).toContain(target.urn);
    expect((await endpoint()).ofType("aws:appautoscaling/Target")).toEqual([]);
  });
});
