// Generated from @aws-cdk/aws-service-spec 0.1.216 by `npm run generate -w @cairn/aws`. Do not edit.
import type { CustomResourceOptions, Input, Output } from "@cairn/core";
import { NativeResource, type Plain } from "../../dist/native/native-resource.js";

/**
 * Configuration for the capacity provider that manages compute resources for Lambda functions.
 */
export interface FunctionCapacityProviderConfig {
  /**
   * Configuration for Lambda-managed instances used by the capacity provider.
   */
  readonly lambdaManagedInstancesCapacityProviderConfig: Input<FunctionLambdaManagedInstancesCapacityProviderConfig>;
}

/**
 * The [deployment package](https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-package.html) for a Lambda function. To deploy a function defined as a container image, you specify the location of a container image in the Amazon ECR registry. For a .zip file deployment package, you can specify the location of an object in Amazon S3. For Node.js and Python functions, you can specify the function code inline in the template.
 *
 * > When you specify source code inline for a Node.js function, the `index` file that CloudFormation creates uses the extension `.js` . …
 */
export interface FunctionCode {
  /**
   * URI of a [container image](https://docs.aws.amazon.com/lambda/latest/dg/lambda-images.html) in the Amazon ECR registry.
   */
  readonly imageUri?: Input<string>;
  /**
   * An Amazon S3 bucket in the same AWS Region as your function. The bucket can be in a different AWS account .
   */
  readonly s3Bucket?: Input<string>;
  /**
   * The Amazon S3 key of the deployment package.
   */
  readonly s3Key?: Input<string>;
  /**
   * Specifies the storage mode for the deployment package. Use ``COPY`` to store the package in LAMlong-managed storage. Use ``REFERENCE`` to read the package directly from the Amazon S3 bucket. If omitted, the default is ``COPY``.
   */
  readonly s3ObjectStorageMode?: Input<"COPY" | "REFERENCE">;
  /**
   * For versioned objects, the version of the deployment package object to use.
   */
  readonly s3ObjectVersion?: Input<string>;
  /**
   * The ARN of the AWS Key Management Service ( AWS  ) customer managed key that's used to encrypt your function's .zip deployment package. If you don't provide a customer managed key, Lambda uses an [AWS owned key](https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#aws-owned-cmk) .
   */
  readonly sourceKMSKeyArn?: Input<string>;
  /**
   * (Node.js and Python) The source code of your Lambda function. If you include your function source inline with this parameter, CloudFormation places it in a file named `index` and zips it to create a [deployment package](https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-package.html) . This zip file cannot exceed 4MB. For the `Handler` property, the first part of the handler identifier must be `index` . For example, `index.handler` .
   *
   * > When you specify source code inline for a Node.js function, the `index` file that CloudFormation creates uses the extension `.js` . …
   */
  readonly zipFile?: Input<string>;
}

/**
 * The [dead-letter queue](https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html#invocation-dlq) for failed asynchronous invocations.
 */
export interface FunctionDeadLetterConfig {
  /**
   * The Amazon Resource Name (ARN) of an Amazon SQS queue or Amazon SNS topic.
   */
  readonly targetArn?: Input<string>;
}

/**
 * Configuration settings for [durable functions](https://docs.aws.amazon.com/lambda/latest/dg/durable-functions.html) , including execution timeout and retention period for execution history.
 */
export interface FunctionDurableConfig {
  /**
   * The maximum time (in seconds) that a durable execution can run before timing out. This timeout applies to the entire durable execution, not individual function invocations.
   */
  readonly executionTimeout: Input<number>;
  /**
   * The ARN of the KMSlong (KMS) customer managed key that is used to encrypt your durable execution's payload data, including input, output, and error payloads.
   */
  readonly kmsKeyArn?: Input<string>;
  /**
   * The number of days to retain execution history after a durable execution completes. After this period, execution history is no longer available through the GetDurableExecutionHistory API.
   */
  readonly retentionPeriodInDays?: Input<number>;
}

/**
 * A function's environment variable settings. You can use environment variables to adjust your function's behavior without updating code. An environment variable is a pair of strings that are stored in a function's version-specific configuration.
 */
