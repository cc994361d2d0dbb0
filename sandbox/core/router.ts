import type { Handler } from "./http-types";

interface Route {
  method: string;
  segments: string[];
  handler: Handler;
}

/** The result of a lookup: a handler with its decoded parameters, or nothing. */
export interface RouteMatch {
  handler: Handler;
  params: Record<string, string>;
}

/**
 * A tiny method + path router. Patterns are `/a/:param/b`; a parameter matches one
 * segment. ASP.NET (UiPath) matches literal segments case-insensitively, so that is
 * an option.
 */
export class Router {
  private readonly routes: Route[] = [];

  constructor(private readonly options: { caseInsensitive?: boolean } = {}) {}

  /** Registers a handler. */
  on(method: string, pattern: string, handler: Handler): this {
    this.routes.push({ method: method.toUpperCase(), segments: split(pattern), handler });
    return this;
  }

  /** Finds the first route that matches. */
  match(method: string, path: string): RouteMatch | undefined {
    const parts = split(path);
    for (const route of this.routes) {
      if (route.method !== method || route.segments.length !== parts.length) continue;
      const params = this.matchSegments(route.segments, parts);
      if (params) return { handler: route.handler, params };
    }
    return undefined;
  }

  private matchSegments(pattern: string[], parts: string[]): Record<string, string> | undefined {
    const params: Record<string, string> = {};
    for (let i = 0; i < pattern.length; i++) {
      const p = pattern[i]!;
      const v = parts[i]!;
      if (p.startsWith(":")) {
        if (v === "") return undefined;
        params[p.slice(1)] = v;
      } else if (this.options.caseInsensitive ? p.toLowerCase() !== v.toLowerCase() : p !== v) {
        return undefined;
      }
    }
    return params;
  }
}

function split(path: string): string[] {
  const trimmed = path.replace(/^\/+/, "").replace(/\/+$/, "");
  return trimmed === "" ? [] : trimmed.split("/");
}
