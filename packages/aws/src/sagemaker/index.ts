/** SageMaker: models, endpoints, the model registry, notebooks and training jobs. */
export { Model, type ModelArgs } from "./model.js";
export { EndpointConfig, type EndpointConfigArgs, type ProductionVariantArgs } from "./endpoint-config.js";
export { Endpoint, type EndpointArgs } from "./endpoint.js";
export { ModelPackageGroup, type ModelPackageGroupArgs } from "./model-package-group.js";
export { NotebookInstance, type NotebookInstanceArgs } from "./notebook-instance.js";
export { TrainingJob, type TrainingJobArgs } from "./training-job.js";
export { Pipeline, type PipelineArgs } from "./pipeline.js";