export interface FunctionEnvironment {
  /**
   * Environment variable key-value pairs. For more information, see [Using Lambda environment variables](https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html) .
   *
   * If the value of the environment variable is a time or a duration, enclose the value in quotes.
   */
  readonly variables?: Input<Readonly<Record<string, Input<string>>>>;
}

/**
 * The size of the function's `/tmp` directory in MB. The default value is 512, but it can be any whole number between 512 and 10,240 MB.
 */
export interface FunctionEphemeralStorage {
  /**
   * The size of the function's `/tmp` directory.
   */
  readonly size: Input<number>;
}

/**
 * Details about the connection between a Lambda function and an [Amazon EFS file system](https://docs.aws.amazon.com/lambda/latest/dg/configuration-filesystem.html) .
 */
export interface FunctionFileSystemConfig {
  /**
   * The Amazon Resource Name (ARN) of the Amazon EFS access point that provides access to the file system.
   */
  readonly arn: Input<string>;
  /**
   * The path where the function can access the file system, starting with `/mnt/` .
   */
  readonly localMountPath: Input<string>;
  /**
   * Setting controls how your function accesses data from an Amazon S3 file system.
   */
  readonly s3FilesConfig?: Input<FunctionS3FilesConfig>;
}

/**
 * Configuration that defines the scaling behavior for a Lambda Managed Instances function, including the minimum and maximum number of execution environments that can be provisioned.
 */
export interface FunctionFunctionScalingConfig {
  /**
   * The maximum number of execution environments that can be provisioned for the function.
   */
  readonly maxExecutionEnvironments?: Input<number>;
  /**
   * The minimum number of execution environments to maintain for the function.
   */
  readonly minExecutionEnvironments?: Input<number>;
}

/**
 * Configuration values that override the container image Dockerfile settings. For more information, see [Container image settings](https://docs.aws.amazon.com/lambda/latest/dg/images-create.html#images-parms) .
 */
export interface FunctionImageConfig {
  /**
   * Specifies parameters that you want to pass in with ENTRYPOINT. You can specify a maximum of 1,500 parameters in the list.
   */
  readonly command?: Input<readonly Input<string>[]>;
  /**
   * Specifies the entry point to their application, which is typically the location of the runtime executable. You can specify a maximum of 1,500 string entries in the list.
   */
  readonly entryPoint?: Input<readonly Input<string>[]>;
  /**
   * Specifies the working directory. The length of the directory string cannot exceed 1,000 characters.
   */
  readonly workingDirectory?: Input<string>;
}

/**
 * Configuration for Lambda-managed instances used by the capacity provider.
 */
export interface FunctionLambdaManagedInstancesCapacityProviderConfig {
  /**
   * The Amazon Resource Name (ARN) of the capacity provider.
   */
  readonly capacityProviderArn: Input<string>;
  /**
   * The amount of memory in GiB allocated per vCPU for execution environments.
   */
  readonly executionEnvironmentMemoryGiBPerVCpu?: Input<number>;
  /**
   * The maximum number of concurrent executions that can run on each execution environment.
   */
  readonly perExecutionEnvironmentMaxConcurrency?: Input<number>;
}

/**
 * The function's Amazon CloudWatch Logs configuration settings.
 */
export interface FunctionLoggingConfig {
  /**
   * Set this property to filter the application logs for your function that Lambda sends to CloudWatch. Lambda only sends application logs at the selected level of detail and lower, where `TRACE` is the highest level and `FATAL` is the lowest.
   */
  readonly applicationLogLevel?: Input<"TRACE" | "DEBUG" | "INFO" | "WARN" | "ERROR" | "FATAL">;
  /**
   * The format in which Lambda sends your function's application and system logs to CloudWatch. Select between plain text and structured JSON.
   */
  readonly logFormat?: Input<"Text" | "JSON">;
  /**
   * The name of the Amazon CloudWatch log group the function sends logs to. By default, Lambda functions send logs to a default log group named `/aws/lambda/<function name>` . To use a different log group, enter an existing log group or enter a new log group name.
   */
  readonly logGroup?: Input<string>;
  /**
   * Set this property to filter the system logs for your function that Lambda sends to CloudWatch. Lambda only sends system logs at the selected level of detail and lower, where `DEBUG` is the highest level and `WARN` is the lowest.
   */
  readonly systemLogLevel?: Input<"DEBUG" | "INFO" | "WARN">;
}

