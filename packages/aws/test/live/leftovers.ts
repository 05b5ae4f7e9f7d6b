import { DescribeInstancesCommand, DescribeSecurityGroupsCommand, DescribeSubnetsCommand, DescribeVpcsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { IAMClient, ListInstanceProfilesCommand, ListRolesCommand } from "@aws-sdk/client-iam";
import { ListBucketsCommand, S3Client } from "@aws-sdk/client-s3";
import { ListEndpointConfigsCommand, ListEndpointsCommand, ListModelPackageGroupsCommand, ListModelsCommand, SageMakerClient } from "@aws-sdk/client-sagemaker";

/** What one live run made, found by asking AWS directly (never Cairn's state). */
export type Leftovers = Record<string, string[]>;

/**
 * Everything that a live run tagged `cairn-live=<runId>`, or named with its
 * prefix, and that still exists. Terminated instances do not count.
 */
export async function findLeftovers(runId: string, prefix: string, iamPath: string): Promise<Leftovers> {
  const region = process.env.AWS_REGION ?? "us-west-2";
  const ec2 = new EC2Client({ region });
  const s3 = new S3Client({ region, forcePathStyle: true });
  const iam = new IAMClient({ region });
  const sm = new SageMakerClient({ region });
  const tagged = [{ Name: "tag:cairn-live", Values: [runId] }];
  try {
    const [instances, vpcs, subnets, groups, buckets, roles, profiles, models, configs, endpoints, registries] = await Promise.all([
      ec2.send(new DescribeInstancesCommand({ Filters: tagged })),
      ec2.send(new DescribeVpcsCommand({ Filters: tagged })),
      ec2.send(new DescribeSubnetsCommand({ Filters: tagged })),
      ec2.send(new DescribeSecurityGroupsCommand({ Filters: tagged })),
      s3.send(new ListBucketsCommand({})),
      iam.send(new ListRolesCommand({ PathPrefix: iamPath })),
      iam.send(new ListInstanceProfilesCommand({ PathPrefix: iamPath })),
      sm.send(new ListModelsCommand({ NameContains: prefix })),
      sm.send(new ListEndpointConfigsCommand({ NameContains: prefix })),
      sm.send(new ListEndpointsCommand({ NameContains: prefix })),
      sm.send(new ListModelPackageGroupsCommand({ NameContains: prefix })),
    ]);
    const live = (instances.Reservations ?? []).flatMap((r) => r.Instances ?? []).filter((i) => i.State?.Name !== "terminated");
    return {
      instances: live.map((i) => `${i.InstanceId} (${i.State?.Name})`),
      vpcs: (vpcs.Vpcs ?? []).map((v) => v.VpcId ?? "?"),
      subnets: (subnets.Subnets ?? []).map((s) => s.SubnetId ?? "?"),
      securityGroups: (groups.SecurityGroups ?? []).map((g) => g.GroupId ?? "?"),
      buckets: (buckets.Buckets ?? []).map((b) => b.Name ?? "?").filter((name) => name.startsWith(prefix)),
      roles: (roles.Roles ?? []).map((r) => r.RoleName ?? "?").filter((name) => name.startsWith(prefix)),
      instanceProfiles: (profiles.InstanceProfiles ?? []).map((p) => p.InstanceProfileName ?? "?").filter((name) => name.startsWith(prefix)),
      models: (models.Models ?? []).map((m) => m.ModelName ?? "?"),
      endpointConfigs: (configs.EndpointConfigs ?? []).map((c) => c.EndpointConfigName ?? "?"),
      endpoints: (endpoints.Endpoints ?? []).map((e) => e.EndpointName ?? "?"),
      modelPackageGroups: (registries.ModelPackageGroupSummaryList ?? []).map((g) => g.ModelPackageGroupName ?? "?"),
    };
  } finally {
    for (const client of [ec2, s3, iam, sm]) client.destroy();
  }
}
