import { ChangeResourceRecordSetsCommand, ChangeTagsForResourceCommand, CreateHostedZoneCommand, DeleteHostedZoneCommand, GetChangeCommand, GetHostedZoneCommand, ListResourceRecordSetsCommand, Route53Client } from "@aws-sdk/client-route-53";
import { mockClient } from "aws-sdk-client-mock";
import { awsError, callContext, checked, commandNames, testProvider } from "../support/fakes.js";

const r53 = mockClient(Route53Client);
beforeEach(() => r53.reset());
afterAll(() => r53.restore());

const ZONE = "aws:route53/Zone";
const RECORD = "aws:route53/Record";
const hosted = { HostedZone: { Id: "/hostedzone/Z123", Name: "ml.example.com.", CallerReference: "tok", Config: { Comment: "Managed by Cairn", PrivateZone: false } }, DelegationSet: { NameServers: ["ns-1.awsdns-00.com"] } };

describe("aws:route53/Zone", () => {
  test("create waits with Route 53's waiter until the change is INSYNC, then tags the zone", async () => {
    r53.on(CreateHostedZoneCommand).resolves({ ...hosted, ChangeInfo: { Id: "/change/C1", Status: "PENDING", SubmittedAt: new Date() } });
    r53.on(GetChangeCommand).resolves({ ChangeInfo: { Id: "/change/C1", Status: "INSYNC", SubmittedAt: new Date() } });
    r53.on(ChangeTagsForResourceCommand).resolves({});
    r53.on(GetHostedZoneCommand).resolves(hosted);
    const { provider } = testProvider({ defaultTags: { team: "ml" } });
    const inputs = await checked(provider, ZONE, { name: "ML.example.com." });
    const result = await provider.create(inputs as never, "tok", callContext(ZONE, "ml"));
    expect(commandNames(r53)).toEqual(["CreateHostedZone", "GetChange", "ChangeTagsForResource", "GetHostedZone"]);
    expect(r53.commandCalls(CreateHostedZoneCommand)[0]?.args[0].input).toMatchObject({ Name: "ml.example.com", CallerReference: "tok", HostedZoneConfig: { PrivateZone: false } });
    expect(result).toMatchObject({ id: "Z123", outputs: { zoneId: "Z123", nameServers: ["ns-1.awsdns-00.com"] } });
  });

  test("a zone that still holds records is explained; forceDestroy deletes them first", async () => {
    r53.on(DeleteHostedZoneCommand).rejects(awsError("HostedZoneNotEmpty", "The specified hosted zone contains non-required resource record sets"));
    const { provider } = testProvider();
    await expect(provider.delete("Z123", { forceDestroy: false }, {}, callContext(ZONE, "ml"))).rejects.toThrow("set forceDestroy: true");
    r53.reset();
    r53.on(GetHostedZoneCommand).resolves(hosted);
    r53.on(ListResourceRecordSetsCommand).resolves({ ResourceRecordSets: [{ Name: "ml.example.com.", Type: "SOA" }, { Name: "ml.example.com.", Type: "NS" }, { Name: "api.ml.example.com.", Type: "A", TTL: 60, ResourceRecords: [{ Value: "10.0.0.1" }] }], IsTruncated: false, MaxItems: 100 });
    r53.on(ChangeResourceRecordSetsCommand).resolves({ ChangeInfo: { Id: "/change/C2", Status: "INSYNC", SubmittedAt: new Date() } });
    r53.on(GetChangeCommand).resolves({ ChangeInfo: { Id: "/change/C2", Status: "INSYNC", SubmittedAt: new Date() } });
    r53.on(DeleteHostedZoneCommand).resolves({ ChangeInfo: { Id: "/change/C3", Status: "INSYNC", SubmittedAt: new Date() } });
    await provider.delete("Z123", { forceDestroy: true }, {}, callContext(ZONE, "ml"));
    expect(commandNames(r53)).toEqual(["GetHostedZone", "ListResourceRecordSets", "ChangeResourceRecordSets", "GetChange", "DeleteHostedZone", "GetChange"]);
    expect(r53.commandCalls(ChangeResourceRecordSetsCommand)[0]?.args[0].input.ChangeBatch?.Changes?.map((c) => c.ResourceRecordSet?.Type)).toEqual(["A"]);
  });
});

