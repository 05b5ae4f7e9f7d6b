// Generated from @aws-cdk/aws-service-spec 0.1.216 by `npm run generate -w @cairn/aws`. Do not edit.
import type { CustomResourceOptions, Input, Output } from "@cairn/core";
import { NativeResource, type Plain } from "../../dist/native/native-resource.js";

/**
 * The advanced settings for a load balancer used in blue/green deployments. Specify the alternate target group, listener rules, and IAM role required for traffic shifting during blue/green deployments. For more information, see [Required resources for Amazon ECS blue/green deployments](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/blue-green-deployment-implementation.html) in the *Amazon Elastic Container Service Developer Guide* .
 */
export interface ServiceAdvancedConfiguration {
  /**
   * The Amazon Resource Name (ARN) of the alternate target group for Amazon ECS blue/green deployments.
   */
  readonly alternateTargetGroupArn: Input<string>;
  /**
   * The Amazon Resource Name (ARN) that that identifies the production listener rule (in the case of an Application Load Balancer) or listener (in the case for an Network Load Balancer) for routing production traffic.
   */
  readonly productionListenerRule?: Input<string>;
  /**
   * The Amazon Resource Name (ARN) of the IAM role that grants Amazon ECS permission to call the Elastic Load Balancing APIs for you.
   */
  readonly roleArn?: Input<string>;
  /**
   * The Amazon Resource Name (ARN) that identifies ) that identifies the test listener rule (in the case of an Application Load Balancer) or listener (in the case for an Network Load Balancer) for routing test traffic.
   */
  readonly testListenerRule?: Input<string>;
}

/**
 * An object representing the networking details for a task or service. For example `awsVpcConfiguration={subnets=["subnet-12344321"],securityGroups=["sg-12344321"]}` .
 */
export interface ServiceAwsVpcConfiguration {
  /**
   * Whether the task's elastic network interface receives a public IP address.
   *
   * Consider the following when you set this value:
   *
   * - When you use `create-service` or `update-service` , the default is `DISABLED` .
   * - When the service `deploymentController` is `ECS` , the value must be `DISABLED` .
   */
  readonly assignPublicIp?: Input<"DISABLED" | "ENABLED">;
  /**
   * The IDs of the security groups associated with the task or service. If you don't specify a security group, the default security group for the VPC is used. There's a limit of 5 security groups that can be specified.
   *
   * > All specified security groups must be from the same VPC.
   */
  readonly securityGroups?: Input<readonly Input<string>[]>;
  /**
   * The IDs of the subnets associated with the task or service. There's a limit of 16 subnets that can be specified.
   *
   * > All specified subnets must be from the same VPC.
   */
  readonly subnets?: Input<readonly Input<string>[]>;
}

/**
 * Configuration for a canary deployment strategy that shifts a fixed percentage of traffic to the new service revision, waits for a specified bake time, then shifts the remaining traffic.
 *
 * The following validation applies only to Canary deployments created through CloudFormation . CloudFormation operations time out after 36 hours. Canary deployments can approach this limit because of their extended duration. This can cause CloudFormation to roll back the deployment. …
 */
export interface ServiceCanaryConfiguration {
  /**
   * The amount of time in minutes to wait during the canary phase before shifting the remaining production traffic to the new service revision. Valid values are 0 to 1440 minutes (24 hours). The default value is 10.
   */
  readonly canaryBakeTimeInMinutes?: Input<number>;
  /**
   * The percentage of production traffic to shift to the new service revision during the canary phase. Valid values are multiples of 0.1 from 0.1 to 100.0. The default value is 5.0.
   */
  readonly canaryPercent?: Input<number>;
}

/**
 * The details of a capacity provider strategy. A capacity provider strategy can be set when using the `RunTask` or `CreateService` APIs or as the default capacity provider strategy for a cluster with the `CreateCluster` API.
 *
 * Only capacity providers that are already associated with a cluster and have an `ACTIVE` or `UPDATING` status can be used in a capacity provider strategy. The `PutClusterCapacityProviders` API is used to associate a capacity provider with a cluster.
 *
 * If specifying a capacity provider that uses an Auto Scaling group, the capacity provider must already be created. …
 */
export interface ServiceCapacityProviderStrategyItem {
  /**
   * The *base* value designates how many tasks, at a minimum, to run on the specified capacity provider for each service. Only one capacity provider in a capacity provider strategy can have a *base* defined. If no value is specified, the default value of `0` is used.
   *
   * Base value characteristics:
   *
   * - Only one capacity provider in a strategy can have a base defined
   * - The default value is `0` if not specified
   * - The valid range is 0 to 100,000
   * - Base requirements are satisfied first before weight distribution
   */
  readonly base?: Input<number>;
  /**
   * The short name of the capacity provider. This can be either an AWS managed capacity provider ( `FARGATE` or `FARGATE_SPOT` ) or the name of a custom capacity provider that you created.
   */
  readonly capacityProvider?: Input<string>;
  /**
   * The *weight* value designates the relative percentage of the total number of tasks launched that should use the specified capacity provider. The `weight` value is taken into consideration after the `base` value, if defined, is satisfied.
   *
   * If no `weight` value is specified, the default value of `0` is used. When multiple capacity providers are specified within a capacity provider strategy, at least one of the capacity providers must have a weight value greater than zero and any capacity providers with a weight of `0` can't be used to place tasks. …
   */
  readonly weight?: Input<number>;
}

/**
 * One of the methods which provide a way for you to quickly identify when a deployment has failed, and then to optionally roll back the failure to the last working deployment.
 *
 * When the alarms are generated, Amazon ECS sets the service deployment to failed. Set the rollback parameter to have Amazon ECS to roll back your service to the last completed deployment after a failure.
 *
 * You can only use the `DeploymentAlarms` method to detect failures when the `DeploymentController` is set to `ECS` .
 *
 * For more information, see [Rolling update](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/d …
 */
export interface ServiceDeploymentAlarms {
  /**
   * One or more CloudWatch alarm names. Use a "," to separate the alarms.
   */
  readonly alarmNames: Input<readonly Input<string>[]>;
  /**
   * Determines whether to use the CloudWatch alarm option in the service deployment process.
   */
  readonly enable: Input<boolean>;
  /**
   * Determines whether to configure Amazon ECS to roll back the service if a service deployment fails. If rollback is used, when a service deployment fails, the service is rolled back to the last deployment that completed successfully.
   */
  readonly rollback: Input<boolean>;
}

/**
 * > The deployment circuit breaker can only be used for services using the rolling update ( `ECS` ) deployment type. 
 *
 * The *deployment circuit breaker* determines whether a service deployment will fail if the service can't reach a steady state. If it is turned on, a service deployment will transition to a failed state and stop launching new tasks. You can also configure Amazon ECS to roll back your service to the last completed deployment after a failure. …
 */
export interface ServiceDeploymentCircuitBreaker {
  /**
   * Determines whether to use the deployment circuit breaker logic for the service.
   */
  readonly enable: Input<boolean>;
  /**
   * Specifies whether the deployment circuit breaker resets its failure count when a task reaches a healthy state. When set to ``true``, a task that reaches a healthy state resets the failure count to ``0``. When set to ``false``, Amazon ECS does not reset the failure count. The default is ``true``.
   */
  readonly resetOnHealthyTask?: Input<boolean>;
  /**
   * Determines whether to configure Amazon ECS to roll back the service if a service deployment fails. If rollback is on, when a service deployment fails, the service is rolled back to the last deployment that completed successfully.
   */
  readonly rollback: Input<boolean>;
  /**
   * Defines the failure threshold that the deployment circuit breaker uses to monitor a deployment. The ``type`` and ``value`` together determine the number of task failures that are tolerated before the circuit breaker triggers.
   *  By default, the threshold configuration uses a ``type`` of ``BOUNDED_PERCENT`` with a ``value`` of ``50``.
   */
  readonly thresholdConfiguration?: Input<ServiceThresholdConfiguration>;
}

/**
 * Optional deployment parameters that control how many tasks run during a deployment and the ordering of stopping and starting tasks.
 */
