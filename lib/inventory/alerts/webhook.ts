import "server-only";
import { createHmac } from "node:crypto";
import { lookup } from "node:dns/promises";
import { getEnv } from "@/lib/env";
import { isAllowed, nonPublicRange, parseAllowList } from "@/lib/federated/address-guard";

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

/**
 * Refuse webhook URLs that resolve to private or loopback addresses unless they are listed in
 * ALERT_WEBHOOK_ALLOW_PRIVATE (a dashboard must not become a proxy into its own network), and
 * plain http unless the host is listed there too.
 */
export async function checkWebhookUrl(raw: string): Promise<string | null> {
  const url = new URL(raw);
  const allow = parseAllowList(getEnv().ALERT_WEBHOOK_ALLOW_PRIVATE);
  const port = Number(url.port) || (url.protocol === "https:" ? 443 : 80);
  const addresses = await lookup(url.hostname.replace(/^\[|\]$/g, ""), { all: true }).catch(() => []);
  if (addresses.length === 0) return `The webhook host ${url.hostname} does not resolve.`;
  for (const { address } of addresses) {
    const range = nonPublicRange(address);
    if (range && !isAllowed(allow, url.hostname, port, address))
      return `The webhook host ${url.hostname} is a non-public address (${range}); list it in ALERT_WEBHOOK_ALLOW_PRIVATE to allow it.`;
  }
  if (url.protocol !== "https:" && !isAllowed(allow, url.hostname, port, addresses[0]!.address))
    return "Webhooks must use https:// (plain http is only allowed for hosts in ALERT_WEBHOOK_ALLOW_PRIVATE).";
  return null;
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

/** POST one signed alert. Never follows redirects; any 2xx is a delivery. */
export const sendWebhook: WebhookSender = async ({ url, format, secret, message, now }) => {
  const refused = await checkWebhookUrl(url);
  if (refused) return { ok: false, status: null, error: refused };
  const body = webhookBody(format, message, now);
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "user-agent": "Trustdeck-Alerts",
    [TIMESTAMP_HEADER]: timestamp,
  };
  if (secret) headers[SIGNATURE_HEADER] = signBody(secret, timestamp, body);
  try {
    const response = await fetch(url, {
      method: "POST",
      headers,
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await response.body?.cancel().catch(() => undefined);
    return response.ok
      ? { ok: true, status: response.status }
      : { ok: false, status: response.status, error: `The receiver answered HTTP ${response.status}.` };
  } catch (error) {
    const reason =
      error instanceof Error && error.name === "TimeoutError"
        ? `no answer within ${TIMEOUT_MS / 1000} s`
        : error instanceof Error
          ? error.message
          : "unknown error";
    return { ok: false, status: null, error: `Could not reach the receiver: ${reason}.` };
  }
};
