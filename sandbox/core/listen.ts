import type { Server as HttpServer } from "node:http";
import type { Server as HttpsServer } from "node:https";

type Server = HttpServer | HttpsServer;

/** Listens on `port` (0 = ephemeral) and resolves the port actually bound. */
export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : port);
    });
  });
}

/** Closes a server and every open (keep-alive or held) connection. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** `http://host:port` with IPv6 hosts bracketed; a wildcard host is shown as 127.0.0.1. */
export function originFor(protocol: "http" | "https", host: string, port: number): string {
  const shown = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
  return `${protocol}://${shown.includes(":") ? `[${shown}]` : shown}:${port}`;
}