export interface ServiceDeploymentConfiguration {
  /**
   * Information about the CloudWatch alarms.
   */
  readonly alarms?: Input<ServiceDeploymentAlarms>;
  /**
   * The duration when both blue and green service revisions are running simultaneously after the production traffic has shifted.
   *
   * The following rules apply when you don't specify a value:
   *
   * - For rolling deployments, the value is set to 3 hours (180 minutes).
   * - When you use an external deployment controller ( `EXTERNAL` ), or the CodeDeploy blue/green deployment controller ( `CODE_DEPLOY` ), the value is set to 3 hours (180 minutes).
   * - For all other cases, the value is set to 36 hours (2160 minutes).
   */
  readonly bakeTimeInMinutes?: Input<number>;
  /**
   * Configuration for canary deployment strategy. Only valid when the deployment strategy is `CANARY` . This configuration enables shifting a fixed percentage of traffic for testing, followed by shifting the remaining traffic after a bake period.
   */
  readonly canaryConfiguration?: Input<ServiceCanaryConfiguration>;
  /**
   * > The deployment circuit breaker can only be used for services using the rolling update ( `ECS` ) deployment type. 
   *
   * The *deployment circuit breaker* determines whether a service deployment will fail if the service can't reach a steady state. If you use the deployment circuit breaker, a service deployment will transition to a failed state and stop launching new tasks. If you use the rollback option, when a service deployment fails, the service is rolled back to the last deployment that completed successfully. …
   */
  readonly deploymentCircuitBreaker?: Input<ServiceDeploymentCircuitBreaker>;
  readonly earlySuccessCriteria?: Input<ServiceDeploymentEarlySuccessCriteria>;
  /**
   * An array of deployment lifecycle hook objects to run custom logic at specific stages of the deployment lifecycle.
   */
  readonly lifecycleHooks?: Input<readonly Input<ServiceDeploymentLifecycleHook>[]>;
  /**
   * Configuration for linear deployment strategy. Only valid when the deployment strategy is `LINEAR` . This configuration enables progressive traffic shifting in equal percentage increments with configurable bake times between each step.
   */
  readonly linearConfiguration?: Input<ServiceLinearConfiguration>;
  /**
   * If a service is using the rolling update ( `ECS` ) deployment type, the `maximumPercent` parameter represents an upper limit on the number of your service's tasks that are allowed in the `RUNNING` or `PENDING` state during a deployment, as a percentage of the `desiredCount` (rounded down to the nearest integer). This parameter enables you to define the deployment batch size. …
   */
  readonly maximumPercent?: Input<number>;
  /**
   * If a service is using the rolling update ( `ECS` ) deployment type, the `minimumHealthyPercent` represents a lower limit on the number of your service's tasks that must remain in the `RUNNING` state during a deployment, as a percentage of the `desiredCount` (rounded up to the nearest integer). This parameter enables you to deploy without using additional cluster capacity. …
   */
  readonly minimumHealthyPercent?: Input<number>;
  /**
   * The deployment strategy for the service. Choose from these valid values:
   *
   * - `ROLLING` - When you create a service which uses the rolling update ( `ROLLING` ) deployment strategy, the Amazon ECS service scheduler replaces the currently running tasks with new tasks. The number of tasks that Amazon ECS adds or removes from the service during a rolling update is controlled by the service deployment configuration.
   * - `BLUE_GREEN` - A blue/green deployment strategy ( `BLUE_GREEN` ) is a release methodology that reduces downtime and risk by running two identical production environments called blue and …
   */
  readonly strategy?: Input<"ROLLING" | "BLUE_GREEN" | "LINEAR" | "CANARY">;
}

/**
 * The deployment controller to use for the service.
 */
export interface ServiceDeploymentController {
  /**
   * The deployment controller type to use.
   *
   * The deployment controller is the mechanism that determines how tasks are deployed for your service. The valid options are:
   *
   * - ECS
   *
   * When you create a service which uses the `ECS` deployment controller, you can choose between the following deployment strategies:
   *
   * - `ROLLING` : When you create a service which uses the *rolling update* ( `ROLLING` ) deployment strategy, the Amazon ECS service scheduler replaces the currently running tasks with new tasks. …
   *
   * Changing it replaces the resource.
   */
  readonly type?: Input<"CODE_DEPLOY" | "ECS" | "EXTERNAL">;
}

export interface ServiceDeploymentEarlySuccessCriteria {
  readonly enable?: Input<boolean>;
  readonly healthyPercent?: Input<number>;
  readonly sourceServiceRevisionCleanup?: Input<"BLOCKING" | "DEFERRED">;
}

/**
 * A deployment lifecycle hook runs custom logic at specific stages of the deployment process. Currently, you can use Lambda functions as hook targets.
 *
 * For more information, see [Lifecycle hooks for Amazon ECS service deployments](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-lifecycle-hooks.html) in the *Amazon Elastic Container Service Developer Guide* .
 */
export interface ServiceDeploymentLifecycleHook {
  /**
   * Use this field to specify custom parameters that Amazon ECS passes to your hook target invocations (such as a Lambda function).
   *
   * This field must be a JSON object as a string.
   */
  readonly hookDetails?: Input<string | unknown>;
  /**
   * The Amazon Resource Name (ARN) of the hook target. Currently, only Lambda function ARNs are supported.
   *
   * You must provide this parameter when configuring a deployment lifecycle hook.
   */
  readonly hookTargetArn?: Input<string>;
  /**
   * The lifecycle stages at which to run the hook. Choose from these valid values:
   *
   * - RECONCILE_SERVICE
   *
   * The reconciliation stage that only happens when you start a new service deployment with more than 1 service revision in an ACTIVE state.
   *
   * You can use a lifecycle hook for this stage.
   * - PRE_SCALE_UP
   *
   * The green service revision has not started. The blue service revision is handling 100% of the production traffic. There is no test traffic.
   *
   * You can use a lifecycle hook for this stage.
   * - POST_SCALE_UP
   *
   * The green service revision has started. …
   */
  readonly lifecycleStages: Input<readonly Input<"RECONCILE_SERVICE" | "PRE_SCALE_UP" | "POST_SCALE_UP" | "TEST_TRAFFIC_SHIFT" | "POST_TEST_TRAFFIC_SHIFT" | "PRE_PRODUCTION_TRAFFIC_SHIFT" | "PRODUCTION_TRAFFIC_SHIFT" | "POST_PRODUCTION_TRAFFIC_SHIFT">[]>;
  /**
   * The Amazon Resource Name (ARN) of the IAM role that grants Amazon ECS permission to call Lambda functions on your behalf.
   *
   * For more information, see [Permissions required for Lambda functions in Amazon ECS blue/green deployments](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/blue-green-permissions.html) in the *Amazon Elastic Container Service Developer Guide* .
   */
  readonly roleArn?: Input<string>;
  /**
   * The type of action the lifecycle hook performs. Valid values are:
   *   +  ``AWS_LAMBDA`` - Invokes a Lambda function at the specified lifecycle stage. This is the default value.
   *   +  ``PAUSE`` - Pauses the deployment at the specified lifecycle stage until you call ``ContinueServiceDeployment`` to continue or roll back.
   *   
   *  This field is optional. If not specified, the default value is ``AWS_LAMBDA``.
   */
  readonly targetType?: Input<"AWS_LAMBDA" | "PAUSE">;
  readonly timeoutConfiguration?: Input<ServiceHookTimeoutConfig>;
}

/**
 * The tag specifications of an Amazon EBS volume.
 */
export interface ServiceEBSTagSpecification {
  /**
   * Determines whether to propagate the tags from the task definition to the Amazon EBS volume. Tags can only propagate to a `SERVICE` specified in `ServiceVolumeConfiguration` . If no value is specified, the tags aren't propagated.
   */
  readonly propagateTags?: Input<"SERVICE" | "TASK_DEFINITION">;
  /**
   * The type of volume resource.
   */
  readonly resourceType: Input<string>;
  /**
   * The tags applied to this Amazon EBS volume. `AmazonECSCreated` and `AmazonECSManaged` are reserved tags that can't be used.
   */
  readonly tags?: Input<readonly Input<{ readonly key: Input<string>; readonly value: Input<string> }>[]>;
}

