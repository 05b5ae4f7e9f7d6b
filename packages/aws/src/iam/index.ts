/** IAM: roles and instance profiles. */
export { Role, type RoleArgs, type PolicyDocumentArg } from "./role.js";
export { InstanceProfile, type InstanceProfileArgs } from "./instance-profile.js";
export { Policy, type PolicyArgs } from "./policy.js";
export { RolePolicyAttachment, type RolePolicyAttachmentArgs } from "./role-policy-attachment.js";
