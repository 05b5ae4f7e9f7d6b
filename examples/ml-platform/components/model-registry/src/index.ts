/** @cairn-ml/model-registry — artifacts, metadata and the catalogue of model versions. */
export { ModelRegistry, type ModelRegistryArgs } from "./model-registry.js";