/**
 * Sets the runtime management configuration for a function's version. For more information, see [Runtime updates](https://docs.aws.amazon.com/lambda/latest/dg/runtimes-update.html) .
 */
export interface FunctionRuntimeManagementConfig {
  /**
   * The ARN of the runtime version you want the function to use.
   *
   * > This is only required if you're using the *Manual* runtime update mode.
   */
  readonly runtimeVersionArn?: Input<string>;
  /**
   * Specify the runtime update mode.
   *
   * - *Auto (default)* - Automatically update to the most recent and secure runtime version using a [Two-phase runtime version rollout](https://docs.aws.amazon.com/lambda/latest/dg/runtimes-update.html#runtime-management-two-phase) . This is the best choice for most customers to ensure they always benefit from runtime updates.
   * - *FunctionUpdate* - Lambda updates the runtime of you function to the most recent and secure runtime version when you update your function. …
   */
  readonly updateRuntimeOn: Input<"Auto" | "FunctionUpdate" | "Manual">;
}

/**
 * Setting controls how your function accesses data from an Amazon S3 file system.
 */
export interface FunctionS3FilesConfig {
  /**
   * Specifies if a function reads from the file system for the lowest latency, or through Amazon S3 Files feature "direct Amazon S3 bucket reads" for the highest throughput. Valid values:
   *   +  ``AUTO`` (default) – Direct reads are active for functions you configure with 512 MB or more of memory.
   *   +  ``ENABLED`` – Enforces all reads are directly from the Amazon S3 bucket, regardless of available memory (less than 512 MB).
   *   +  ``DISABLED`` – Routes all reads through the file system, regardless of memory configuration.
   *   
   *  To use direct reads, you must grant the execution role the ``s3:GetObject`` …
   */
  readonly directS3Read?: Input<"ENABLED" | "DISABLED" | "AUTO">;
}

/**
 * The function's [AWS Lambda SnapStart](https://docs.aws.amazon.com/lambda/latest/dg/snapstart.html) setting.
 */
export interface FunctionSnapStart {
  /**
   * Set `ApplyOn` to `PublishedVersions` to create a snapshot of the initialized execution environment when you publish a function version.
   */
  readonly applyOn: Input<"PublishedVersions" | "None">;
}

/**
 * The function's [SnapStart](https://docs.aws.amazon.com/lambda/latest/dg/snapstart.html) setting.
 */
export interface FunctionSnapStartResponse {
  /**
   * When set to `PublishedVersions` , Lambda creates a snapshot of the execution environment when you publish a function version.
   */
  readonly applyOn?: Input<"PublishedVersions" | "None">;
  /**
   * When you provide a [qualified Amazon Resource Name (ARN)](https://docs.aws.amazon.com/lambda/latest/dg/configuration-versions.html#versioning-versions-using) , this response element indicates whether SnapStart is activated for the specified function version.
   */
  readonly optimizationStatus?: Input<"On" | "Off">;
}

/**
 * Specifies the tenant isolation mode configuration for a Lambda function. This allows you to configure specific tenant isolation strategies for your function invocations. Tenant isolation configuration cannot be modified after function creation.
 */
export interface FunctionTenancyConfig {
  /**
   * Tenant isolation mode allows for invocation to be sent to a corresponding execution environment dedicated to a specific tenant ID.
   */
  readonly tenantIsolationMode: Input<"PER_TENANT">;
}

/**
 * The function's [AWS X-Ray](https://docs.aws.amazon.com/lambda/latest/dg/services-xray.html) tracing configuration. To sample and record incoming requests, set `Mode` to `Active` .
 */
export interface FunctionTracingConfig {
  /**
   * The tracing mode.
   */
  readonly mode?: Input<"Active" | "PassThrough">;
}

