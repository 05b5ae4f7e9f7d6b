// Generated from @aws-cdk/aws-service-spec 0.1.216 by `npm run generate -w @cairn/aws`. Do not edit.
import { defineOutputs, NativeResource } from "../../dist/native/native-resource.js";

export class Function extends NativeResource {
  static {
    defineOutputs(this, ["arn", "snapStartResponse", "architectures", "capacityProviderConfig", "code", "codeSigningConfigArn", "deadLetterConfig", "description", "durableConfig", "environment", "ephemeralStorage", "fileSystemConfigs", "functionName", "functionScalingConfig", "handler", "imageConfig", "kmsKeyArn", "layers", "loggingConfig", "memorySize", "packageType", "publishToLatestPublished", "recursiveLoop", "reservedConcurrentExecutions", "role", "runtime", "runtimeManagementConfig", "snapStart", "tags", "tenancyConfig", "timeout", "tracingConfig", "vpcConfig"]);
  }

  constructor(name, args = {}, opts = {}) {
    super("aws:native.lambda/Function", name, args, opts, ["code", "snapStart"]);
  }
}
