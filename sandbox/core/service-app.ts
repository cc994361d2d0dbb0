import type { Reply, RequestContext, ServiceName } from "./http-types";

/**
 * What one simulated service plugs into the shared server layer: its routes, its
 * request-id format, its error shape for injected faults, and the headers it puts on
 * every response.
 */
export interface ServiceApp {
  service: ServiceName;
  /** A new vendor-shaped request id. */
  newRequestId(): string;
  /** Answers a request (including the vendor's own 404). */
  handle(ctx: RequestContext): Promise<Reply>;
  /** The vendor's error reply for an injected status or 429. */
  faultReply(status: number, ctx: RequestContext, retryAfterSeconds?: number): Reply;
  /** Adds headers the vendor sends on every response. */
  decorate(reply: Reply, ctx: RequestContext): Reply;
}

/** Handles `/__sandbox/*` routes; undefined when the path is not one. */
export type ControlHandler = (ctx: RequestContext) => Promise<Reply | undefined>;