/**
 * Determines whether to force a new deployment of the service. By default, deployments aren't forced. You can use this option to start a new deployment with no service definition changes. For example, you can update a service's tasks to use a newer Docker image with the same image/tag combination ( `my_image:latest` ) or to roll Fargate tasks onto a newer platform version.
 */
export interface ServiceForceNewDeployment {
  /**
   * Determines whether to force a new deployment of the service. By default, deployments aren't forced. You can use this option to start a new deployment with no service definition changes. For example, you can update a service's tasks to use a newer Docker image with the same image/tag combination ( `my_image:latest` ) or to roll Fargate tasks onto a newer platform version.
   */
  readonly enableForceNewDeployment: Input<boolean>;
  /**
   * When you change the `ForceNewDeploymentNonce` value in your template, it signals Amazon ECS to start a new deployment even though no other service parameters have changed. The value must be a unique, time- varying value like a timestamp, random string, or sequence number. Use this property when you want to ensure your tasks pick up the latest version of a Docker image that uses the same tag but has been updated in the registry.
   */
  readonly forceNewDeploymentNonce?: Input<string>;
}

export interface ServiceHookTimeoutConfig {
  readonly action?: Input<"ROLLBACK" | "CONTINUE">;
  readonly timeoutInMinutes?: Input<number>;
}

/**
 * Configuration for a linear deployment strategy that shifts production traffic in equal percentage increments with configurable wait times between each step until 100 percent of traffic is shifted to the new service revision.
 *
 * The following validation applies only to Linear deployments created through CloudFormation . CloudFormation operations time out after 36 hours. Linear deployments can approach this limit because of their extended duration. This can cause CloudFormation to roll back the deployment. …
 */
export interface ServiceLinearConfiguration {
  /**
   * The amount of time in minutes to wait between each traffic shifting step during a linear deployment. Valid values are 0 to 1440 minutes (24 hours). The default value is 6. This bake time is not applied after reaching 100 percent traffic.
   */
  readonly stepBakeTimeInMinutes?: Input<number>;
  /**
   * The percentage of production traffic to shift in each step during a linear deployment. Valid values are multiples of 0.1 from 3.0 to 100.0. The default value is 10.0.
   */
  readonly stepPercent?: Input<number>;
}

/**
 * The `LoadBalancer` property specifies details on a load balancer that is used with a service.
 *
 * If the service is using the `CODE_DEPLOY` deployment controller, the service is required to use either an Application Load Balancer or Network Load Balancer. When you are creating an AWS CodeDeploy deployment group, you specify two target groups (referred to as a `targetGroupPair` ). Each target group binds to a separate task set in the deployment. …
 */
export interface ServiceLoadBalancer {
  /**
   * The advanced settings for the load balancer used in blue/green deployments. Specify the alternate target group, listener rules, and IAM role required for traffic shifting during blue/green deployments.
   */
  readonly advancedConfiguration?: Input<ServiceAdvancedConfiguration>;
  /**
   * The name of the container (as it appears in a container definition) to associate with the load balancer.
   *
   * You need to specify the container name when configuring the target group for an Amazon ECS load balancer.
   */
  readonly containerName?: Input<string>;
  /**
   * The port on the container to associate with the load balancer. This port must correspond to a `containerPort` in the task definition the tasks in the service are using. For tasks that use the EC2 launch type, the container instance they're launched on must allow ingress traffic on the `hostPort` of the port mapping.
   */
  readonly containerPort?: Input<number>;
  /**
   * The name of the load balancer to associate with the Amazon ECS service or task set.
   *
   * If you are using an Application Load Balancer or a Network Load Balancer the load balancer name parameter should be omitted.
   */
  readonly loadBalancerName?: Input<string>;
  /**
   * The full Amazon Resource Name (ARN) of the Elastic Load Balancing target group or groups associated with a service or task set.
   *
   * A target group ARN is only specified when using an Application Load Balancer or Network Load Balancer.
   *
   * For services using the `ECS` deployment controller, you can specify one or multiple target groups. …
   */
  readonly targetGroupArn?: Input<string>;
}

/**
 * The log configuration for the container. This parameter maps to `LogConfig` in the docker container create command and the `--log-driver` option to docker run.
 *
 * By default, containers use the same logging driver that the Docker daemon uses. However, the container might use a different logging driver than the Docker daemon by specifying a log driver configuration in the container definition.
 *
 * Understand the following when specifying a log configuration for your containers.
 *
 * - Amazon ECS currently supports a subset of the logging drivers available to the Docker daemon. …
 */
export interface ServiceLogConfiguration {
  /**
   * The log driver to use for the container.
   *
   * For tasks on AWS Fargate , the supported log drivers are `awslogs` , `splunk` , and `awsfirelens` .
   *
   * For tasks hosted on Amazon EC2 instances, the supported log drivers are `awslogs` , `fluentd` , `gelf` , `json-file` , `journald` , `syslog` , `splunk` , and `awsfirelens` .
   *
   * For more information about using the `awslogs` log driver, see [Send Amazon ECS logs to CloudWatch](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html) in the *Amazon Elastic Container Service Developer Guide* .
   *
   * For more information about using the `aws …
   */
  readonly logDriver?: Input<string>;
  /**
   * The configuration options to send to the log driver.
   *
   * The options you can specify depend on the log driver. Some of the options you can specify when you use the `awslogs` log driver to route logs to Amazon CloudWatch include the following:
   *
   * - **awslogs-create-group** - Required: No
   *
   * Specify whether you want the log group to be created automatically. …
   */
  readonly options?: Input<Readonly<Record<string, Input<string>>>>;
  /**
   * The secrets to pass to the log configuration. For more information, see [Specifying sensitive data](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html) in the *Amazon Elastic Container Service Developer Guide* .
   */
  readonly secretOptions?: Input<readonly Input<ServiceSecret>[]>;
}

/**
 * The configuration for a specific set of metrics to collect for a service.
 */
export interface ServiceMetricConfiguration {
  /**
   * The list of metric names to configure. The supported metric names are ``CPUUtilization`` and ``MemoryUtilization``.
   */
  readonly metricNames: Input<readonly Input<"CPUUtilization" | "MemoryUtilization">[]>;
  /**
   * The resolution, in seconds, at which to collect the metrics. The valid values are ``20`` and ``60``.
   */
  readonly resolutionSeconds: Input<20 | 60>;
}

/**
 * The optional monitoring configuration for a service, which defines the resolution for the service-level ``CPUUtilization`` and ``MemoryUtilization`` Amazon CloudWatch metrics. When not specified, Amazon ECS uses the default resolution of ``60`` seconds.
 */
export interface ServiceMonitoringConfiguration {
  /**
   * The list of metric configurations for the service monitoring.
   */
  readonly metricConfigurations: Input<readonly Input<ServiceMetricConfiguration>[]>;
}

/**
 * The network configuration for a task or service.
 */
export interface ServiceNetworkConfiguration {
  /**
   * The VPC subnets and security groups that are associated with a task.
   *
   * > All specified subnets and security groups must be from the same VPC.
   */
  readonly awsvpcConfiguration?: Input<ServiceAwsVpcConfiguration>;
}

/**
 * An object representing a constraint on task placement. For more information, see [Task placement constraints](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement-constraints.html) in the *Amazon Elastic Container Service Developer Guide* .
 *
 * > If you're using the Fargate launch type, task placement constraints aren't supported.
 */
export interface ServicePlacementConstraint {
  /**
   * A cluster query language expression to apply to the constraint. The expression can have a maximum length of 2000 characters. You can't specify an expression if the constraint type is `distinctInstance` . For more information, see [Cluster query language](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-query-language.html) in the *Amazon Elastic Container Service Developer Guide* .
   */
  readonly expression?: Input<string>;
  /**
   * The type of constraint. Use `distinctInstance` to ensure that each task in a particular group is running on a different container instance. Use `memberOf` to restrict the selection to a group of valid candidates.
   */
  readonly type: Input<"distinctInstance" | "memberOf">;
}

