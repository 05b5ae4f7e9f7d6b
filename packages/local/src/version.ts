/** The version of @cairn/local recorded in state; kept equal to package.json's. */
export const LOCAL_VERSION = "0.1.0";
