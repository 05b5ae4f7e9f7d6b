import type { Ec2Handle } from "../runtime/client-factory.js";
import type { AwsContext } from "../runtime/context.js";
import { ec2Call } from "./common.js";
import { isArn } from "./instance-inputs.js";

/**
 * Points a running instance at another instance profile, or at none:
 * associate when it has none, replace the association when it has one,
 * disassociate when the program removed it.
 */
export async function updateInstanceProfile(ctx: AwsContext, ec2: Ec2Handle, InstanceId: string, profile: string | undefined): Promise<void> {
  const found = await ec2Call(ctx, "DescribeIamInstanceProfileAssociations", () =>
      ec2.client.send(
        new ec2.sdk.DescribeIamInstanceProfileAssociationsCommand({
          Filters: [
            { Name: "instance-id", Values: [InstanceId] },
            { Name: "state", Values: ["associating", "associated"] },
          ],
        }),
      ),
    );
  const AssociationId = found.IamInstanceProfileAssociations?.[0]?.AssociationId;
  const IamInstanceProfile = profile === undefined ? undefined : isArn(profile) ? { Arn: profile } : { Name: profile };
  const send = <T>(api: string, fn: () => Promise<T>) => ec2Call(ctx, api, fn);
  if (IamInstanceProfile === undefined) {
    if (AssociationId !== undefined) {
      await send("DisassociateIamInstanceProfile", () => ec2.client.send(new ec2.sdk.DisassociateIamInstanceProfileCommand({ AssociationId })));
    }
  } else if (AssociationId === undefined) {
    await send("AssociateIamInstanceProfile", () => ec2.client.send(new ec2.sdk.AssociateIamInstanceProfileCommand({ InstanceId, IamInstanceProfile })));
  } else {
    await send("ReplaceIamInstanceProfileAssociation", () =>
      ec2.client.send(new ec2.sdk.ReplaceIamInstanceProfileAssociationCommand({ AssociationId, IamInstanceProfile })),
    );
  }
}