/**
 * The task placement strategy for a task or service. For more information, see [Task placement strategies](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement-strategies.html) in the *Amazon Elastic Container Service Developer Guide* .
 */
export interface ServicePlacementStrategy {
  /**
   * The field to apply the placement strategy against. For the `spread` placement strategy, valid values are `instanceId` (or `host` , which has the same effect), or any platform or custom attribute that's applied to a container instance, such as `attribute:ecs.availability-zone` . For the `binpack` placement strategy, valid values are `cpu` and `memory` . For the `random` placement strategy, this field is not used.
   */
  readonly field?: Input<string>;
  /**
   * The type of placement strategy. The `random` placement strategy randomly places tasks on available candidates. The `spread` placement strategy spreads placement across available candidates evenly based on the `field` parameter. The `binpack` strategy places tasks on available candidates that have the least available amount of the resource that's specified with the `field` parameter. For example, if you binpack on memory, a task is placed on the instance with the least amount of remaining memory but still enough to run the task.
   */
  readonly type: Input<"binpack" | "random" | "spread">;
}

/**
 * An object representing the secret to expose to your container. Secrets can be exposed to a container in the following ways:
 *
 * - To inject sensitive data into your containers as environment variables, use the `secrets` container definition parameter.
 * - To reference sensitive information in the log configuration of a container, use the `secretOptions` container definition parameter.
 *
 * For more information, see [Specifying sensitive data](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html) in the *Amazon Elastic Container Service Developer Guide* .
 */
export interface ServiceSecret {
  /**
   * The name of the secret.
   */
  readonly name: Input<string>;
  /**
   * The secret to expose to the container. The supported values are either the full ARN of the AWS Secrets Manager secret or the full ARN of the parameter in the SSM Parameter Store.
   *
   * For information about the require AWS Identity and Access Management permissions, see [Required IAM permissions for Amazon ECS secrets](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data-secrets.html#secrets-iam) (for Secrets Manager) or [Required IAM permissions for Amazon ECS secrets](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data-parameters. …
   */
  readonly valueFrom: Input<string>;
}

/**
 * Configuration for Service Connect access logging. Access logs provide detailed information about requests made to your service, including request patterns, response codes, and timing data for debugging and monitoring purposes.
 *
 * > To enable access logs, you must also specify a `logConfiguration` in the `serviceConnectConfiguration` .
 */
export interface ServiceServiceConnectAccessLogConfiguration {
  /**
   * The format for Service Connect access log output. Choose TEXT for human-readable logs or JSON for structured data that integrates well with log analysis tools.
   */
  readonly format: Input<"TEXT" | "JSON">;
  /**
   * Specifies whether to include query parameters in Service Connect access logs.
   *
   * When enabled, query parameters from HTTP requests are included in the access logs. Consider security and privacy implications when enabling this feature, as query parameters may contain sensitive information such as request IDs and tokens. By default, this parameter is `DISABLED` .
   */
  readonly includeQueryParameters?: Input<"DISABLED" | "ENABLED">;
}

/**
 * Each alias ("endpoint") is a fully-qualified name and port number that other tasks ("clients") can use to connect to this service.
 *
 * Each name and port mapping must be unique within the namespace.
 *
 * Tasks that run in a namespace can use short names to connect to services in the namespace. Tasks can connect to services across all of the clusters in the namespace. Tasks connect through a managed proxy container that collects logs and metrics for increased visibility. Only the tasks that Amazon ECS services create are supported with Service Connect. …
 */
export interface ServiceServiceConnectClientAlias {
  /**
   * The `dnsName` is the name that you use in the applications of client tasks to connect to this service. The name must be a valid DNS name but doesn't need to be fully-qualified. The name can include up to 127 characters. The name can include lowercase letters, numbers, underscores (_), hyphens (-), and periods (.). The name can't start with a hyphen.
   *
   * If this parameter isn't specified, the default value of `discoveryName.namespace` is used. …
   */
  readonly dnsName?: Input<string>;
  /**
   * The listening port number for the Service Connect proxy. This port is available inside of all of the tasks within the same namespace.
   *
   * To avoid changing your applications in client Amazon ECS services, set this to the same port that the client application uses by default. For more information, see [Service Connect](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect.html) in the *Amazon Elastic Container Service Developer Guide* .
   */
  readonly port: Input<number>;
  /**
   * The configuration for test traffic routing rules used during blue/green deployments with Amazon ECS Service Connect. This allows you to route a portion of traffic to the new service revision of your service for testing before shifting all production traffic.
   */
  readonly testTrafficRules?: Input<ServiceServiceConnectTestTrafficRules>;
}

/**
 * The Service Connect configuration of your Amazon ECS service. The configuration for this service to discover and connect to services, and be discovered by, and connected from, other services within a namespace.
 *
 * Tasks that run in a namespace can use short names to connect to services in the namespace. Tasks can connect to services across all of the clusters in the namespace. Tasks connect through a managed proxy container that collects logs and metrics for increased visibility. Only the tasks that Amazon ECS services create are supported with Service Connect. …
 */
export interface ServiceServiceConnectConfiguration {
  /**
   * The configuration for Service Connect access logging. Access logs capture detailed information about requests made to your service, including request patterns, response codes, and timing data. They can be useful for debugging connectivity issues, monitoring service performance, and auditing service-to-service communication for security and compliance purposes.
   *
   * > To enable access logs, you must also specify a `logConfiguration` in the `serviceConnectConfiguration` .
   */
  readonly accessLogConfiguration?: Input<ServiceServiceConnectAccessLogConfiguration>;
  /**
   * Specifies whether to use Service Connect with this service.
   */
  readonly enabled: Input<boolean>;
  /**
   * The log configuration for the container. This parameter maps to `LogConfig` in the docker container create command and the `--log-driver` option to docker run.
   *
   * By default, containers use the same logging driver that the Docker daemon uses. However, the container might use a different logging driver than the Docker daemon by specifying a log driver configuration in the container definition.
   *
   * Understand the following when specifying a log configuration for your containers.
   *
   * - Amazon ECS currently supports a subset of the logging drivers available to the Docker daemon. …
   */
  readonly logConfiguration?: Input<ServiceLogConfiguration>;
  /**
   * The namespace name or full Amazon Resource Name (ARN) of the AWS Cloud Map namespace for use with Service Connect. The namespace must be in the same AWS Region as the Amazon ECS service and cluster. The type of namespace doesn't affect Service Connect. For more information about AWS Cloud Map , see [Working with Services](https://docs.aws.amazon.com/cloud-map/latest/dg/working-with-services.html) in the *AWS Cloud Map Developer Guide* .
   */
  readonly namespace?: Input<string>;
  /**
   * The list of Service Connect service objects. These are names and aliases (also known as endpoints) that are used by other Amazon ECS services to connect to this service.
   *
   * This field is not required for a "client" Amazon ECS service that's a member of a namespace only to connect to other services within the namespace. …
   */
  readonly services?: Input<readonly Input<ServiceServiceConnectService>[]>;
}

/**
 * The Service Connect service object configuration. For more information, see [Service Connect](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect.html) in the *Amazon Elastic Container Service Developer Guide* .
 */
