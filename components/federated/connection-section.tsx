import { ConnectionFreshness } from "@/components/inventory/connection-freshness";
import { ReadErrorAlert } from "@/components/ui/read-error-alert";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import type { ConnectionFederation } from "@/lib/federated/types";
import type { InventoryConnection } from "@/lib/inventory/types";
import { ApplicationCard } from "./application-card";
import type { CredentialWriteActions } from "./types";

/**
 * One UiPath connection's external applications, or why they cannot be shown; with `freshness`
 * (the list page, from the inventory) how fresh they are and "Refresh this connection".
 */
export function ConnectionSection({
  federation,
  actions,
  freshness,
}: {
  federation: ConnectionFederation;
  actions: CredentialWriteActions | null;
  freshness?: InventoryConnection;
}) {
  const total = federation.apps.reduce((n, app) => n + (app.credentials?.length ?? 0), 0);
  return (
    <section
      className="space-y-3"
      aria-labelledby={`connection-${federation.connectionId}`}
      data-testid={`federation-${federation.connectionName}`}
    >
      <div className="flex flex-wrap items-center gap-2">
        <h2 id={`connection-${federation.connectionId}`} className="text-lg font-semibold">
          {federation.connectionName}
        </h2>
        <span className="text-sm text-zinc-600 dark:text-zinc-400">
          organization {federation.organizationName} · {federation.apps.length} applications · {total}{" "}
          credentials
        </span>
        {!federation.enabled ? <Badge>disabled</Badge> : null}
        {federation.enabled && !federation.canWrite ? (
          <Badge tone="warning" className="cursor-help">
            <span title="The connection's scopes include neither PM.OAuthApp nor PM.OAuthApp.Write.">
              read-only scopes
            </span>
          </Badge>
        ) : null}
      </div>
      {freshness ? <ConnectionFreshness connection={freshness} /> : null}
      {freshness?.federatedError ? (
        <Alert tone="warning" title="The last refresh could not read the federated credentials">
          {freshness.federatedError} What is listed below is from an earlier read: check the connection&apos;s
          scopes (PM.OAuthApp) and refresh this connection.
        </Alert>
      ) : null}
      {!federation.enabled ? (
        <Alert>
          This connection is disabled: Trustdeck does not call UiPath with it until an admin enables it.
        </Alert>
      ) : null}
      {federation.error ? (
        <ReadErrorAlert
          title="The external applications could not be read"
          message={federation.error.userMessage}
          requestId={federation.error.requestId}
          source="UiPath"
        />
      ) : null}
      {federation.apps.map((app) => (
        <ApplicationCard
          key={app.clientId}
          connection={federation}
          app={app}
          actions={federation.canWrite ? actions : null}
        />
      ))}
    </section>
  );
}
