import { Table, Td, Th } from "@/components/ui/table";
import type { DecodedJwt } from "@/lib/federated/jwt";
import { isoSeconds, kilobytes, relativeTime } from "@/lib/federated/time-words";

const LABELS: Record<string, string> = {
  alg: "Signature algorithm",
  kid: "Key id",
  typ: "Type",
  iss: "Issuer",
  sub: "Subject",
  aud: "Audience",
  exp: "Expires",
  nbf: "Not before",
  iat: "Issued at",
  jti: "Token id",
};

// The claims UiPath checks first, then the rest as the token has them.
const HEADER_ORDER = ["alg", "kid", "typ"];
const PAYLOAD_ORDER = ["iss", "sub", "aud", "exp", "nbf", "iat"];

function ordered(claims: Record<string, unknown>, first: string[]): [string, unknown][] {
  const rank = (claim: string) => (first.includes(claim) ? first.indexOf(claim) : first.length);
  return Object.entries(claims).sort(([a], [b]) => rank(a) - rank(b));
}

function timeWords(claim: string, at: number, now: number): string | null {
  const words = relativeTime(at, now);
  if (claim === "exp") return at > now ? `expires ${words}` : `expired ${words}`;
  if (claim === "iat") return `issued ${words}`;
  if (claim === "nbf") return at > now ? `valid ${words}` : `valid since ${words}`;
  return null;
}

function Value({ claim, value, now }: { claim: string; value: unknown; now: number }) {
  if (typeof value === "number" && ["exp", "nbf", "iat", "auth_time"].includes(claim)) {
    return (
      <>
        <span className="font-mono text-xs">{isoSeconds(value)}</span>{" "}
        <span className="text-sm font-medium">
          {timeWords(claim, value, now) ?? relativeTime(value, now)}
        </span>
      </>
    );
  }
  return (
    <span className="font-mono text-xs break-all">
      {typeof value === "string" ? value : JSON.stringify(value)}
    </span>
  );
}

/** The decoded token, claim by claim, with times in words. Nothing here was verified. */
export function ClaimTable({ jwt, now }: { jwt: DecodedJwt; now: number }) {
  const rows = [
    ...ordered(jwt.header, HEADER_ORDER).map(([k, v]) => ["header", k, v] as const),
    ...ordered(jwt.payload, PAYLOAD_ORDER).map(([k, v]) => ["payload", k, v] as const),
  ];
  return (
    <div className="space-y-1">
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        Decoded in your browser, not verified · {kilobytes(jwt.sizeBytes)} of the 8 KB UiPath accepts
        {jwt.hasSignature ? "" : " · no signature"}
      </p>
      <Table caption="Token claims">
        <thead>
          <tr>
            <Th>Part</Th>
            <Th>Claim</Th>
            <Th>Value</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([part, claim, value]) => (
            <tr key={`${part}-${claim}`} data-testid={`claim-${claim}`}>
              <Td className="text-xs text-zinc-500">{part}</Td>
              <Td>
                <span className="font-mono text-xs">{claim}</span>
                {LABELS[claim] ? <span className="block text-xs text-zinc-500">{LABELS[claim]}</span> : null}
              </Td>
              <Td>
                <Value claim={claim} value={value} now={now} />
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
