import type { ServiceHandlers } from "../provider/registry.js";
import { instanceProfileHandler } from "./instance-profile-handler.js";
import { roleHandler } from "./role-handler.js";
import { policyHandler } from "./policy-handler.js";
import { rolePolicyAttachmentHandler } from "./role-policy-attachment-handler.js";

/** IAM's resource types. */
export const iamHandlers: ServiceHandlers = {
  service: "iam",
  resources: [roleHandler, instanceProfileHandler, policyHandler, rolePolicyAttachmentHandler],
};
