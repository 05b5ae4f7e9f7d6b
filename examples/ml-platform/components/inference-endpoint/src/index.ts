/** @cairn-ml/inference-endpoint — a SageMaker endpoint the model registry rolls forward. */
export { InferenceEndpoint, VARIANT_NAME, type InferenceEndpointArgs } from "./inference-endpoint.js";
export type { VariantAutoscalingArgs } from "./autoscaling.js";
