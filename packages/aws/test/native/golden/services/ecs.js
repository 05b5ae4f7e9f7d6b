// Generated from @aws-cdk/aws-service-spec 0.1.216 by `npm run generate -w @cairn/aws`. Do not edit.
import { defineOutputs, NativeResource } from "../../dist/native/native-resource.js";

export class Service extends NativeResource {
  static {
    defineOutputs(this, ["name", "serviceArn", "availabilityZoneRebalancing", "capacityProviderStrategy", "cluster", "deploymentConfiguration", "deploymentController", "desiredCount", "enableECSManagedTags", "enableExecuteCommand", "forceNewDeployment", "healthCheckGracePeriodSeconds", "launchType", "loadBalancers", "monitoring", "networkConfiguration", "placementConstraints", "placementStrategies", "platformVersion", "propagateTags", "role", "schedulingStrategy", "serviceConnectConfiguration", "serviceName", "serviceRegistries", "tags", "taskDefinition", "volumeConfigurations", "vpcLatticeConfigurations"]);
  }

  constructor(name, args = {}, opts = {}) {
    super("aws:native.ecs/Service", name, args, opts, []);
  }
}
