/**
 * @jest-config-loader esbuild-register
 */
// Jest runs TypeScript sources directly through swc; packages map to their src/.
import type { Config } from "jest";

const esmPackages = ["p-queue", "p-timeout", "eventemitter3", "immer", "get-east-asian-width"].join("|");

const config: Config = {
  testEnvironment: "node",
  roots: ["<rootDir>/packages", "<rootDir>/examples"],
  testMatch: ["**/test/**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", "/dist/", "/test/live/"],
  transform: {
    "^.+\\.(t|j)sx?$": ["@swc/jest", { jsc: { target: "es2022", parser: { syntax: "typescript" } }, module: { type: "commonjs" } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages})/)`],
  moduleNameMapper: {
    "^@cairn/(core|local|aws|cli)$": "<rootDir>/packages/$1/src/index.ts",
    "^@cairn/core/(provider|automation)$": "<rootDir>/packages/core/src/entry/$1.ts",
    "^@cairn/core/testing$": "<rootDir>/packages/core/src/testing/index.ts",
    "^(\\.{1,2}/.*)\\.js$": "$1",
  },
  testTimeout: 30000,
};

export default config;
