import { createServer, type IncomingMessage, type Server } from "node:http";

/** A local HTTP listener that counts connections and requests, answering each with `status`. */
export interface CountingListener {
  url: string;
  host: string;
  connections: number;
  requests: { method: string; url: string; headers: IncomingMessage["headers"]; body: string }[];
  close(): Promise<void>;
}

/**
 * Starts a listener on 127.0.0.1 (ephemeral port). It stands in for a vendor host or for the host
 * a secret must never reach: a test asserts `connections` stays 0. Test support only.
 */
export async function startCountingListener(
  answer: { status: number; body?: unknown; headers?: Record<string, string> } = { status: 401, body: {} },
): Promise<CountingListener> {
  const server: Server = createServer();
  const listener: CountingListener = {
    url: "",
    host: "",
    connections: 0,
    requests: [],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  server.on("connection", () => listener.connections++);
  server.on("request", (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      listener.requests.push({
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      res
        .writeHead(answer.status, { "content-type": "application/json", ...answer.headers })
        .end(JSON.stringify(answer.body ?? {}));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  listener.host = `127.0.0.1:${port}`;
  listener.url = `http://${listener.host}`;
  return listener;
}
