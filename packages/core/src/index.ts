/**
 * @cairn/core — the SDK for programs and components: resources, outputs,
 * options, config, stack references and the errors a program may catch.
 * Provider authors add `@cairn/core/provider`; tools that run stacks add
 * `@cairn/core/automation`; tests add `@cairn/core/testing`.
 */
export { CairnError, type ErrorCode, type ErrorSubject, type Problem } from "./errors.js";
export { hintSentence, hintText, type ConfigKeyHint, type CreateStackHint, type DeployHint, type ForgetResourceHint, type Hint, type ImportResourceHint, type ListResourcesHint, type OptionHint, type RefreshHint, type SavePlanHint, type SetConfigHint, type UnlockHint, type UnprotectHint } from "./hints.js";

export { Output, type Input, type Inputs } from "./output/output.js";
export { all, concat, interpolate, isSecret, output, secret, unsecret } from "./output/functions.js";

export { CustomResource, ComponentResource, Resource } from "./resource/resource.js";
export { ProviderResource } from "./resource/provider-resource.js";
export type { Alias, ComponentResourceOptions, CustomResourceOptions, ResourceOptions } from "./resource/options.js";
export type { ProviderHandle, ResourceHandle } from "./resource/handle.js";

export { Config } from "./program/config.js";
export { getProject, getStack } from "./program/stack-info.js";
export { StackReference } from "./program/stack-reference.js";
export type { InvokeOptions } from "./program/invoke.js";
export * as dynamic from "./provider/dynamic.js";