describe("aws:route53/Record", () => {
  const args = { zoneId: "Z123", name: "api.ml.example.com", type: "CNAME", ttl: 300, records: ["lb.example.com"] };

  test("create sends CREATE (never overwriting) and explains a record that exists", async () => {
    r53.on(ChangeResourceRecordSetsCommand).rejects(awsError("InvalidChangeBatch", "Tried to create resource record set [name='api.ml.example.com.', type='CNAME'] but it already exists"));
    const { provider } = testProvider();
    const inputs = await checked(provider, RECORD, args);
    await expect(provider.create(inputs as never, "tok", callContext(RECORD, "api"))).rejects.toThrow("set allowOverwrite: true");
    expect(r53.commandCalls(ChangeResourceRecordSetsCommand)[0]?.args[0].input.ChangeBatch?.Changes?.[0]?.Action).toBe("CREATE");
  });

  test("a TTL change is an UPSERT in place; a type change replaces", async () => {
    r53.on(ChangeResourceRecordSetsCommand).resolves({ ChangeInfo: { Id: "/change/C4", Status: "INSYNC", SubmittedAt: new Date() } });
    r53.on(GetChangeCommand).resolves({ ChangeInfo: { Id: "/change/C4", Status: "INSYNC", SubmittedAt: new Date() } });
    const { provider } = testProvider();
    const olds = await checked(provider, RECORD, args);
    const news = await checked(provider, RECORD, { ...args, ttl: 60 });
    await provider.update("Z123_api.ml.example.com_CNAME", olds as never, news as never, {}, callContext(RECORD, "api"));
    expect(r53.commandCalls(ChangeResourceRecordSetsCommand)[0]?.args[0].input.ChangeBatch?.Changes?.[0]).toMatchObject({ Action: "UPSERT", ResourceRecordSet: { TTL: 60 } });
    const retyped = await checked(provider, RECORD, { ...args, type: "A", records: ["10.0.0.1"] });
    expect(provider.diff(RECORD, "id", olds as never, retyped as never, {}).replaces).toEqual(["type"]);
  });

  test("delete names the record exactly as Route 53 has it now, and an id with underscores in the name parses", async () => {
    const current = { Name: "_acme-challenge.ml.example.com.", Type: "TXT" as const, TTL: 120, ResourceRecords: [{ Value: '"token"' }] };
    r53.on(ListResourceRecordSetsCommand).resolves({ ResourceRecordSets: [current], IsTruncated: false, MaxItems: 10 });
    r53.on(ChangeResourceRecordSetsCommand).resolves({ ChangeInfo: { Id: "/change/C5", Status: "INSYNC", SubmittedAt: new Date() } });
    r53.on(GetChangeCommand).resolves({ ChangeInfo: { Id: "/change/C5", Status: "INSYNC", SubmittedAt: new Date() } });
    const { provider } = testProvider();
    await provider.delete("Z123__acme-challenge.ml.example.com_TXT", {}, {}, callContext(RECORD, "acme"));
    expect(r53.commandCalls(ChangeResourceRecordSetsCommand)[0]?.args[0].input.ChangeBatch?.Changes?.[0]).toEqual({ Action: "DELETE", ResourceRecordSet: current });
  });

  test("every Route 53 call shares one bucket of five per second", () => {
    const { provider } = testProvider();
    expect(provider.limits(RECORD, "create")).toEqual({ key: "route53:*", rate: { burst: 5, perSecond: 5 } });
    expect(provider.limits(ZONE, "delete")).toEqual({ key: "route53:*", rate: { burst: 5, perSecond: 5 } });
  });
});
