import "server-only";
import { createHmac } from "node:crypto";
import { getEnv } from "@/lib/env";
import { parseAllowList } from "@/lib/net/allow-list";
import { guardOutboundUrl, type OutboundDecision, type Resolver } from "@/lib/net/outbound-guard";
import { pinnedRequest, TIMEOUT_CODE, TOO_LARGE_CODE } from "@/lib/net/pinned-request";

/** What an alert says, independent of the body format. */
export interface AlertMessage {
  title: string;
  text: string;
  /** Absolute or app-relative link to the set. */
  href: string | null;
  /** Machine-readable fields for the generic JSON body. */
  data: Record<string, unknown>;
}

/** Receivers verify `sha256=HMAC-SHA256(secret, "<timestamp>.<body>")` and reject old timestamps. */
export const SIGNATURE_HEADER = "x-trustdeck-signature";
export const TIMESTAMP_HEADER = "x-trustdeck-timestamp";
const TIMEOUT_MS = 10_000;

/** The request body: a generic JSON event, or a Slack incoming-webhook message. */
export function webhookBody(format: "json" | "slack", message: AlertMessage, sentAt: Date): string {
  if (format === "slack") {
    const link = message.href ? ` <${message.href}|Open in Trustdeck>` : "";
    return JSON.stringify({
      text: `${message.title}\n${message.text}${link}`,
      blocks: [
        { type: "section", text: { type: "mrkdwn", text: `*${message.title}*\n${message.text}${link}` } },
      ],
    });
  }
  return JSON.stringify({
    type: "trustdeck.alert",
    sentAt: sentAt.toISOString(),
    title: message.title,
    text: message.text,
    href: message.href,
    ...message.data,
  });
}

/** The signature header value for a body. */
export function signBody(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** What the outbound guard says about a webhook URL (ALERT_WEBHOOK_ALLOW_PRIVATE is its allow-list). */
function guardWebhookUrl(raw: string, resolve?: Resolver): Promise<OutboundDecision> {
  return guardOutboundUrl(raw, {
    allow: parseAllowList(getEnv().ALERT_WEBHOOK_ALLOW_PRIVATE),
    allowVariable: "ALERT_WEBHOOK_ALLOW_PRIVATE",
    httpWhenAllowed: true,
    resolve,
  });
}

/**
 * Refuse webhook URLs with credentials, and those that resolve to private or loopback
 * addresses unless ALERT_WEBHOOK_ALLOW_PRIVATE lists them (a dashboard must not become a proxy
 * into its own network), and plain http unless the host is listed there too.
 */
export async function checkWebhookUrl(raw: string, resolve?: Resolver): Promise<string | null> {
  return refusalMessage(await guardWebhookUrl(raw, resolve));
}

function refusalMessage(decision: OutboundDecision): string | null {
  if (decision.ok) return null;
  if (decision.kind === "address")
    return `The webhook host ${decision.host} is a non-public address (${decision.range}); list it in ALERT_WEBHOOK_ALLOW_PRIVATE to allow it.`;
  if (decision.kind === "dns") return `The webhook host does not resolve: ${decision.message}`;
  return decision.message;
}

/**
 * A webhook URL for people other than admins and for the audit log: Slack-style URLs carry
 * their credential in the path, so only the origin is shown.
 */
export function maskWebhookUrl(url: string | null): string | null {
  if (!url || !URL.canParse(url)) return url;
  const parsed = new URL(url);
  return parsed.pathname === "/" && !parsed.search ? parsed.origin : `${parsed.origin}/…`;
}

/** The outcome of one attempt. */
export type SendResult = { ok: true; status: number } | { ok: false; status: number | null; error: string };

/** Signature of the sender, so tests and the scheduler can replace it. */
export type WebhookSender = (request: {
  url: string;
  format: "json" | "slack";
  secret: string | null;
  message: AlertMessage;
  now: Date;
}) => Promise<SendResult>;

const MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * POST one signed alert to an address that passed the guard, pinned (no DNS rebinding between
 * check and connect). Never follows redirects; any 2xx is a delivery.
 */
export const sendWebhook: WebhookSender = async ({ url, format, secret, message, now }) => {
  const decision = await guardWebhookUrl(url);
  if (!decision.ok) return { ok: false, status: null, error: refusalMessage(decision) ?? decision.message };
  const body = webhookBody(format, message, now);
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "user-agent": "Trustdeck-Alerts",
    [TIMESTAMP_HEADER]: timestamp,
  };
  if (secret) headers[SIGNATURE_HEADER] = signBody(secret, timestamp, body);
  const response = await pinnedRequest({
    url: decision.url,
    pinned: decision.addresses[0]!,
    method: "POST",
    headers,
    body,
    timeoutMs: TIMEOUT_MS,
    // Only the status matters; a larger answer is cut off, not buffered.
    maxBytes: MAX_RESPONSE_BYTES,
  });
  if (response.ok)
    return response.status >= 200 && response.status < 300
      ? { ok: true, status: response.status }
      : { ok: false, status: response.status, error: `The receiver answered HTTP ${response.status}.` };
  const reason =
    response.error.code === TIMEOUT_CODE
      ? `no answer within ${TIMEOUT_MS / 1000} s`
      : response.error.code === TOO_LARGE_CODE
        ? `its answer was larger than ${MAX_RESPONSE_BYTES / 1024} KB`
        : (response.error.code ?? response.error.message);
  return { ok: false, status: null, error: `Could not reach the receiver: ${reason}.` };
};
