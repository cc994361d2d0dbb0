import type { IncomingMessage, ServerResponse } from "node:http";
import type { SandboxClock } from "./clock";
import type { FaultRegistry, Fault } from "./faults";
import type { RequestContext, Reply } from "./http-types";
import type { ControlHandler, ServiceApp } from "./service-app";
import { redactQuery, type RequestLog } from "./request-log";

/** Huawei's AK/SK gateway accepts bodies up to 12 MB; the other vendors are stricter. */
const MAX_BODY_BYTES = 12 * 1024 * 1024;

/** Shared state every service server of one sandbox uses. */
export interface ServerDeps {
  app: ServiceApp;
  clock: SandboxClock;
  faults: FaultRegistry;
  log: RequestLog;
  /** Present only when the control plane is enabled. */
  control?: ControlHandler;
  /** Aborted on stop, to end held (timeout) connections. */
  stopSignal: AbortSignal;
  /** Told after a request that may have changed vendor state (any method but GET, HEAD, OPTIONS). */
  onChange?: () => void;
}

/**
 * The one request pipeline for every simulated service: read the body, answer
 * control routes, apply an injected fault, route, decorate, write, log.
 */
export function createRequestListener(deps: ServerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handleRequest(deps, req, res).catch((error: unknown) => {
      console.error(
        `[sandbox:${deps.app.service}] request failed:`,
        error instanceof Error ? error.message : error,
      );
      if (!res.headersSent) {
        res.statusCode = 500;
        res.end();
      }
    });
  };
}

async function handleRequest(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = performance.now();
  const body = await readBody(req);
  if (body === "too-large") {
    res.writeHead(413, { connection: "close" }).end();
    return;
  }
  const ctx = buildContext(deps, req, body);

  if (deps.control && ctx.rawPath.startsWith("/__sandbox/")) {
    const reply = await deps.control(ctx);
    if (reply) {
      write(res, reply);
      return;
    }
  }

  const logEntry = (status: number | null, fault?: Fault) =>
    deps.log.add({
      service: ctx.service,
      method: ctx.method,
      path: ctx.rawPath,
      query: redactQuery(ctx.query),
      status,
      time: ctx.now.toISOString(),
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      requestId: ctx.requestId,
      ...(fault && { fault: fault.kind }),
    });

  const fault = deps.faults.take(ctx.service, ctx.method, ctx.rawPath);
  let reply: Reply;
  switch (fault?.kind) {
    case undefined:
      reply = await deps.app.handle(ctx);
      break;
    case "latency":
      await sleep(fault.delayMs ?? 1000, deps.stopSignal);
      reply = await deps.app.handle(ctx);
      break;
    case "drop":
      req.socket.destroy();
      logEntry(null, fault);
      return;
    case "timeout":
      await sleep(fault.delayMs ?? 120_000, deps.stopSignal, req);
      req.socket.destroy();
      logEntry(null, fault);
      return;
    case "status":
      reply = deps.app.faultReply(fault.status ?? 500, ctx);
      break;
    case "rate-limit":
      reply = deps.app.faultReply(429, ctx, fault.retryAfter ?? 1);
      break;
    case "malformed":
      // A truncated JSON document, as when a proxy cuts a response short.
      reply = {
        status: 200,
        headers: { "content-type": "application/json" },
        body: '{"success":true,"result":[{"uid":"',
      };
      break;
    case "lost-response":
      // The write is applied; the client only sees the connection die.
      reply = await deps.app.handle(ctx);
      req.socket.destroy();
      logEntry(reply.status, fault);
      mayHaveChanged(deps, ctx);
      return;
  }
  reply = deps.app.decorate(reply, ctx);
  write(res, reply);
  logEntry(reply.status, fault);
  if (fault?.kind !== "status" && fault?.kind !== "rate-limit" && fault?.kind !== "malformed")
    mayHaveChanged(deps, ctx);
}

function mayHaveChanged(deps: ServerDeps, ctx: RequestContext): void {
  if (deps.onChange && !["GET", "HEAD", "OPTIONS"].includes(ctx.method)) deps.onChange();
}

function buildContext(deps: ServerDeps, req: IncomingMessage, body: Buffer): RequestContext {
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  const rawPath = q === -1 ? url : url.slice(0, q);
  const rawQuery = q === -1 ? "" : url.slice(q + 1);
  let path = rawPath;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    // keep the raw path; the router will not match it
  }
  return {
    service: deps.app.service,
    method: (req.method ?? "GET").toUpperCase(),
    rawPath,
    path,
    rawQuery,
    query: new URLSearchParams(rawQuery),
    headers: req.headers,
    body,
    params: {},
    requestId: deps.app.newRequestId(),
    now: deps.clock.now(),
  };
}

function write(res: ServerResponse, reply: Reply): void {
  const body = reply.body ?? "";
  const headers: Record<string, string | number> = {
    ...reply.headers,
    "content-length": Buffer.byteLength(body),
  };
  res.writeHead(reply.status, headers);
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<Buffer | "too-large"> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(tooLarge ? "too-large" : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** Waits `ms`, or less if the sandbox stops or the client goes away. */
function sleep(ms: number, signal: AbortSignal, req?: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      req?.socket.off("close", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
    req?.socket.once("close", done);
  });
}