export interface ServiceServiceConnectService {
  /**
   * The list of client aliases for this Service Connect service. You use these to assign names that can be used by client applications. The maximum number of client aliases that you can have in this list is 1.
   *
   * Each alias ("endpoint") is a fully-qualified name and port number that other Amazon ECS tasks ("clients") can use to connect to this service.
   *
   * Each name and port mapping must be unique within the namespace.
   *
   * For each `ServiceConnectService` , you must provide at least one `clientAlias` with one `port` .
   */
  readonly clientAliases?: Input<readonly Input<ServiceServiceConnectClientAlias>[]>;
  /**
   * The `discoveryName` is the name of the new AWS Cloud Map service that Amazon ECS creates for this Amazon ECS service. This must be unique within the AWS Cloud Map namespace. The name can contain up to 64 characters. The name can include lowercase letters, numbers, underscores (_), and hyphens (-). The name can't start with a hyphen.
   *
   * If the `discoveryName` isn't specified, the port mapping name from the task definition is used in `portName.namespace` .
   */
  readonly discoveryName?: Input<string>;
  /**
   * The port number for the Service Connect proxy to listen on.
   *
   * Use the value of this field to bypass the proxy for traffic on the port number specified in the named `portMapping` in the task definition of this application, and then use it in your VPC security groups to allow traffic into the proxy for this Amazon ECS service.
   *
   * In `awsvpc` mode and Fargate, the default value is the container port number. The container port number is in the `portMapping` in the task definition. In bridge mode, the default value is the ephemeral port of the Service Connect proxy.
   */
  readonly ingressPortOverride?: Input<number>;
  /**
   * The `portName` must match the name of one of the `portMappings` from all the containers in the task definition of this Amazon ECS service.
   */
  readonly portName: Input<string>;
  /**
   * A reference to an object that represents the configured timeouts for Service Connect.
   */
  readonly timeout?: Input<ServiceTimeoutConfiguration>;
  /**
   * A reference to an object that represents a Transport Layer Security (TLS) configuration.
   */
  readonly tls?: Input<ServiceServiceConnectTlsConfiguration>;
}

/**
 * The test traffic routing configuration for Amazon ECS blue/green deployments. This configuration allows you to define rules for routing specific traffic to the new service revision during the deployment process, allowing for safe testing before full production traffic shift.
 *
 * For more information, see [Service Connect for Amazon ECS blue/green deployments](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect-blue-green.html) in the *Amazon Elastic Container Service Developer Guide* .
 */
export interface ServiceServiceConnectTestTrafficRules {
  /**
   * The HTTP header-based routing rules that determine which requests should be routed to the new service version during blue/green deployment testing. These rules provide fine-grained control over test traffic routing based on request headers.
   */
  readonly header: Input<ServiceServiceConnectTestTrafficRulesHeader>;
}

export interface ServiceServiceConnectTestTrafficRulesHeader {
  readonly name: Input<string>;
  readonly value?: Input<ServiceServiceConnectTestTrafficRulesHeaderValue>;
}

export interface ServiceServiceConnectTestTrafficRulesHeaderValue {
  readonly exact: Input<string>;
}

/**
 * The certificate root authority that secures your service.
 */
export interface ServiceServiceConnectTlsCertificateAuthority {
  /**
   * The ARN of the AWS Private Certificate Authority certificate.
   */
  readonly awsPcaAuthorityArn?: Input<string>;
}

/**
 * The key that encrypts and decrypts your resources for Service Connect TLS.
 */
export interface ServiceServiceConnectTlsConfiguration {
  /**
   * The signer certificate authority.
   */
  readonly issuerCertificateAuthority: Input<ServiceServiceConnectTlsCertificateAuthority>;
  /**
   * The AWS Key Management Service key.
   */
  readonly kmsKey?: Input<string>;
  /**
   * The Amazon Resource Name (ARN) of the IAM role that's associated with the Service Connect TLS.
   */
  readonly roleArn?: Input<string>;
}

/**
 * The configuration for the Amazon EBS volume that Amazon ECS creates and manages on your behalf. These settings are used to create each Amazon EBS volume, with one volume created for each task in the service. For information about the supported launch types and operating systems, see [Supported operating systems and launch types](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ebs-volumes.html#ebs-volumes-configuration) in the *Amazon Elastic Container Service Developer Guide* .
 *
 * Many of these parameters map 1:1 with the Amazon EBS `CreateVolume` API request parameters.
 */
export interface ServiceServiceManagedEBSVolumeConfiguration {
  /**
   * Indicates whether the volume should be encrypted. If you turn on Region-level Amazon EBS encryption by default but set this value as `false` , the setting is overridden and the volume is encrypted with the KMS key specified for Amazon EBS encryption by default. This parameter maps 1:1 with the `Encrypted` parameter of the [CreateVolume API](https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVolume.html) in the *Amazon EC2 API Reference* .
   */
  readonly encrypted?: Input<boolean>;
  /**
   * The filesystem type for the volume. For volumes created from a snapshot, you must specify the same filesystem type that the volume was using when the snapshot was created. If there is a filesystem type mismatch, the tasks will fail to start.
   *
   * The available Linux filesystem types are `ext3` , `ext4` , and `xfs` . If no value is specified, the `xfs` filesystem type is used by default.
   *
   * The available Windows filesystem types are `NTFS` .
   */
  readonly filesystemType?: Input<string>;
  /**
   * The number of I/O operations per second (IOPS). For `gp3` , `io1` , and `io2` volumes, this represents the number of IOPS that are provisioned for the volume. For `gp2` volumes, this represents the baseline performance of the volume and the rate at which the volume accumulates I/O credits for bursting.
   *
   * The following are the supported values for each volume type.
   *
   * - `gp3` : 3,000 - 16,000 IOPS
   * - `io1` : 100 - 64,000 IOPS
   * - `io2` : 100 - 256,000 IOPS
   *
   * This parameter is required for `io1` and `io2` volume types. The default for `gp3` volumes is `3,000 IOPS` . …
   */
  readonly iops?: Input<number>;
  /**
   * The Amazon Resource Name (ARN) identifier of the AWS Key Management Service key to use for Amazon EBS encryption. When a key is specified using this parameter, it overrides Amazon EBS default encryption or any KMS key that you specified for cluster-level managed storage encryption. This parameter maps 1:1 with the `KmsKeyId` parameter of the [CreateVolume API](https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVolume.html) in the *Amazon EC2 API Reference* . …
   */
  readonly kmsKeyId?: Input<string>;
  /**
   * The ARN of the IAM role to associate with this volume. This is the Amazon ECS infrastructure IAM role that is used to manage your AWS infrastructure. We recommend using the Amazon ECS-managed `AmazonECSInfrastructureRolePolicyForVolumes` IAM policy with this role. For more information, see [Amazon ECS infrastructure IAM role](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/infrastructure_IAM_role.html) in the *Amazon ECS Developer Guide* .
   */
  readonly roleArn: Input<string>;
  /**
   * The size of the volume in GiB. You must specify either a volume size or a snapshot ID. If you specify a snapshot ID, the snapshot size is used for the volume size by default. You can optionally specify a volume size greater than or equal to the snapshot size. This parameter maps 1:1 with the `Size` parameter of the [CreateVolume API](https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVolume.html) in the *Amazon EC2 API Reference* .
   *
   * The following are the supported volume size values for each volume type.
   *
   * - `gp2` and `gp3` : 1-16,384
   * - `io1` and `io2` : 4-16,384
   * - `st1` and `sc1` …
   */
  readonly sizeInGiB?: Input<number>;
  /**
   * The snapshot that Amazon ECS uses to create volumes for attachment to tasks maintained by the service. You must specify either `snapshotId` or `sizeInGiB` in your volume configuration. This parameter maps 1:1 with the `SnapshotId` parameter of the [CreateVolume API](https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVolume.html) in the *Amazon EC2 API Reference* .
   */
  readonly snapshotId?: Input<string>;
  /**
   * The tags to apply to the volume. Amazon ECS applies service-managed tags by default. This parameter maps 1:1 with the `TagSpecifications.N` parameter of the [CreateVolume API](https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVolume.html) in the *Amazon EC2 API Reference* .
   */
  readonly tagSpecifications?: Input<readonly Input<ServiceEBSTagSpecification>[]>;
  /**
   * The throughput to provision for a volume, in MiB/s, with a maximum of 1,000 MiB/s. This parameter maps 1:1 with the `Throughput` parameter of the [CreateVolume API](https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVolume.html) in the *Amazon EC2 API Reference* .
   *
   * > This parameter is only supported for the `gp3` volume type.
   */
  readonly throughput?: Input<number>;
  /**
   * The rate, in MiB/s, at which data is fetched from a snapshot of an existing EBS volume to create new volumes for attachment to the tasks maintained by the service. This property can be specified only if you specify a `snapshotId` . For more information, see [Initialize Amazon EBS volumes](https://docs.aws.amazon.com/ebs/latest/userguide/initalize-volume.html) in the *Amazon EBS User Guide* .
   */
  readonly volumeInitializationRate?: Input<number>;
  /**
   * The volume type. This parameter maps 1:1 with the `VolumeType` parameter of the [CreateVolume API](https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVolume.html) in the *Amazon EC2 API Reference* . For more information, see [Amazon EBS volume types](https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ebs-volume-types.html) in the *Amazon EC2 User Guide* .
   *
   * The following are the supported volume types.
   *
   * - General Purpose SSD: `gp2` | `gp3`
   * - Provisioned IOPS SSD: `io1` | `io2`
   * - Throughput Optimized HDD: `st1`
   * - Cold HDD: `sc1`
   * - Magnetic: `standard`
   *
   * > The magnetic volume type i …
   */
  readonly volumeType?: Input<string>;
}

