"use client";

import { useEffect, useMemo, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import type { IssuerKeys } from "@/lib/federated/jwks";
import { decodeJwt, stringClaim } from "@/lib/federated/jwt";
import { verdictsFor } from "@/lib/federated/matcher";
import type { ExchangeView } from "@/lib/federated/types";
import type { FederatedCredential } from "@/lib/vendors/contracts";
import { ClaimTable } from "./claim-table";
import { ExchangeResult } from "./exchange-result";
import type { TesterActions } from "./types";
import { VerdictList } from "./verdict-list";

type TokenTesterProps = {
  connectionId: string;
  clientId: string;
  /** The application's granted scopes: what the exchange asks for by default. */
  scopes: string[];
  credentials: FederatedCredential[];
  actions: TesterActions;
};

const nowSeconds = () => Math.floor(Date.now() / 1000);

/**
 * Paste a JWT: it is decoded here, matched claim by claim against every credential (the kid
 * against keys the server fetched), and, on request, exchanged at UiPath for real.
 */
export function TokenTester({ connectionId, clientId, scopes, credentials, actions }: TokenTesterProps) {
  const [text, setText] = useState("");
  const [keys, setKeys] = useState<Record<string, IssuerKeys>>({});
  const [now, setNow] = useState(nowSeconds);
  const [scope, setScope] = useState(scopes.join(" "));
  const [exchange, setExchange] = useState<ExchangeView | null>(null);
  const [exchangeError, setExchangeError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const decoded = useMemo(() => (text.trim() ? decodeJwt(text) : null), [text]);
  const iss = decoded?.ok ? stringClaim(decoded.jwt.payload, "iss") : undefined;

  // Keep "expires in 4 min" true while the page stays open.
  useEffect(() => {
    const timer = setInterval(() => setNow(nowSeconds()), 10_000);
    return () => clearInterval(timer);
  }, []);

  const paste = (value: string) => {
    setText(value);
    setExchange(null);
    setExchangeError(null);
    setNow(nowSeconds());
    const next = value.trim() ? decodeJwt(value) : null;
    const issuer = next?.ok ? stringClaim(next.jwt.payload, "iss") : undefined;
    // Only issuers a credential trusts: the server refuses others anyway.
    if (!issuer || keys[issuer] || !credentials.some((c) => c.issuer === issuer)) return;
    void actions.issuerKeys({ connectionId, clientId, issuer }).then((result) =>
      setKeys((previous) => ({
        ...previous,
        [issuer]: result.ok ? result.data : { ok: false, issuer, message: result.message },
      })),
    );
  };

  const verdicts = decoded?.ok
    ? verdictsFor(decoded.jwt, credentials, { nowSeconds: now, keys: iss ? keys[iss] : undefined })
    : [];

  const runExchange = async () => {
    if (!decoded?.ok || !actions.exchange) return;
    setPending(true);
    setExchangeError(null);
    const result = await actions
      .exchange({ connectionId, clientId, assertion: decoded.token, scope })
      .finally(() => setPending(false));
    setNow(nowSeconds());
    if (result.ok) setExchange(result.data);
    else setExchangeError(result.message);
  };

  return (
    <div className="space-y-4">
      <Field
        label="JWT to test"
        hint="Paste a token your pipeline received (e.g. the output of core.getIDToken). It is decoded here; it is sent to the server only if you ask for the real exchange, and never stored."
      >
        <Textarea
          rows={4}
          spellCheck={false}
          value={text}
          onChange={(e) => paste(e.target.value)}
          placeholder="eyJhbGciOiJSUzI1NiIs…"
          className="text-xs break-all"
        />
      </Field>
      {decoded && !decoded.ok ? <Alert tone="error">{decoded.message}</Alert> : null}
      {decoded?.ok ? (
        <>
          <ClaimTable jwt={decoded.jwt} now={now} />
          {credentials.length ? (
            <VerdictList
              verdicts={verdicts}
              highlight={exchange && !exchange.exchanged ? exchange.point : null}
            />
          ) : (
            <Alert>This application has no federated credentials, so no token can match yet.</Alert>
          )}
          {actions.exchange ? (
            <div className="space-y-2 rounded-md border border-zinc-200 p-3 dark:border-zinc-700">
              <p className="text-sm font-medium">Exchange at UiPath</p>
              <p className="text-xs text-zinc-600 dark:text-zinc-400">
                Sends the token to UiPath&apos;s token endpoint for this application. Trustdeck shows what was
                granted and discards the access token.
              </p>
              <div className="flex flex-wrap items-end gap-2">
                <div className="min-w-64 flex-1">
                  <Field label="Scopes to request">
                    <Input value={scope} onChange={(e) => setScope(e.target.value)} spellCheck={false} />
                  </Field>
                </div>
                <Button onClick={runExchange} disabled={pending || !scope.trim()}>
                  {pending ? "Exchanging…" : "Exchange for a token"}
                </Button>
              </div>
              {exchangeError ? <Alert tone="error">{exchangeError}</Alert> : null}
              {exchange ? <ExchangeResult view={exchange} nearest={verdicts[0]} now={now} /> : null}
            </div>
          ) : (
            <p className="text-xs text-zinc-600 dark:text-zinc-400">
              The real exchange at UiPath needs the operator role.
            </p>
          )}
        </>
      ) : null}
    </div>
  );
}
