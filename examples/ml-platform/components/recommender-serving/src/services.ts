import type { Input } from "@cairn/core";

/** The recommender's services. */
export type ServiceName = "embedding" | "ranking" | "candidates" | "business";

/** The services in the order they are created and routed. */
export const SERVICE_NAMES: readonly ServiceName[] = ["embedding", "ranking", "candidates", "business"];

/** How one service runs. */
export interface ServiceSpec {
  /** The instance type. @default per service: embedding and ranking "c6i.large", candidates "r6i.large" (the index lives in memory), business "t3.medium" */
  readonly instanceType?: Input<string>;
  /** Instances kept running (the group's minimum and desired size). @default 1 */
  readonly replicas?: number;
  /** The most instances the group may scale to. @default twice `replicas` */
  readonly maxReplicas?: number;
  /** The container image the instance runs. @default `public.ecr.aws/cairn-ml/<service>:latest` */
  readonly image?: Input<string>;
}

/** What each service is, apart from how it runs. */
export interface ServiceRole {
  /** The load balancer's path patterns; the business service takes everything else. */
  readonly paths: readonly string[];
  /** The listener rule's priority (lower is matched first). */
  readonly priority: number;
  readonly defaultInstanceType: string;
  readonly description: string;
}

/** The routes and defaults of each service. */
export const SERVICE_ROLES: Readonly<Record<ServiceName, ServiceRole>> = {
  embedding: { paths: ["/v1/embed", "/v1/embed/*"], priority: 10, defaultInstanceType: "c6i.large", description: "embeds users and items with the embedding model" },
  ranking: { paths: ["/v1/rank", "/v1/rank/*"], priority: 20, defaultInstanceType: "c6i.large", description: "scores candidates through the ranking endpoint" },
  candidates: { paths: ["/v1/candidates", "/v1/candidates/*"], priority: 30, defaultInstanceType: "r6i.large", description: "nearest-neighbour candidates from the index in the registry" },
  business: { paths: [], priority: 0, defaultInstanceType: "t3.medium", description: "business rules; the default route" },
};

/** The settings every service's start script needs. */
export interface StartSettings {
  readonly service: ServiceName;
  readonly image: string;
  readonly port: number;
  readonly bucket: string;
  readonly candidateIndexKey: string;
  readonly rankingEndpointName: string;
  readonly region: string;
}

/**
 * The instance's start script: installs Docker, fetches the candidate index
 * from the registry's bucket (the candidates service only) and runs the
 * service's container on the app port.
 */
export function startScript(s: StartSettings): string {
  const lines = ["#!/bin/bash", "set -euo pipefail", "dnf install -y docker && systemctl enable --now docker", "mkdir -p /srv/data"];
  if (s.service === "candidates") lines.push(`aws s3 cp "s3://${s.bucket}/${s.candidateIndexKey}" /srv/data/index --region ${s.region}`);
  const env = [`SERVICE=${s.service}`, `PORT=${s.port}`, `AWS_REGION=${s.region}`, `RANKING_ENDPOINT=${s.rankingEndpointName}`, `ARTIFACT_BUCKET=${s.bucket}`];
  lines.push(`docker run -d --restart always -p ${s.port}:${s.port} -v /srv/data:/srv/data ${env.map((e) => `-e ${e}`).join(" ")} ${s.image}`);
  return `${lines.join("\n")}\n`;
}
