/** @cairn-ml/training — scheduled and event-driven retraining through a SageMaker pipeline. */
export { Training, type TrainingArgs } from "./training.js";
export { pipelineDefinition, type PipelineDefinitionSettings } from "./pipeline-definition.js";
