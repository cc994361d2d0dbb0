// Client-safe: a connection as the browser sees it.
import type { ConnectionEndpoint } from "@/lib/vendors/url-forms";
import type { Vendor } from "./schemas";

/** What the browser may see of a connection: identifiers, and which secrets are set — never their values. */
export type ConnectionView = {
  id: string;
  vendor: Vendor;
  name: string;
  baseUrl: string;
  settings: Record<string, string>;
  /** The URLs the connection calls, resolved from its fields and labelled with how they were chosen. */
  endpoints: ConnectionEndpoint[];
  secretsSet: string[];
  enabled: boolean;
  lastTest: { at: string; ok: boolean; summary: string } | null;
  createdAt: string;
  updatedAt: string;
};
