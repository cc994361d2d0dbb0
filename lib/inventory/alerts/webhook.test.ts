import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkWebhookUrl, maskWebhookUrl, signBody, webhookBody, type AlertMessage } from "./webhook";

const message: AlertMessage = {
  title: "Certificate expired: idp",
  text: "Certificate AB:CD… expired.",
  href: "/certificates/c/s",
  data: { threshold: "expired" },
};
const now = new Date("2026-06-01T00:00:00.000Z");

describe("webhook bodies", () => {
  it("generic JSON carries the fields", () => {
    expect(JSON.parse(webhookBody("json", message, now))).toEqual({
      type: "trustdeck.alert",
      sentAt: now.toISOString(),
      title: message.title,
      text: message.text,
      href: message.href,
      threshold: "expired",
    });
  });

  it("Slack-compatible has text and a section block", () => {
    const body = JSON.parse(webhookBody("slack", message, now)) as {
      text: string;
      blocks: { type: string; text: { type: string; text: string } }[];
    };
    expect(body.text).toContain("Certificate expired: idp");
    expect(body.blocks[0]).toMatchObject({ type: "section", text: { type: "mrkdwn" } });
  });

  it("signs timestamp and body with HMAC-SHA256", () => {
    const body = webhookBody("json", message, now);
    expect(signBody("k", "1780272000", body)).toBe(
      `sha256=${createHmac("sha256", "k").update(`1780272000.${body}`).digest("hex")}`,
    );
  });

  it("shows only the origin of a webhook URL to non-admins", () => {
    expect(maskWebhookUrl("https://hooks.slack.com/services/T0/B0/secret")).toBe("https://hooks.slack.com/…");
    expect(maskWebhookUrl("https://example.com")).toBe("https://example.com");
  });

  it("refuses loopback and private receivers unless allowed (ALERT_WEBHOOK_ALLOW_PRIVATE is unset here)", async () => {
    await expect(checkWebhookUrl("http://127.0.0.1:9/hook")).resolves.toMatch(
      /non-public address \(loopback/,
    );
    await expect(checkWebhookUrl("https://10.1.2.3/hook")).resolves.toMatch(/ALERT_WEBHOOK_ALLOW_PRIVATE/);
  });
});
