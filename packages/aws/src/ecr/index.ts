/** ECR: container image repositories. */
export { Repository, type RepositoryArgs } from "./repository.js";
