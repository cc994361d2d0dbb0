// Client-safe: a connection as the browser sees it.
import type { Vendor } from "./schemas";

/** What the browser may see of a connection: identifiers, and which secrets are set — never their values. */
export type ConnectionView = {
  id: string;
  vendor: Vendor;
  name: string;
  baseUrl: string;
  settings: Record<string, string>;
  secretsSet: string[];
  enabled: boolean;
  lastTest: { at: string; ok: boolean; summary: string } | null;
  createdAt: string;
  updatedAt: string;
};
