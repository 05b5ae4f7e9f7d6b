import { loggableArgv } from "../../src/cli/loggable-argv.js";

describe("the command line in the debug log", () => {
  test("hides the value of config set --secret wherever the options stand", () => {
    expect(loggableArgv(["config", "set", "token", "s3cret", "--secret"])).toEqual(["config", "set", "token", "[secret]", "--secret"]);
    expect(loggableArgv(["--verbose", "config", "set", "--secret", "token", "s3cret"])).toEqual(["--verbose", "config", "set", "--secret", "token", "[secret]"]);
  });

  test("leaves every other command line as it is", () => {
    expect(loggableArgv(["config", "set", "region", "us-west-2"])).toEqual(["config", "set", "region", "us-west-2"]);
    expect(loggableArgv(["up", "--yes"])).toEqual(["up", "--yes"]);
  });
});
