/** Application Auto Scaling: scalable targets (a SageMaker variant's instance count, ...) and their policies. */
export { Target, type TargetArgs } from "./target.js";
export { Policy, type PolicyArgs, type StepScalingArgs, type TargetTrackingArgs } from "./policy.js";
