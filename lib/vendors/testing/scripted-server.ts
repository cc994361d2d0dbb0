import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { allowCustomHost } from "./custom-host";

/** One request as the scripted server saw it. */
export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
  /** It came on a kept-alive connection that had carried an earlier request. */
  reused: boolean;
}

/** Answers one request; may also destroy the socket or never answer. */
export type Script = (req: SeenRequest, res: ServerResponse, count: number) => void;

/**
 * A tiny HTTP server on an ephemeral port whose behaviour per path is scripted by the test
 * (429s, 5xx, hangs, dropped sockets, HTML bodies). Test support only.
 */
export async function startScriptedServer(routes: Record<string, Script>): Promise<{
  url: string;
  seen: SeenRequest[];
  countOf: (method: string, path: string) => number;
  close: () => Promise<void>;
}> {
  const seen: SeenRequest[] = [];
  const counts = new Map<string, number>();
  const usedSockets = new WeakSet<Socket>();
  const server: Server = createServer((req, res) => {
    const reused = usedSockets.has(req.socket);
    usedSockets.add(req.socket);
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const path = (req.url ?? "/").split("?")[0] ?? "/";
      const entry: SeenRequest = {
        method: req.method ?? "GET",
        path: req.url ?? "/",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        reused,
      };
      seen.push(entry);
      const key = `${entry.method} ${path}`;
      const count = (counts.get(key) ?? 0) + 1;
      counts.set(key, count);
      const script = routes[key] ?? routes[path];
      if (!script) {
        res
          .writeHead(404, { "content-type": "application/json" })
          .end(JSON.stringify({ error: "no script" }));
        return;
      }
      script(entry, res, count);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("the scripted server has no TCP address");
  const { port }: AddressInfo = address;
  const url = `http://127.0.0.1:${port}`;
  // Named as a custom vendor host while it runs, as a self-hosted gateway would be.
  const forget = allowCustomHost(url);
  return {
    url,
    seen,
    countOf: (method, path) => counts.get(`${method} ${path}`) ?? 0,
    close: () =>
      new Promise((resolve) => {
        forget();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Writes a JSON response. */
export function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
}
