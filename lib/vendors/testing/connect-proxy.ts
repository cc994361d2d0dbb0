import { createServer } from "node:http";
import { connect, type Socket } from "node:net";

/**
 * A forward proxy on an ephemeral port that tunnels CONNECT requests and records their targets
 * (`host:port`). Plain absolute-form requests are refused with 501 and recorded as such, so a
 * test sees any request that tried to bypass the tunnel. Test support only.
 */
export async function startConnectProxy(): Promise<{
  url: string;
  connects: string[];
  refused: string[];
  /** Bytes clients sent through tunnels so far: grows with every request a tunnel carries. */
  tunnelledBytes: () => number;
  close: () => Promise<void>;
}> {
  let tunnelledBytes = 0;
  const connects: string[] = [];
  const refused: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    refused.push(`${req.method} ${req.url}`);
    res.writeHead(501).end();
  });
  server.on("connect", (req, client: Socket, head: Buffer) => {
    const target = req.url ?? "";
    connects.push(target);
    const { hostname, port } = new URL(`http://${target}`);
    const upstream = connect({
      host: hostname.replace(/^\[|\]$/g, ""),
      port: Number(port),
      autoSelectFamily: true,
    });
    sockets.add(client).add(upstream);
    client.on("data", (chunk: Buffer) => {
      tunnelledBytes += chunk.length;
    });
    upstream.on("connect", () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      if (head.length) upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    const drop = () => {
      client.destroy();
      upstream.destroy();
    };
    upstream.on("error", () => {
      if (!client.destroyed) client.end("HTTP/1.1 502 Bad Gateway\r\n\r\n");
    });
    client.on("error", drop);
    client.on("close", drop);
    upstream.on("close", drop);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("the proxy has no TCP address");
  return {
    url: `http://127.0.0.1:${address.port}`,
    connects,
    refused,
    tunnelledBytes: () => tunnelledBytes,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