/**
 * The details for the service registry.
 *
 * Each service may be associated with one service registry. Multiple service registries for each service are not supported.
 *
 * When you add, update, or remove the service registries configuration, Amazon ECS starts a new deployment. New tasks are registered and deregistered to the updated service registry configuration.
 */
export interface ServiceServiceRegistry {
  /**
   * The container name value to be used for your service discovery service. It's already specified in the task definition. If the task definition that your service task specifies uses the `bridge` or `host` network mode, you must specify a `containerName` and `containerPort` combination from the task definition. If the task definition that your service task specifies uses the `awsvpc` network mode and a type SRV DNS record is used, you must specify either a `containerName` and `containerPort` combination or a `port` value. However, you can't specify both.
   */
  readonly containerName?: Input<string>;
  /**
   * The port value to be used for your service discovery service. It's already specified in the task definition. If the task definition your service task specifies uses the `bridge` or `host` network mode, you must specify a `containerName` and `containerPort` combination from the task definition. If the task definition your service task specifies uses the `awsvpc` network mode and a type SRV DNS record is used, you must specify either a `containerName` and `containerPort` combination or a `port` value. However, you can't specify both.
   */
  readonly containerPort?: Input<number>;
  /**
   * The port value used if your service discovery service specified an SRV record. This field might be used if both the `awsvpc` network mode and SRV records are used.
   */
  readonly port?: Input<number>;
  /**
   * The Amazon Resource Name (ARN) of the service registry. The currently supported service registry is AWS Cloud Map . For more information, see [CreateService](https://docs.aws.amazon.com/cloud-map/latest/api/API_CreateService.html) .
   */
  readonly registryArn?: Input<string>;
}

/**
 * The configuration for a volume specified in the task definition as a volume that is configured at launch time. Currently, the only supported volume type is an Amazon EBS volume.
 */
export interface ServiceServiceVolumeConfiguration {
  /**
   * The configuration for the Amazon EBS volume that Amazon ECS creates and manages on your behalf. These settings are used to create each Amazon EBS volume, with one volume created for each task in the service. The Amazon EBS volumes are visible in your account in the Amazon EC2 console once they are created.
   */
  readonly managedEBSVolume?: Input<ServiceServiceManagedEBSVolumeConfiguration>;
  /**
   * The name of the volume. This value must match the volume name from the `Volume` object in the task definition.
   */
  readonly name: Input<string>;
}

/**
 * Defines the failure threshold that the deployment circuit breaker uses to monitor a deployment. The ``type`` and ``value`` together determine the number of task failures that are tolerated before the circuit breaker triggers.
 *  By default, the threshold configuration uses a ``type`` of ``BOUNDED_PERCENT`` with a ``value`` of ``50``.
 */
export interface ServiceThresholdConfiguration {
  /**
   * Determines how Amazon ECS uses ``value`` to calculate the failure threshold. For the percentage types (``BOUNDED_PERCENT`` and ``UNBOUNDED_PERCENT``), Amazon ECS multiplies ``value`` by the latest service desired count. For ``COUNT``, Amazon ECS uses ``value`` directly as the threshold. The default is ``BOUNDED_PERCENT``.
   */
  readonly type: Input<"COUNT" | "BOUNDED_PERCENT" | "UNBOUNDED_PERCENT">;
  /**
   * Specifies the integer that Amazon ECS uses to calculate the failure threshold. When ``type`` is ``COUNT``, this value is the failure threshold itself. When ``type`` is a percentage type, Amazon ECS multiplies this value by the latest service desired count to produce the failure threshold. The default is ``50``.
   */
  readonly value: Input<number>;
}

/**
 * An object that represents the timeout configurations for Service Connect.
 *
 * > If `idleTimeout` is set to a time that is less than `perRequestTimeout` , the connection will close when the `idleTimeout` is reached and not the `perRequestTimeout` .
 */
export interface ServiceTimeoutConfiguration {
  /**
   * The amount of time in seconds a connection will stay active while idle. A value of `0` can be set to disable `idleTimeout` .
   *
   * The `idleTimeout` default for `HTTP` / `HTTP2` / `GRPC` is 5 minutes.
   *
   * The `idleTimeout` default for `TCP` is 1 hour.
   */
  readonly idleTimeoutSeconds?: Input<number>;
  /**
   * The amount of time waiting for the upstream to respond with a complete response per request. A value of `0` can be set to disable `perRequestTimeout` . `perRequestTimeout` can only be set if Service Connect `appProtocol` isn't `TCP` . Only `idleTimeout` is allowed for `TCP` `appProtocol` .
   */
  readonly perRequestTimeoutSeconds?: Input<number>;
}

/**
 * The VPC Lattice configuration for your service that holds the information for the target group(s) Amazon ECS tasks will be registered to.
 */
export interface ServiceVpcLatticeConfiguration {
  /**
   * The name of the port mapping to register in the VPC Lattice target group. This is the name of the `portMapping` you defined in your task definition.
   */
  readonly portName: Input<string>;
  /**
   * The ARN of the IAM role to associate with this VPC Lattice configuration. This is the Amazon ECS infrastructure IAM role that is used to manage your VPC Lattice infrastructure.
   */
  readonly roleArn: Input<string>;
  /**
   * The full Amazon Resource Name (ARN) of the target group or groups associated with the VPC Lattice configuration that the Amazon ECS tasks will be registered to.
   */
  readonly targetGroupArn: Input<string>;
}

