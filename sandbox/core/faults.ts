import type { ServiceName } from "./http-types";

/** The kinds of fault a test can inject. */
export const FAULT_KINDS = [
  "latency",
  "timeout",
  "drop",
  "status",
  "rate-limit",
  "malformed",
  "lost-response",
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** What a test asks for (POST /__sandbox/faults). */
export interface FaultSpec {
  /** Limit to one service; by default the path decides. */
  service?: ServiceName;
  /** HTTP method; any when omitted. */
  method?: string;
  /**
   * The request path (no query): a glob where `*` is one segment and `**` anything,
   * or a regular expression when the string starts with `^`.
   */
  path: string;
  kind: FaultKind;
  /** `status`: the status to answer (default 500). */
  status?: number;
  /** `rate-limit`: Retry-After seconds (default 1). */
  retryAfter?: number;
  /** `latency`: delay before handling (default 1000); `timeout`: how long to hold the connection (default 120 000). */
  delayMs?: number;
  /** How many matching requests to affect; every one when omitted. */
  count?: number;
}

/** A registered fault. */
export interface Fault extends FaultSpec {
  id: string;
  hits: number;
}

interface ActiveFault extends Fault {
  matcher: RegExp;
}

/** Turns a path glob into an anchored regular expression. */
export function globToRegExp(glob: string): RegExp {
  if (glob.startsWith("^")) return new RegExp(glob);
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "*" && glob[i + 1] === "*") {
      re += ".*";
      i++;
    } else if (c === "*") {
      re += "[^/]*";
    } else {
      re += c.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
    }
  }
  return new RegExp(`^${re}$`);
}

/** Validates a fault spec from JSON against the services that exist; returns an error message or the spec. */
export function parseFaultSpec(input: unknown, services?: readonly ServiceName[]): FaultSpec | string {
  if (typeof input !== "object" || input === null) return "body must be a JSON object";
  const o = input as Record<string, unknown>;
  if (typeof o.path !== "string" || o.path === "") return "path is required";
  if (typeof o.kind !== "string" || !(FAULT_KINDS as readonly string[]).includes(o.kind))
    return `kind must be one of ${FAULT_KINDS.join(", ")}`;
  for (const k of ["status", "retryAfter", "delayMs", "count"] as const) {
    if (o[k] !== undefined && (typeof o[k] !== "number" || !Number.isFinite(o[k]) || (o[k] as number) < 0))
      return `${k} must be a non-negative number`;
  }
  if (o.method !== undefined && typeof o.method !== "string") return "method must be a string";
  if (
    o.service !== undefined &&
    (typeof o.service !== "string" || (services && !services.includes(o.service)))
  )
    return "service is unknown";
  try {
    globToRegExp(o.path);
  } catch {
    return "path is not a valid regular expression";
  }
  return {
    path: o.path,
    kind: o.kind as FaultKind,
    ...(o.service !== undefined && { service: o.service as ServiceName }),
    ...(o.method !== undefined && { method: (o.method as string).toUpperCase() }),
    ...(o.status !== undefined && { status: o.status as number }),
    ...(o.retryAfter !== undefined && { retryAfter: o.retryAfter as number }),
    ...(o.delayMs !== undefined && { delayMs: o.delayMs as number }),
    ...(o.count !== undefined && { count: o.count as number }),
  };
}

/** The registered faults, shared by every service of one sandbox. */
export class FaultRegistry {
  private faults: ActiveFault[] = [];
  private nextId = 1;

  /** Registers a fault; the newest matching fault wins. */
  add(spec: FaultSpec): Fault {
    const fault: ActiveFault = {
      ...spec,
      id: `fault-${this.nextId++}`,
      hits: 0,
      matcher: globToRegExp(spec.path),
    };
    this.faults.unshift(fault);
    return publicFault(fault);
  }

  /** Takes the fault for a request, counting it; removes it once its count is used up. */
  take(service: ServiceName, method: string, path: string): Fault | undefined {
    if (this.faults.length === 0) return undefined;
    const fault = this.faults.find(
      (f) =>
        (!f.service || f.service === service) && (!f.method || f.method === method) && f.matcher.test(path),
    );
    if (!fault) return undefined;
    fault.hits++;
    if (fault.count !== undefined && fault.hits >= fault.count)
      this.faults = this.faults.filter((f) => f !== fault);
    return publicFault(fault);
  }

  /** The active faults. */
  list(): Fault[] {
    return this.faults.map(publicFault);
  }

  /** Removes every fault. */
  clear(): void {
    this.faults = [];
  }
}

function publicFault(f: ActiveFault): Fault {
  const { matcher: _matcher, ...rest } = f;
  return { ...rest };
}
