import type { ConnectionFieldSpec } from "../descriptor";

/**
 * The Cloudflare connection form's fields in display order (label, hint, placeholder, secret, optional).
 * Client-safe, and apart from the descriptor so pages that only show certificates do not ship it.
 */
export const cloudflareConnectionForm = [
  { name: "baseUrl", label: "API base URL", placeholder: "https://api.cloudflare.com/client/v4" },
  { name: "accountId", label: "Account ID", placeholder: "32 hexadecimal characters" },
  {
    name: "apiToken",
    label: "API token",
    secret: true,
    hint: "An API token (not the global API key) with Access read and edit permissions for this account.",
  },
] as const satisfies readonly ConnectionFieldSpec[];
