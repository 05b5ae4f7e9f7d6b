const BY_EXTENSION: Readonly<Record<string, string>> = {
  json: "application/json",
  txt: "text/plain",
  md: "text/markdown",
  html: "text/html",
  css: "text/css",
  js: "text/javascript",
  csv: "text/csv",
  yaml: "application/yaml",
  yml: "application/yaml",
  xml: "application/xml",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  svg: "image/svg+xml",
  gz: "application/gzip",
  tgz: "application/gzip",
  zip: "application/zip",
  tar: "application/x-tar",
  parquet: "application/vnd.apache.parquet",
  onnx: "application/octet-stream",
};

/** A content type for an object key, from its extension; `application/octet-stream` when unknown. */
export function contentTypeFor(key: string): string {
  const dot = key.lastIndexOf(".");
  const extension = dot < 0 ? "" : key.slice(dot + 1).toLowerCase();
  return BY_EXTENSION[extension] ?? "application/octet-stream";
}
