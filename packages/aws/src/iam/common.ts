import { hasAwsCode } from "../errors.js";

/** Whether IAM says the entity does not exist. */
export function isNoSuchEntity(error: unknown): boolean {
  return hasAwsCode(error, ["NoSuchEntity", "NoSuchEntityException"], 404);
}

/** Whether IAM says the entity already exists. */
export function isEntityAlreadyExists(error: unknown): boolean {
  return hasAwsCode(error, ["EntityAlreadyExists", "EntityAlreadyExistsException"], 409);
}

/** IAM paths: "/" or "/segment/.../". */
export const IAM_PATH = /^\/([\x21-\x7e]+\/)?$/;
