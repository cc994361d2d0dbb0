import type { ServiceName } from "./http-types";
import type { FaultKind } from "./faults";

/** One logged request. Never holds bodies, secrets or Authorization values. */
export interface RequestLogEntry {
  seq: number;
  service: ServiceName;
  method: string;
  path: string;
  /** The query string with secret-looking parameters redacted. */
  query: string;
  /** Null when no response was sent (drop, timeout, lost-response). */
  status: number | null;
  /** Sandbox time at arrival (ISO). */
  time: string;
  durationMs: number;
  /** The vendor request id (UiPath traceId, Cloudflare cf-ray, Huawei X-Request-Id). */
  requestId: string;
  fault?: FaultKind;
}

const SECRET_PARAM = /secret|token|key|assertion|signature|password|credential/i;

/** Redacts query parameters whose names suggest a secret. */
export function redactQuery(query: URLSearchParams): string {
  const out = new URLSearchParams();
  for (const [k, v] of query) out.append(k, SECRET_PARAM.test(k) ? "[redacted]" : v);
  return out.toString();
}

/** A bounded request log (a ring: the bench sends hundreds of thousands of requests). */
export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private seq = 0;

  constructor(private readonly capacity = 5000) {}

  /** Appends an entry, dropping the oldest beyond capacity. */
  add(entry: Omit<RequestLogEntry, "seq">): void {
    this.entries.push({ seq: ++this.seq, ...entry });
    if (this.entries.length > this.capacity * 1.25) this.entries = this.entries.slice(-this.capacity);
  }

  /** The retained entries, oldest first, optionally for one service. */
  list(service?: ServiceName): RequestLogEntry[] {
    const all = this.entries.slice(-this.capacity);
    return service ? all.filter((e) => e.service === service) : all;
  }

  /** Forgets every entry. */
  clear(): void {
    this.entries = [];
  }
}
