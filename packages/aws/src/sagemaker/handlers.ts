import type { ServiceHandlers } from "../provider/registry.js";
import { endpointConfigHandler } from "./endpoint-config-handler.js";
import { endpointHandler } from "./endpoint-handler.js";
import { modelHandler } from "./model-handler.js";
import { modelPackageGroupHandler } from "./model-package-group-handler.js";
import { notebookInstanceHandler } from "./notebook-instance-handler.js";
import { trainingJobHandler } from "./training-job-handler.js";
import { pipelineHandler } from "./pipeline-handler.js";

/** SageMaker's resource types. */
export const sagemakerHandlers: ServiceHandlers = {
  service: "sagemaker",
  resources: [modelHandler, endpointConfigHandler, endpointHandler, modelPackageGroupHandler, notebookInstanceHandler, trainingJobHandler, pipelineHandler],
};
