/** The version of @cairn/aws, recorded in state with every resource it manages. */
export const VERSION = "0.1.0";
