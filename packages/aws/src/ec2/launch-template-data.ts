import type { RequestLaunchTemplateData, ResponseLaunchTemplateData } from "@aws-sdk/client-ec2";
import { list, str, stringMap, type Fields } from "../check/spec.js";
import { fromTagList, toTagList, type Tags } from "../tags.js";
import { isArn } from "./instance-inputs.js";

/** The launch settings of a template version, as the program gives them. */
export interface LaunchData {
  readonly description?: string;
  readonly imageId?: string;
  readonly instanceType?: string;
  readonly keyName?: string;
  readonly vpcSecurityGroupIds?: readonly string[];
  readonly userData?: string;
  readonly iamInstanceProfile?: string;
  readonly metadataHttpTokens?: "optional" | "required";
  readonly instanceTags?: Tags;
}

/** The inputs that make a new version when they change. */
export const LAUNCH_DATA_KEYS = [
  "description",
  "imageId",
  "instanceType",
  "keyName",
  "vpcSecurityGroupIds",
  "userData",
  "iamInstanceProfile",
  "metadataHttpTokens",
  "instanceTags",
] as const satisfies readonly (keyof LaunchData)[];

/** Their fields. */
export const LAUNCH_DATA_FIELDS: Fields = {
  description: str({ maxLength: 255 }),
  imageId: str({ pattern: /^(ami-[0-9a-f]+|resolve:ssm:.+)$/, expected: "an AMI id (ami-...) or resolve:ssm:<parameter>" }),
  instanceType: str({ pattern: /^[a-z0-9-]+\.[a-z0-9]+$/, expected: "an instance type such as t3.micro" }),
  keyName: str(),
  vpcSecurityGroupIds: list(str()),
  userData: str({ maxLength: 16 * 1024 }),
  iamInstanceProfile: str(),
  metadataHttpTokens: str({ oneOf: ["optional", "required"] }),
  instanceTags: stringMap({ maxEntries: 50 }),
};

/** Launch settings in EC2's form. */
export function toLaunchData(data: LaunchData): RequestLaunchTemplateData {
  const tags = data.instanceTags === undefined || Object.keys(data.instanceTags).length === 0 ? undefined : toTagList(data.instanceTags);
  return {
    ImageId: data.imageId,
    InstanceType: data.instanceType as never,
    KeyName: data.keyName,
    SecurityGroupIds: data.vpcSecurityGroupIds === undefined ? undefined : [...data.vpcSecurityGroupIds],
    UserData: data.userData === undefined ? undefined : Buffer.from(data.userData, "utf8").toString("base64"),
    IamInstanceProfile: data.iamInstanceProfile === undefined ? undefined : isArn(data.iamInstanceProfile) ? { Arn: data.iamInstanceProfile } : { Name: data.iamInstanceProfile },
    MetadataOptions: data.metadataHttpTokens === undefined ? undefined : { HttpTokens: data.metadataHttpTokens },
    TagSpecifications: tags && [
      { ResourceType: "instance", Tags: tags },
      { ResourceType: "volume", Tags: tags },
    ],
  };
}

/** Launch settings from EC2's form; only what the program can set, and only what `recorded` set unless importing. */
export function fromLaunchData(data: ResponseLaunchTemplateData | undefined, description: string | undefined): LaunchData {
  const profile = data?.IamInstanceProfile;
  const instanceTags = data?.TagSpecifications?.find((t) => t.ResourceType === "instance")?.Tags;
  return {
    description,
    imageId: data?.ImageId,
    instanceType: data?.InstanceType,
    keyName: data?.KeyName,
    vpcSecurityGroupIds: data?.SecurityGroupIds === undefined ? undefined : [...data.SecurityGroupIds].sort(),
    userData: data?.UserData === undefined ? undefined : Buffer.from(data.UserData, "base64").toString("utf8"),
    iamInstanceProfile: profile?.Arn ?? profile?.Name,
    metadataHttpTokens: data?.MetadataOptions?.HttpTokens as LaunchData["metadataHttpTokens"],
    instanceTags: instanceTags === undefined ? undefined : fromTagList(instanceTags),
  };
}