/** The arguments of {@link Service}. */
export interface ServiceArgs {
  /**
   * Indicates whether to use Availability Zone rebalancing for the service.
   *
   * For more information, see [Balancing an Amazon ECS service across Availability Zones](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-rebalancing.html) in the **Amazon Elastic Container Service Developer Guide** .
   *
   * The default behavior of `AvailabilityZoneRebalancing` differs between create and update requests:
   *
   * - For create service requests, when no value is specified for `AvailabilityZoneRebalancing` , Amazon ECS defaults the value to `ENABLED` .
   * - For update service requests, when no value is specif …
   */
  readonly availabilityZoneRebalancing?: Input<"ENABLED" | "DISABLED">;
  /**
   * The capacity provider strategy to use for the service.
   *
   * If a `capacityProviderStrategy` is specified, the `launchType` parameter must be omitted. If no `capacityProviderStrategy` or `launchType` is specified, the `defaultCapacityProviderStrategy` for the cluster is used.
   *
   * A capacity provider strategy can contain a maximum of 20 capacity providers.
   *
   * > To remove this property from your service resource, specify an empty `CapacityProviderStrategyItem` array.
   */
  readonly capacityProviderStrategy?: Input<readonly Input<ServiceCapacityProviderStrategyItem>[]>;
  /**
   * The short name or full Amazon Resource Name (ARN) of the cluster that you run your service on. If you do not specify a cluster, the default cluster is assumed.
   *
   * Changing it replaces the resource.
   */
  readonly cluster?: Input<string>;
  /**
   * Optional deployment parameters that control how many tasks run during the deployment and the ordering of stopping and starting tasks.
   */
  readonly deploymentConfiguration?: Input<ServiceDeploymentConfiguration>;
  /**
   * The deployment controller to use for the service.
   *
   * Changing it replaces the resource.
   */
  readonly deploymentController?: Input<ServiceDeploymentController>;
  /**
   * The number of instantiations of the specified task definition to place and keep running in your service.
   *
   * For new services, if a desired count is not specified, a default value of `1` is used. When using the `DAEMON` scheduling strategy, the desired count is not required.
   *
   * For existing services, if a desired count is not specified, it is omitted from the operation.
   */
  readonly desiredCount?: Input<number>;
  /**
   * Specifies whether to turn on Amazon ECS managed tags for the tasks within the service. For more information, see [Tagging your Amazon ECS resources](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-using-tags.html) in the *Amazon Elastic Container Service Developer Guide* .
   *
   * When you use Amazon ECS managed tags, you must set the `propagateTags` request parameter.
   */
  readonly enableECSManagedTags?: Input<boolean>;
  /**
   * Determines whether the execute command functionality is turned on for the service. If `true` , the execute command functionality is turned on for all containers in tasks as part of the service.
   */
  readonly enableExecuteCommand?: Input<boolean>;
  /**
   * Determines whether to force a new deployment of the service. By default, deployments aren't forced. You can use this option to start a new deployment with no service definition changes. For example, you can update a service's tasks to use a newer Docker image with the same image/tag combination ( `my_image:latest` ) or to roll Fargate tasks onto a newer platform version.
   */
  readonly forceNewDeployment?: Input<ServiceForceNewDeployment>;
  /**
   * The period of time, in seconds, that the Amazon ECS service scheduler ignores unhealthy Elastic Load Balancing, VPC Lattice, and container health checks after a task has first started. If you do not specify a health check grace period value, the default value of 0 is used. If you do not use any of the health checks, then `healthCheckGracePeriodSeconds` is unused.
   *
   * If your service has more running tasks than desired, unhealthy tasks in the grace period might be stopped to reach the desired count.
   */
  readonly healthCheckGracePeriodSeconds?: Input<number>;
  /**
   * The launch type on which to run your service. For more information, see [Amazon ECS Launch Types](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/launch_types.html) in the *Amazon Elastic Container Service Developer Guide* .
   *
   * > If you want to use Managed Instances, you must use the `capacityProviderStrategy` request parameter
   *
   * Changing it replaces the resource.
   */
  readonly launchType?: Input<"EC2" | "FARGATE" | "EXTERNAL">;
  /**
   * A list of load balancer objects to associate with the service. If you specify the `Role` property, `LoadBalancers` must be specified as well. For information about the number of load balancers that you can specify per service, see [Service Load Balancing](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-load-balancing.html) in the *Amazon Elastic Container Service Developer Guide* .
   *
   * > To remove this property from your service resource, specify an empty `LoadBalancer` array.
   */
  readonly loadBalancers?: Input<readonly Input<ServiceLoadBalancer>[]>;
  /**
   * The optional monitoring configuration for a service, which defines the resolution for the service-level ``CPUUtilization`` and ``MemoryUtilization`` Amazon CloudWatch metrics. When not specified, Amazon ECS uses the default resolution of ``60`` seconds.
   */
  readonly monitoring?: Input<ServiceMonitoringConfiguration>;
  /**
   * The network configuration for the service. This parameter is required for task definitions that use the `awsvpc` network mode to receive their own elastic network interface, and it is not supported for other network modes. For more information, see [Task Networking](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-networking.html) in the *Amazon Elastic Container Service Developer Guide* .
   */
  readonly networkConfiguration?: Input<ServiceNetworkConfiguration>;
  /**
   * An array of placement constraint objects to use for tasks in your service. You can specify a maximum of 10 constraints for each task. This limit includes constraints in the task definition and those specified at runtime.
   *
   * > To remove this property from your service resource, specify an empty `PlacementConstraint` array.
   */
  readonly placementConstraints?: Input<readonly Input<ServicePlacementConstraint>[]>;
  /**
   * The placement strategy objects to use for tasks in your service. You can specify a maximum of 5 strategy rules for each service.
   *
   * > To remove this property from your service resource, specify an empty `PlacementStrategy` array.
   */
  readonly placementStrategies?: Input<readonly Input<ServicePlacementStrategy>[]>;
  /**
   * The platform version that your tasks in the service are running on. A platform version is specified only for tasks using the Fargate launch type. If one isn't specified, the `LATEST` platform version is used. For more information, see [AWS Fargate platform versions](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform_versions.html) in the *Amazon Elastic Container Service Developer Guide* .
   */
  readonly platformVersion?: Input<string>;
  /**
   * Specifies whether to propagate the tags from the task definition to the task. If no value is specified, the tags aren't propagated. Tags can only be propagated to the task during task creation. To add tags to a task after task creation, use the [TagResource](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TagResource.html) API action.
   *
   * You must set this to a value other than `NONE` when you use Cost Explorer. …
   */
  readonly propagateTags?: Input<"SERVICE" | "TASK_DEFINITION">;
  /**
   * The name or full Amazon Resource Name (ARN) of the IAM role that allows Amazon ECS to make calls to your load balancer on your behalf. This parameter is only permitted if you are using a load balancer with your service and your task definition doesn't use the `awsvpc` network mode. If you specify the `role` parameter, you must also specify a load balancer object with the `loadBalancers` parameter.
   *
   * > If your account has already created the Amazon ECS service-linked role, that role is used for your service unless you specify a role here. …
   *
   * Changing it replaces the resource.
   */
  readonly role?: Input<string>;
  /**
   * The scheduling strategy to use for the service. For more information, see [Services](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_services.html) .
   *
   * There are two service scheduler strategies available:
   *
   * - `REPLICA` -The replica scheduling strategy places and maintains the desired number of tasks across your cluster. By default, the service scheduler spreads tasks across Availability Zones. You can use task placement strategies and constraints to customize task placement decisions. …
   *
   * Changing it replaces the resource.
   */
  readonly schedulingStrategy?: Input<"DAEMON" | "REPLICA">;
  /**
   * The configuration for this service to discover and connect to services, and be discovered by, and connected from, other services within a namespace.
   *
   * Tasks that run in a namespace can use short names to connect to services in the namespace. Tasks can connect to services across all of the clusters in the namespace. Tasks connect through a managed proxy container that collects logs and metrics for increased visibility. Only the tasks that Amazon ECS services create are supported with Service Connect. …
   */
  readonly serviceConnectConfiguration?: Input<ServiceServiceConnectConfiguration>;
  /**
   * The name of your service. Up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens are allowed. Service names must be unique within a cluster, but you can have similarly named services in multiple clusters within a Region or across multiple Regions.
   *
   * > The stack update fails if you change any properties that require replacement and the `ServiceName` is configured. This is because AWS CloudFormation creates the replacement service first, but each `ServiceName` must be unique in the cluster.
   *
   * Changing it replaces the resource.
   */
  readonly serviceName?: Input<string>;
  /**
   * The details of the service discovery registry to associate with this service. For more information, see [Service discovery](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-discovery.html) .
   *
   * > Each service may be associated with one service registry. Multiple service registries for each service isn't supported. > To remove this property from your service resource, specify an empty `ServiceRegistry` array.
   */
  readonly serviceRegistries?: Input<readonly Input<ServiceServiceRegistry>[]>;
  /**
   * The metadata that you apply to the service to help you categorize and organize them. Each tag consists of a key and an optional value, both of which you define. When a service is deleted, the tags are deleted as well.
   *
   * The following basic restrictions apply to tags:
   *
   * - Maximum number of tags per resource - 50
   * - For each resource, each tag key must be unique, and each tag key can have only one value.
   * - Maximum key length - 128 Unicode characters in UTF-8
   * - Maximum value length - 256 Unicode characters in UTF-8
   * - If your tagging schema is used across multiple services and resources, remember tha …
   */
  readonly tags?: Input<readonly Input<{ readonly key: Input<string>; readonly value: Input<string> }>[]>;
  /**
   * The `family` and `revision` ( `family:revision` ) or full ARN of the task definition to run in your service. If a `revision` isn't specified, the latest `ACTIVE` revision is used.
   *
   * A task definition must be specified if the service uses either the `ECS` or `CODE_DEPLOY` deployment controllers.
   *
   * For more information about deployment types, see [Amazon ECS deployment types](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-types.html) .
   */
  readonly taskDefinition?: Input<string>;
  /**
   * The configuration for a volume specified in the task definition as a volume that is configured at launch time. Currently, the only supported volume type is an Amazon EBS volume.
   *
   * > To remove this property from your service resource, specify an empty `ServiceVolumeConfiguration` array.
   */
  readonly volumeConfigurations?: Input<readonly Input<ServiceServiceVolumeConfiguration>[]>;
  /**
   * The VPC Lattice configuration for the service being created.
   */
  readonly vpcLatticeConfigurations?: Input<readonly Input<ServiceVpcLatticeConfiguration>[]>;
}

