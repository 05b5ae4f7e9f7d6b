// Generated from @aws-cdk/aws-service-spec 0.1.216 by `npm run generate -w @cairn/aws`. Do not edit.
import { defineOutputs, NativeResource } from "../../dist/native/native-resource.js";

export class Secret extends NativeResource {
  static {
    defineOutputs(this, ["idValue", "description", "generateSecretString", "kmsKeyId", "name", "replicaRegions", "secretString", "tags", "type"]);
  }

  constructor(name, args = {}, opts = {}) {
    super("aws:native.secretsmanager/Secret", name, args, opts, ["generateSecretString", "secretString"]);
  }
}
