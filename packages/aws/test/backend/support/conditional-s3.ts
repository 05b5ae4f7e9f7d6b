import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

interface StoredObject {
  body: Buffer;
  etag: string;
  lastModified: Date;
}

/** One request the double answered. */
export interface LoggedRequest {
  readonly method: string;
  readonly key: string;
  readonly status: number;
  readonly bytesIn: number;
}

/** A running double. */
export interface ConditionalS3 {
  readonly endpoint: string;
  readonly log: LoggedRequest[];
  /** The objects, by key (tests may read or age them). */
  readonly objects: Map<string, StoredObject>;
  close(): Promise<void>;
}

/**
 * A tiny S3 over real HTTP (path-style, one bucket) that enforces
 * conditional writes the way S3 does: `PUT` with `If-None-Match: *` on an
 * existing key is 412; `PUT` or `DELETE` with `If-Match` is 412 when the ETag
 * differs and 404 when the key is gone. It answers GetObject, PutObject,
 * DeleteObject, DeleteObjects, CopyObject and ListObjectsV2, which is all the
 * state backend uses.
 */
export async function startConditionalS3(bucket: string): Promise<ConditionalS3> {
  const objects = new Map<string, StoredObject>();
  const log: LoggedRequest[] = [];
  let version = 0;
  const server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const url = new URL(req.url ?? "/", "http://local");
      const [, bucketName, ...rest] = url.pathname.split("/");
      const key = decodeURIComponent(rest.join("/"));
      const reply = (status: number, xml = "", headers: Record<string, string> = {}): void => {
        log.push({ method: req.method ?? "", key, status, bytesIn: body.length });
        res.writeHead(status, { "content-type": "application/xml", ...headers });
        res.end(xml);
      };
      if (bucketName !== bucket) return reply(404, errorXml("NoSuchBucket", "The specified bucket does not exist"));
      const ifMatch = header(req, "if-match");
      const ifNoneMatch = header(req, "if-none-match");
      const existing = objects.get(key);
      if (req.method === "PUT" && header(req, "x-amz-copy-source") !== undefined) {
        const source = decodeURIComponent(header(req, "x-amz-copy-source")!.replace(/^\//, "")).slice(bucket.length + 1);
        const from = objects.get(source);
        if (from === undefined) return reply(404, errorXml("NoSuchKey", "The specified key does not exist."));
        const copy = { body: from.body, etag: from.etag, lastModified: new Date() };
        objects.set(key, copy);
        return reply(200, `<CopyObjectResult><ETag>${copy.etag}</ETag><LastModified>${copy.lastModified.toISOString()}</LastModified></CopyObjectResult>`);
      }
      if (req.method === "PUT") {
        if (ifNoneMatch === "*" && existing !== undefined) return reply(412, errorXml("PreconditionFailed", "At least one of the pre-conditions you specified did not hold"));
        if (ifMatch !== undefined && existing === undefined) return reply(404, errorXml("NoSuchKey", "The specified key does not exist."));
        if (ifMatch !== undefined && existing!.etag !== ifMatch) return reply(412, errorXml("PreconditionFailed", "At least one of the pre-conditions you specified did not hold"));
        const etag = `"${createHash("md5").update(body).update(String(++version)).digest("hex")}"`;
        objects.set(key, { body, etag, lastModified: new Date() });
        return reply(200, "", { etag });
      }
      if (req.method === "GET" && url.searchParams.get("list-type") === "2") return reply(200, listXml(bucket, objects, url.searchParams));
      if (req.method === "GET" || req.method === "HEAD") {
        if (existing === undefined) return reply(404, errorXml("NoSuchKey", "The specified key does not exist."));
        log.push({ method: req.method, key, status: 200, bytesIn: body.length });
        res.writeHead(200, { etag: existing.etag, "last-modified": existing.lastModified.toUTCString(), "content-length": String(existing.body.length) });
        return res.end(req.method === "GET" ? existing.body : undefined);
      }
      if (req.method === "DELETE") {
        if (ifMatch !== undefined && existing === undefined) return reply(404, errorXml("NoSuchKey", "The specified key does not exist."));
        if (ifMatch !== undefined && existing!.etag !== ifMatch) return reply(412, errorXml("PreconditionFailed", "At least one of the pre-conditions you specified did not hold"));
        objects.delete(key);
        return reply(204);
      }
      if (req.method === "POST" && url.searchParams.has("delete")) {
        const keys = [...body.toString("utf8").matchAll(/<Key>([^<]*)<\/Key>/g)].map((m) => unescapeXml(m[1]!));
        for (const k of keys) objects.delete(k);
        return reply(200, `<DeleteResult>${keys.map((k) => `<Deleted><Key>${escapeXml(k)}</Key></Deleted>`).join("")}</DeleteResult>`);
      }
      return reply(501, errorXml("NotImplemented", `${req.method} is not implemented by the test double`));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    log,
    objects,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function listXml(bucket: string, objects: Map<string, StoredObject>, params: URLSearchParams): string {
  const prefix = params.get("prefix") ?? "";
  const delimiter = params.get("delimiter") ?? "";
  const contents: string[] = [];
  const prefixes = new Set<string>();
  for (const key of [...objects.keys()].sort()) {
    if (!key.startsWith(prefix)) continue;
    const rest = key.slice(prefix.length);
    const cut = delimiter === "" ? -1 : rest.indexOf(delimiter);
    if (cut >= 0) prefixes.add(prefix + rest.slice(0, cut + delimiter.length));
    else {
      const o = objects.get(key)!;
      contents.push(`<Contents><Key>${escapeXml(key)}</Key><LastModified>${o.lastModified.toISOString()}</LastModified><ETag>${escapeXml(o.etag)}</ETag><Size>${o.body.length}</Size><StorageClass>STANDARD</StorageClass></Contents>`);
    }
  }
  const common = [...prefixes].map((p) => `<CommonPrefixes><Prefix>${escapeXml(p)}</Prefix></CommonPrefixes>`).join("");
  return `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>${bucket}</Name><Prefix>${escapeXml(prefix)}</Prefix><KeyCount>${contents.length}</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>${contents.join("")}${common}</ListBucketResult>`;
}

function errorXml(code: string, message: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function unescapeXml(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}
