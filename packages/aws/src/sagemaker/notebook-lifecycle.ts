import type { DescribeNotebookInstanceCommandOutput } from "@aws-sdk/client-sagemaker";
import { call } from "../runtime/call.js";
import type { SageMakerHandle } from "../runtime/client-factory.js";
import type { AwsContext } from "../runtime/context.js";
import { pollUntil } from "../runtime/poll.js";
import { orMissing } from "../runtime/read.js";
import { isSageMakerNotFound, SAGEMAKER_DELAYS } from "./common.js";

/** A notebook instance as SageMaker describes it, or `undefined` when it does not exist. */
export function describeNotebook(ctx: AwsContext, sm: SageMakerHandle, NotebookInstanceName: string): Promise<DescribeNotebookInstanceCommandOutput | undefined> {
  return orMissing(call(ctx, "DescribeNotebookInstance", () => sm.client.send(new sm.sdk.DescribeNotebookInstanceCommand({ NotebookInstanceName }))), isSageMakerNotFound);
}

/** Waits for one of `targets`; Failed ends the wait with SageMaker's FailureReason. */
export function waitForNotebook(ctx: AwsContext, sm: SageMakerHandle, name: string, targets: readonly string[]): Promise<DescribeNotebookInstanceCommandOutput> {
  // Not the SDK's NotebookInstanceInService/Stopped waiters: this waits for any of several states, returns the notebook found and shows progress (see pollUntil).
  return pollUntil(ctx, {
    what: targets.join(" or "),
    describe: () => describeNotebook(ctx, sm, name),
    evaluate: (found) => {
      const status = found?.NotebookInstanceStatus;
      if (found !== undefined && status !== undefined && targets.includes(status)) return { done: true, value: found };
      if (status === "Failed") return { failed: `status Failed: ${found?.FailureReason ?? "SageMaker gave no reason"}` };
      return { status: status ?? "not visible yet" };
    },
    delays: SAGEMAKER_DELAYS,
  });
}

/**
 * Brings a notebook instance to Stopped or Failed, the states in which it can
 * be updated or deleted: a Pending one must first come up, a running one is
 * stopped.
 */
export async function stopNotebook(ctx: AwsContext, sm: SageMakerHandle, name: string): Promise<void> {
  let current = await describeNotebook(ctx, sm, name);
  if (current?.NotebookInstanceStatus === "Pending" || current?.NotebookInstanceStatus === "Updating") {
    current = await waitForNotebook(ctx, sm, name, ["InService", "Stopped", "Failed"]);
  }
  if (current?.NotebookInstanceStatus === "InService") {
    ctx.call.progress("stopping the notebook instance");
    await call(ctx, "StopNotebookInstance", () => sm.client.send(new sm.sdk.StopNotebookInstanceCommand({ NotebookInstanceName: name })));
  }
  if (current !== undefined) await waitForNotebook(ctx, sm, name, ["Stopped", "Failed"]);
}
