/** @cairn-ml/recommender-serving — the recommender's services behind one load balancer. */
export { RecommenderServing, DEFAULT_AMI, type RecommenderServingArgs } from "./recommender-serving.js";
export { SERVICE_NAMES, SERVICE_ROLES, startScript, type ServiceName, type ServiceRole, type ServiceSpec, type StartSettings } from "./services.js";
