import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/core";
import type { ResourceType } from "@cairn/core/provider";
import { cairnPackage } from "../package.js";

const LAUNCH_TEMPLATE: ResourceType = { token: "aws:ec2/LaunchTemplate", package: cairnPackage };

/** The arguments of {@link LaunchTemplate}. Every launch setting change makes a new version. */
export interface LaunchTemplateArgs {
  /** The template's name; changing it replaces the template. @default generated from namePrefix */
  readonly name?: Input<string>;
  /** A prefix for a generated name. @default the logical name and "-" */
  readonly namePrefix?: Input<string>;
  /** The description of each new version. @default none */
  readonly description?: Input<string>;
  /** An AMI id, or `resolve:ssm:<parameter>`. @default none */
  readonly imageId?: Input<string>;
  /** Such as "t3.micro". @default none */
  readonly instanceType?: Input<string>;
  /** A key pair's name. @default none */
  readonly keyName?: Input<string>;
  /** Security group ids (order does not matter). @default none */
  readonly vpcSecurityGroupIds?: Input<readonly Input<string>[]>;
  /** User data as text; Cairn base64-encodes it, as for `ec2.Instance`. @default none */
  readonly userData?: Input<string>;
  /** An instance profile's name or ARN. @default none */
  readonly iamInstanceProfile?: Input<string>;
  /** "required" forces IMDSv2. @default EC2's ("optional" unless the AMI says otherwise) */
  readonly metadataHttpTokens?: Input<"optional" | "required">;
  /** Tags given to the instances and volumes launched from it. @default none */
  readonly instanceTags?: Input<Readonly<Record<string, Input<string>>>>;
  /** Make each new version the default one. @default true */
  readonly updateDefaultVersion?: Input<boolean>;
  /** Tags of the template itself, merged over the provider's default tags. @default none */
  readonly tags?: Input<Readonly<Record<string, Input<string>>>>;
}

/**
 * A launch template: how an Auto Scaling group (or an instance) launches
 * machines. A change to a launch setting makes a new version in place
 * (CreateLaunchTemplateVersion), made the default unless
 * `updateDefaultVersion` is false; a group that uses `latestVersion` then
 * rolls its instances with an instance refresh.
 *
 * @example
 * const template = new aws.ec2.LaunchTemplate("ranker", { imageId: ami.id, instanceType: "c6i.large", vpcSecurityGroupIds: [sg.id] });
 */
export class LaunchTemplate extends CustomResource {
  readonly arn: Output<string> = this.getOutput("arn");
  readonly name: Output<string> = this.getOutput("name");
  /** The newest version's number. */
  readonly latestVersion: Output<number> = this.getOutput("latestVersion");
  /** The default version's number. */
  readonly defaultVersion: Output<number> = this.getOutput("defaultVersion");
  readonly tags: Output<Record<string, string>> = this.getOutput("tags");

  constructor(name: string, args: LaunchTemplateArgs = {}, opts: CustomResourceOptions = {}) {
    super(LAUNCH_TEMPLATE, name, args as unknown as Record<string, unknown>, opts);
  }
}