/**
 * The VPC security groups and subnets that are attached to a Lambda function. When you connect a function to a VPC, Lambda creates an elastic network interface for each combination of security group and subnet in the function's VPC configuration. The function can only access resources and the internet through that VPC. For more information, see [VPC Settings](https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html) .
 *
 * > When you delete a function, CloudFormation monitors the state of its network interfaces and waits for Lambda to delete them before proceeding. …
 */
export interface FunctionVpcConfig {
  /**
   * Allows outbound IPv6 traffic on VPC functions that are connected to dual-stack subnets.
   */
  readonly ipv6AllowedForDualStack?: Input<boolean>;
  /**
   * A list of VPC security group IDs.
   */
  readonly securityGroupIds?: Input<readonly Input<string>[]>;
  /**
   * A list of VPC subnet IDs.
   */
  readonly subnetIds?: Input<readonly Input<string>[]>;
}

/** The arguments of {@link Function}. */
export interface FunctionArgs {
  /**
   * The instruction set architecture that the function supports. Enter a string array with one of the valid values (arm64 or x86_64). The default value is `x86_64` .
   */
  readonly architectures?: Input<readonly Input<string>[]>;
  /**
   * Configuration for the capacity provider that manages compute resources for Lambda functions.
   */
  readonly capacityProviderConfig?: Input<FunctionCapacityProviderConfig>;
  /**
   * The code for the function. You can define your function code in multiple ways:
   *
   * - For .zip deployment packages, you can specify the Amazon S3 location of the .zip file in the `S3Bucket` , `S3Key` , and `S3ObjectVersion` properties.
   * - For .zip deployment packages, you can alternatively define the function code inline in the `ZipFile` property. This method works only for Node.js and Python functions.
   * - For container images, specify the URI of your container image in the Amazon ECR registry in the `ImageUri` property.
   */
  readonly code: Input<FunctionCode>;
  /**
   * To enable code signing for this function, specify the ARN of a code-signing configuration. A code-signing configuration
   * includes a set of signing profiles, which define the trusted publishers for this function.
   */
  readonly codeSigningConfigArn?: Input<string>;
  /**
   * A dead-letter queue configuration that specifies the queue or topic where Lambda sends asynchronous events when they fail processing. For more information, see [Dead-letter queues](https://docs.aws.amazon.com/lambda/latest/dg/invocation-async.html#invocation-dlq) .
   */
  readonly deadLetterConfig?: Input<FunctionDeadLetterConfig>;
  /**
   * A description of the function.
   */
  readonly description?: Input<string>;
  /**
   * Configuration settings for [durable functions](https://docs.aws.amazon.com/lambda/latest/dg/durable-functions.html) , including execution timeout and retention period for execution history.
   */
  readonly durableConfig?: Input<FunctionDurableConfig>;
  /**
   * Environment variables that are accessible from function code during execution.
   */
  readonly environment?: Input<FunctionEnvironment>;
  /**
   * The size of the function's `/tmp` directory in MB. The default value is 512, but it can be any whole number between 512 and 10,240 MB.
   */
  readonly ephemeralStorage?: Input<FunctionEphemeralStorage>;
  /**
   * Connection settings for an Amazon EFS file system. To connect a function to a file system, a mount target must be available in every Availability Zone that your function connects to. If your template contains an [AWS::EFS::MountTarget](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-efs-mounttarget.html) resource, you must also specify a `DependsOn` attribute to ensure that the mount target is created or updated before the function.
   *
   * For more information about using the `DependsOn` attribute, see [DependsOn Attribute](https://docs.aws.amazon.com/AWSCloudFormation/la …
   */
  readonly fileSystemConfigs?: Input<readonly Input<FunctionFileSystemConfig>[]>;
  /**
   * The name of the Lambda function, up to 64 characters in length. If you don't specify a name, CloudFormation generates one.
   *
   * If you specify a name, you cannot perform updates that require replacement of this resource. You can perform updates that require no or some interruption. If you must replace the resource, specify a new name.
   *
   * Changing it replaces the resource.
   */
  readonly functionName?: Input<string>;
  /**
   * Configuration that defines the scaling behavior for a Lambda Managed Instances function, including the minimum and maximum number of execution environments that can be provisioned.
   */
  readonly functionScalingConfig?: Input<FunctionFunctionScalingConfig>;
  /**
   * The name of the method within your code that Lambda calls to run your function. Handler is required if the deployment package is a .zip file archive. The format includes the file name. It can also include namespaces and other qualifiers, depending on the runtime. For more information, see [Lambda programming model](https://docs.aws.amazon.com/lambda/latest/dg/foundation-progmodel.html) .
   */
  readonly handler?: Input<string>;
  /**
   * Configuration values that override the container image Dockerfile settings. For more information, see [Container image settings](https://docs.aws.amazon.com/lambda/latest/dg/images-create.html#images-parms) .
   */
  readonly imageConfig?: Input<FunctionImageConfig>;
  /**
   * The ARN of the AWS Key Management Service ( AWS  ) customer managed key that's used to encrypt the following resources:
   *
   * - The function's [environment variables](https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-encryption) .
   * - The function's [Lambda SnapStart](https://docs.aws.amazon.com/lambda/latest/dg/snapstart-security.html) snapshots.
   * - When used with `SourceKMSKeyArn` , the unzipped version of the .zip deployment package that's used for function invocations. …
   */
  readonly kmsKeyArn?: Input<string>;
  /**
   * A list of [function layers](https://docs.aws.amazon.com/lambda/latest/dg/configuration-layers.html) to add to the function's execution environment. Specify each layer by its ARN, including the version.
   */
  readonly layers?: Input<readonly Input<string>[]>;
  /**
   * The function's Amazon CloudWatch Logs configuration settings.
   */
  readonly loggingConfig?: Input<FunctionLoggingConfig>;
  /**
   * The amount of [memory available to the function](https://docs.aws.amazon.com/lambda/latest/dg/configuration-function-common.html#configuration-memory-console) at runtime. Increasing the function memory also increases its CPU allocation. The default value is 128 MB. The value can be any multiple of 1 MB. Note that new AWS accounts have reduced concurrency and memory quotas. AWS raises these quotas automatically based on your usage. You can also request a quota increase.
   */
  readonly memorySize?: Input<number>;
  /**
   * The type of deployment package. Set to `Image` for container image and set `Zip` for .zip file archive.
   *
   * Changing it replaces the resource.
   */
  readonly packageType?: Input<"Image" | "Zip">;
  readonly publishToLatestPublished?: Input<boolean>;
  /**
   * The status of your function's recursive loop detection configuration.
   *
   * When this value is set to `Allow` and Lambda detects your function being invoked as part of a recursive loop, it doesn't take any action.
   *
   * When this value is set to `Terminate` and Lambda detects your function being invoked as part of a recursive loop, it stops your function being invoked and notifies you.
   */
  readonly recursiveLoop?: Input<"Allow" | "Terminate">;
  /**
   * The number of simultaneous executions to reserve for the function.
   */
  readonly reservedConcurrentExecutions?: Input<number>;
  /**
   * The Amazon Resource Name (ARN) of the function's execution role.
   */
  readonly role: Input<string>;
  /**
   * The identifier of the function's [runtime](https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html) . Runtime is required if the deployment package is a .zip file archive. Specifying a runtime results in an error if you're deploying a function using a container image.
   *
   * The following list includes deprecated runtimes. Lambda blocks creating new functions and updating existing functions shortly after each runtime is deprecated. …
   */
  readonly runtime?: Input<string>;
  /**
   * Sets the runtime management configuration for a function's version. For more information, see [Runtime updates](https://docs.aws.amazon.com/lambda/latest/dg/runtimes-update.html) .
   */
  readonly runtimeManagementConfig?: Input<FunctionRuntimeManagementConfig>;
  /**
   * The function's [AWS Lambda SnapStart](https://docs.aws.amazon.com/lambda/latest/dg/snapstart.html) setting.
   */
  readonly snapStart?: Input<FunctionSnapStart>;
  /**
   * A list of [tags](https://docs.aws.amazon.com/lambda/latest/dg/tagging.html) to apply to the function.
   *
   * > You must have the `lambda:TagResource` , `lambda:UntagResource` , and `lambda:ListTags` permissions for your [IAM principal](https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html) to manage the CloudFormation stack. If you don't have these permissions, there might be unexpected behavior with stack-level tags propagating to the resource during resource creation and update.
   */
  readonly tags?: Input<readonly Input<{ readonly key: Input<string>; readonly value: Input<string> }>[]>;
  /**
   * The function's tenant isolation configuration settings. Determines whether the Lambda function runs on a shared or dedicated infrastructure per unique tenant.
   *
   * Changing it replaces the resource.
   */
  readonly tenancyConfig?: Input<FunctionTenancyConfig>;
  /**
   * The amount of time (in seconds) that Lambda allows a function to run before stopping it. The default is 3 seconds. The maximum allowed value is 900 seconds. For more information, see [Lambda execution environment](https://docs.aws.amazon.com/lambda/latest/dg/runtimes-context.html) .
   */
  readonly timeout?: Input<number>;
  /**
   * Set `Mode` to `Active` to sample and trace a subset of incoming requests with [X-Ray](https://docs.aws.amazon.com/lambda/latest/dg/services-xray.html) .
   */
  readonly tracingConfig?: Input<FunctionTracingConfig>;
  /**
   * For network connectivity to AWS resources in a VPC, specify a list of security groups and subnets in the VPC. When you connect a function to a VPC, it can access resources and the internet only through that VPC. For more information, see [Configuring a Lambda function to access resources in a VPC](https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html) .
   */
  readonly vpcConfig?: Input<FunctionVpcConfig>;
}

