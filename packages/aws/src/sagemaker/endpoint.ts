import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/core";
import type { ResourceType } from "@cairn/core/provider";
import { cairnPackage } from "../package.js";

const ENDPOINT: ResourceType = { token: "aws:sagemaker/Endpoint", package: cairnPackage };

/** The arguments of {@link Endpoint}. */
export interface EndpointArgs {
  /** The endpoint config to serve; a change updates the live endpoint (UpdateEndpoint). */
  readonly endpointConfigName: Input<string>;
  /** The endpoint's name; changing it replaces the endpoint. @default the logical name and a random suffix */
  readonly name?: Input<string>;
  /** A prefix for a generated name. @default the logical name and "-" */
  readonly namePrefix?: Input<string>;
  /** Tags, merged over the provider's default tags. @default none */
  readonly tags?: Input<Readonly<Record<string, Input<string>>>>;
}

/**
 * A SageMaker real-time endpoint. Creating and updating it waits until it is
 * InService, reporting its status as it goes; the default limit is 60
 * minutes (override with `customTimeouts`). An endpoint that ends Failed
 * fails the step with SageMaker's reason.
 *
 * Native twin: `aws:native.sagemaker/Endpoint` (`@cairn/aws/native/sagemaker`); never let both manage one object.
 *
 * @example
 * const endpoint = new aws.sagemaker.Endpoint("ranker", { endpointConfigName: config.name }, { customTimeouts: { create: "90m" } });
 */
export class Endpoint extends CustomResource {
  readonly arn: Output<string> = this.getOutput("arn");
  /** The endpoint's name: what clients invoke. */
  readonly name: Output<string> = this.getOutput("name");
  readonly endpointStatus: Output<string> = this.getOutput("endpointStatus");

  constructor(name: string, args: EndpointArgs, opts: CustomResourceOptions = {}) {
    super(ENDPOINT, name, args as unknown as Record<string, unknown>, opts);
  }
}