/**
 * The `AWS::ECS::Service` resource creates an Amazon Elastic Container Service (Amazon ECS) service that runs and maintains the requested number of tasks and associated load balancers.
 *
 * > The stack update fails if you change any properties that require replacement and at least one Amazon ECS Service Connect `ServiceConnectConfiguration` property is configured. This is because AWS CloudFormation creates the replacement service first, but each `ServiceConnectService` must have a name that is unique in the namespace. > Starting April 15, 2023, AWS ; will not onboard new customers to Amazon Elastic Inference (EI), and will help current customers migrate their workloads to options that offer better price and performance. After April 15, 2023, new customers will not be able to launch instances with Amazon EI accelerators in Amazon SageMaker, Amazon ECS , or Amazon EC2 . However, customers who have used Amazon EI at least once during the past 30-day period are considered current customers and will be able to continue using the service. > On June 12, 2025, Amazon ECS launched support for updating capacity provider configuration for Amazon ECS services. With this launch, Amazon ECS also aligned the CloudFormation update behavior for `CapacityProviderStrategy` parameter with the standard practice. For more information, see [Amazon ECS adds support for updating capacity provider configuration for ECS services](https://docs.aws.amazon.com/about-aws/whats-new/2025/05/amazon-ecs-capacity-provider-configuration-ecs/) . Previously Amazon ECS ignored the `CapacityProviderStrategy` property if it was set to an empty list for example, `[]` in CloudFormation , because updating capacity provider configuration was not supported. Now, with support for capacity provider updates, customers can remove capacity providers from a service by passing an empty list. When you specify an empty list ( `[]` ) for the `CapacityProviderStrategy` property in your CloudFormation template, Amazon ECS will remove any capacity providers associated with the service, as follows:
 * > 
 * > - For services created with a capacity provider strategy after the launch:
 * > 
 * > - If there's a cluster default strategy set, the service will revert to using that default strategy.
 * > - If no cluster default strategy exists, you will receive the following error:
 * > 
 * > No launch type to fall back to for empty capacity provider strategy. Your service was not created with a launch type.
 * > - For services created with a capacity provider strategy prior to the launch:
 * > 
 * > - If `CapacityProviderStrategy` had `FARGATE_SPOT` or `FARGATE` capacity providers, the launch type will be updated to `FARGATE` and the capacity provider will be removed.
 * > - If the strategy included Auto Scaling group capacity providers, the service will revert to EC2 launch type, and the Auto Scaling group capacity providers will not be used.
 * > 
 * > Recommended Actions
 * > 
 * > If you are currently using `CapacityProviderStrategy: []` in your CloudFormation templates, you should take one of the following actions:
 * > 
 * > - If you do not intend to update the Capacity Provider Strategy:
 * > 
 * > - Remove the `CapacityProviderStrategy` property entirely from your CloudFormation template
 * > - Alternatively, use `!Ref AWS ::NoValue` for the `CapacityProviderStrategy` property in your template
 * > - If you intend to maintain or update the Capacity Provider Strategy, specify the actual Capacity Provider Strategy for the service in your CloudFormation template.
 * > 
 * > If your CloudFormation template had an empty list ([]) for `CapacityProviderStrategy` prior to the aforementioned launch on June 12, and you are using the same template with `CapacityProviderStrategy: []` , you might encounter the following error:
 * > 
 * > Invalid request provided: When switching from launch type to capacity provider strategy on an existing service, or making a change to a capacity provider strategy on a service that is already using one, you must force a new deployment. (Service: Ecs, Status Code: 400, Request ID: xxx) (SDK Attempt Count: 1)" (RequestToken: xxx HandlerErrorCode: InvalidRequest)
 * > 
 * > Note that CloudFormation automatically initiates a new deployment when it detects a parameter change, but customers cannot choose to force a deployment through CloudFormation . This is an invalid input scenario that requires one of the remediation actions listed above.
 * > 
 * > If you are experiencing active production issues related to this change, contact AWS Support or your Technical Account Manager.
 *
 * Cloud Control type `AWS::ECS::Service`; its id is `serviceArn` and `cluster` joined by `|`.
 *
 * Changing `cluster`, `deploymentController`, `launchType`, `role`, `schedulingStrategy`, `serviceName` replaces it.
 *
 * Taggable: the provider's default tags are merged into `tags`.
 */
export declare class Service extends NativeResource {
  /**
   * The name of the Amazon ECS service, such as `sample-webapp` .
   */
  readonly name: Output<string>;
  /**
   * The ARN that identifies the service. For more information about the ARN format, see [Amazon Resource Name (ARN)](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-account-settings.html#ecs-resource-ids) in the *Amazon ECS Developer Guide* .
   */
  readonly serviceArn: Output<string>;
  readonly availabilityZoneRebalancing: Output<Plain<ServiceArgs["availabilityZoneRebalancing"]>>;
  readonly capacityProviderStrategy: Output<Plain<ServiceArgs["capacityProviderStrategy"]>>;
  readonly cluster: Output<Plain<ServiceArgs["cluster"]>>;
  readonly deploymentConfiguration: Output<Plain<ServiceArgs["deploymentConfiguration"]>>;
  readonly deploymentController: Output<Plain<ServiceArgs["deploymentController"]>>;
  readonly desiredCount: Output<Plain<ServiceArgs["desiredCount"]>>;
  readonly enableECSManagedTags: Output<Plain<ServiceArgs["enableECSManagedTags"]>>;
  readonly enableExecuteCommand: Output<Plain<ServiceArgs["enableExecuteCommand"]>>;
  readonly forceNewDeployment: Output<Plain<ServiceArgs["forceNewDeployment"]>>;
  readonly healthCheckGracePeriodSeconds: Output<Plain<ServiceArgs["healthCheckGracePeriodSeconds"]>>;
  readonly launchType: Output<Plain<ServiceArgs["launchType"]>>;
  readonly loadBalancers: Output<Plain<ServiceArgs["loadBalancers"]>>;
  readonly monitoring: Output<Plain<ServiceArgs["monitoring"]>>;
  readonly networkConfiguration: Output<Plain<ServiceArgs["networkConfiguration"]>>;
  readonly placementConstraints: Output<Plain<ServiceArgs["placementConstraints"]>>;
  readonly placementStrategies: Output<Plain<ServiceArgs["placementStrategies"]>>;
  readonly platformVersion: Output<Plain<ServiceArgs["platformVersion"]>>;
  readonly propagateTags: Output<Plain<ServiceArgs["propagateTags"]>>;
  readonly role: Output<Plain<ServiceArgs["role"]>>;
  readonly schedulingStrategy: Output<Plain<ServiceArgs["schedulingStrategy"]>>;
  readonly serviceConnectConfiguration: Output<Plain<ServiceArgs["serviceConnectConfiguration"]>>;
  readonly serviceName: Output<Plain<ServiceArgs["serviceName"]>>;
  readonly serviceRegistries: Output<Plain<ServiceArgs["serviceRegistries"]>>;
  readonly tags: Output<Plain<ServiceArgs["tags"]>>;
  readonly taskDefinition: Output<Plain<ServiceArgs["taskDefinition"]>>;
  readonly volumeConfigurations: Output<Plain<ServiceArgs["volumeConfigurations"]>>;
  readonly vpcLatticeConfigurations: Output<Plain<ServiceArgs["vpcLatticeConfigurations"]>>;
  constructor(name: string, args?: ServiceArgs, opts?: CustomResourceOptions);
}