/**
 * The `AWS::Lambda::Function` resource creates a Lambda function. To create a function, you need a [deployment package](https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-package.html) and an [execution role](https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html) . The deployment package is a .zip file archive or container image that contains your function code. The execution role grants the function permission to use AWS services, such as Amazon CloudWatch Logs for log streaming and AWS X-Ray for request tracing.
 *
 * You set the package type to `Image` if the deployment package is a [container image](https://docs.aws.amazon.com/lambda/latest/dg/lambda-images.html) . For these functions, include the URI of the container image in the Amazon ECR registry in the [`ImageUri` property of the `Code` property](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-lambda-function-code.html#cfn-lambda-function-code-imageuri) . You do not need to specify the handler and runtime properties.
 *
 * You set the package type to `Zip` if the deployment package is a [.zip file archive](https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-package.html#gettingstarted-package-zip) . For these functions, specify the Amazon S3 location of your .zip file in the `Code` property. Alternatively, for Node.js and Python functions, you can define your function inline in the [`ZipFile` property of the `Code` property](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-lambda-function-code.html#cfn-lambda-function-code-zipfile) . In both cases, you must also specify the handler and runtime properties.
 *
 * You can use [code signing](https://docs.aws.amazon.com/lambda/latest/dg/configuration-codesigning.html) if your deployment package is a .zip file archive. To enable code signing for this function, specify the ARN of a code-signing configuration. When a user attempts to deploy a code package with `UpdateFunctionCode` , Lambda checks that the code package has a valid signature from a trusted publisher. The code-signing configuration includes a set of signing profiles, which define the trusted publishers for this function.
 *
 * When you update a `AWS::Lambda::Function` resource, CloudFormation calls the [UpdateFunctionConfiguration](https://docs.aws.amazon.com/lambda/latest/api/API_UpdateFunctionConfiguration.html) and [UpdateFunctionCode](https://docs.aws.amazon.com/lambda/latest/api/API_UpdateFunctionCode.html) Lambda APIs under the hood. Because these calls happen sequentially, and invocations can happen between these calls, your function may encounter errors in the time between the calls. For example, if you remove an environment variable, and the code that references that environment variable in the same CloudFormation update, you may see invocation errors related to a missing environment variable. To work around this, you can invoke your function against a version or alias by default, rather than the `$LATEST` version.
 *
 * Note that you configure [provisioned concurrency](https://docs.aws.amazon.com/lambda/latest/dg/provisioned-concurrency.html) on a `AWS::Lambda::Version` or a `AWS::Lambda::Alias` .
 *
 * For a complete introduction to Lambda functions, see [What is Lambda?](https://docs.aws.amazon.com/lambda/latest/dg/lambda-welcome.html) in the *Lambda developer guide.*
 *
 * Cloud Control type `AWS::Lambda::Function`; its id is `functionName`.
 *
 * Changing `functionName`, `packageType`, `tenancyConfig` replaces it.
 *
 * Write-only (secret in state, never compared with what the cloud reports): `code.imageUri`, `code.s3Bucket`, `code.s3Key`, `code.s3ObjectVersion`, `code.zipFile`, `snapStart.applyOn`.
 *
 * Taggable: the provider's default tags are merged into `tags`.
 */
