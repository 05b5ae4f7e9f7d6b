import type { ServiceHandlers } from "../provider/registry.js";
import { repositoryHandler } from "./repository-handler.js";

/** ECR's resource types. */
export const ecrHandlers: ServiceHandlers = {
  service: "ecr",
  resources: [repositoryHandler],
};
