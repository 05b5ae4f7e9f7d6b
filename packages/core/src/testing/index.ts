/**
 * @cairn/core/testing — run a program or component against mocked providers
 * and assert on the resources it registers.
 */
export { mockPackage, type MockInvokeArgs, type MockResourceArgs, type MockResourceResult, type Mocks } from "./mocks.js";
export { testProgram, type TestProgramOptions, type TestResource, type TestResult } from "./test-program.js";
export { sealInputs, sealOutputs, type SealRules } from "../output/seal.js";