export declare class Function extends NativeResource {
  /**
   * The Amazon Resource Name (ARN) of the function.
   */
  readonly arn: Output<string>;
  /**
   * The function's [SnapStart](https://docs.aws.amazon.com/lambda/latest/dg/snapstart.html) setting.
   */
  readonly snapStartResponse: Output<Plain<FunctionSnapStartResponse>>;
  readonly architectures: Output<Plain<FunctionArgs["architectures"]>>;
  readonly capacityProviderConfig: Output<Plain<FunctionArgs["capacityProviderConfig"]>>;
  readonly code: Output<Plain<FunctionArgs["code"]>>;
  readonly codeSigningConfigArn: Output<Plain<FunctionArgs["codeSigningConfigArn"]>>;
  readonly deadLetterConfig: Output<Plain<FunctionArgs["deadLetterConfig"]>>;
  readonly description: Output<Plain<FunctionArgs["description"]>>;
  readonly durableConfig: Output<Plain<FunctionArgs["durableConfig"]>>;
  readonly environment: Output<Plain<FunctionArgs["environment"]>>;
  readonly ephemeralStorage: Output<Plain<FunctionArgs["ephemeralStorage"]>>;
  readonly fileSystemConfigs: Output<Plain<FunctionArgs["fileSystemConfigs"]>>;
  readonly functionName: Output<Plain<FunctionArgs["functionName"]>>;
  readonly functionScalingConfig: Output<Plain<FunctionArgs["functionScalingConfig"]>>;
  readonly handler: Output<Plain<FunctionArgs["handler"]>>;
  readonly imageConfig: Output<Plain<FunctionArgs["imageConfig"]>>;
  readonly kmsKeyArn: Output<Plain<FunctionArgs["kmsKeyArn"]>>;
  readonly layers: Output<Plain<FunctionArgs["layers"]>>;
  readonly loggingConfig: Output<Plain<FunctionArgs["loggingConfig"]>>;
  readonly memorySize: Output<Plain<FunctionArgs["memorySize"]>>;
  readonly packageType: Output<Plain<FunctionArgs["packageType"]>>;
  readonly publishToLatestPublished: Output<Plain<FunctionArgs["publishToLatestPublished"]>>;
  readonly recursiveLoop: Output<Plain<FunctionArgs["recursiveLoop"]>>;
  readonly reservedConcurrentExecutions: Output<Plain<FunctionArgs["reservedConcurrentExecutions"]>>;
  readonly role: Output<Plain<FunctionArgs["role"]>>;
  readonly runtime: Output<Plain<FunctionArgs["runtime"]>>;
  readonly runtimeManagementConfig: Output<Plain<FunctionArgs["runtimeManagementConfig"]>>;
  readonly snapStart: Output<Plain<FunctionArgs["snapStart"]>>;
  readonly tags: Output<Plain<FunctionArgs["tags"]>>;
  readonly tenancyConfig: Output<Plain<FunctionArgs["tenancyConfig"]>>;
  readonly timeout: Output<Plain<FunctionArgs["timeout"]>>;
  readonly tracingConfig: Output<Plain<FunctionArgs["tracingConfig"]>>;
  readonly vpcConfig: Output<Plain<FunctionArgs["vpcConfig"]>>;
  constructor(name: string, args: FunctionArgs, opts?: CustomResourceOptions);
}
