import "server-only";

import type { ConnectionFor } from "../model";
import type { VendorRateBudget } from "../rate-budget";

const FIVE_MINUTES = 5 * 60_000;

/** The organization a limit is kept for: the same name at another access URL is another tenant. */
const organization = (conn: ConnectionFor<"uipath">) => `${conn.baseUrl}/${conn.organizationName}`;

/**
 * UiPath Automation Cloud's documented limits: per organization, in 5-minute windows, GET 300,
 * POST 24 000, and PUT, PATCH and DELETE 160 each (a 429 beyond them). The token endpoint's POSTs
 * count with the other POSTs.
 */
export const uipathRateBudget: VendorRateBudget<ConnectionFor<"uipath">> = {
  source: "UiPath Automation Cloud API rate limits (per organization, 5-minute windows)",
  rules: [
    {
      name: "GET per organization",
      methods: ["GET"],
      limit: 300,
      windowMs: FIVE_MINUTES,
      scope: organization,
    },
    {
      name: "POST per organization",
      methods: ["POST"],
      limit: 24_000,
      windowMs: FIVE_MINUTES,
      scope: organization,
    },
    {
      name: "PUT per organization",
      methods: ["PUT"],
      limit: 160,
      windowMs: FIVE_MINUTES,
      scope: organization,
    },
    {
      name: "PATCH per organization",
      methods: ["PATCH"],
      limit: 160,
      windowMs: FIVE_MINUTES,
      scope: organization,
    },
    {
      name: "DELETE per organization",
      methods: ["DELETE"],
      limit: 160,
      windowMs: FIVE_MINUTES,
      scope: organization,
    },
  ],
};
