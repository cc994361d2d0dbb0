import { Alert } from "@/components/ui/alert";
import type { ExchangeFailurePoint } from "@/lib/federated/exchange-error";
import type { CredentialVerdict } from "@/lib/federated/matcher";
import type { ExchangeView } from "@/lib/federated/types";
import { relativeTime } from "@/lib/federated/time-words";

const POINTS: Record<ExchangeFailurePoint, string> = {
  iss: "the issuer (iss)",
  aud: "the audience (aud)",
  sub: "the subject (sub)",
  exp: "the expiry (exp)",
  nbf: "the start of validity (nbf)",
  alg: "the signature algorithm (alg)",
  kid: "the signing key (kid)",
  size: "the token's size",
  signature: "the signature",
  scope: "the requested scopes",
  client: "the application itself",
};

/** UiPath's answer to a test exchange: what it granted, or which claim it refused. */
export function ExchangeResult({
  view,
  nearest,
  now,
}: {
  view: ExchangeView;
  nearest: CredentialVerdict | undefined;
  now: number;
}) {
  if (view.exchanged) {
    const expires = Math.floor(Date.parse(view.expiresAt) / 1000);
    return (
      <Alert tone="success" title="UiPath accepted the token" className="space-y-1">
        <p data-testid="exchange-granted">
          It issued a {view.tokenType} access token (not shown, and not kept) with the scopes{" "}
          <strong>{view.grantedScopes.join(", ") || "none"}</strong>, expiring {relativeTime(expires, now)} (
          {view.expiresAt}).
        </p>
      </Alert>
    );
  }
  const claim = view.point && nearest?.checks.find((c) => c.claim === view.point);
  return (
    <Alert tone="error" title="UiPath refused the token">
      <p>{view.message}</p>
      {view.point ? (
        <p className="mt-1" data-testid="exchange-point">
          UiPath&apos;s answer points at {POINTS[view.point]}
          {claim ? `: ${claim.message}` : "."}
        </p>
      ) : null}
      {view.requestId ? <p className="mt-1 text-xs">UiPath request id {view.requestId}</p> : null}
    </Alert>
  );
}
