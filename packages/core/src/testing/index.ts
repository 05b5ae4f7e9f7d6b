/**
 * @cairn/core/testing — run a program or component against mocked providers
 * and assert on the resources it registers; apply the engine's secret rules
 * to a provider's values, to check what a type's schema declares.
 */
export { mockPackage, type MockInvokeArgs, type MockResourceArgs, type MockResourceResult, type Mocks } from "./mocks.js";
export { testProgram, type TestProgramOptions, type TestResource, type TestResult } from "./test-program.js";
export { sealInputs, sealOutputs, type SealRules } from "../output/seal.js";
