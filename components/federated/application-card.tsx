import { ReadErrorAlert } from "@/components/ui/read-error-alert";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { MAX_CREDENTIALS_PER_APP } from "@/lib/federated/limits";
import type { ApplicationView, ConnectionSummary } from "@/lib/federated/types";
import { CapacityMeter } from "./capacity-meter";
import { CredentialEditButton, CredentialEditor, CredentialNotice } from "./credential-editor";
import { CredentialsTable } from "./credentials-table";
import { applicationHref, credentialHref } from "./links";
import type { CredentialWriteActions } from "./types";
import { VisibleText } from "@/components/ui/visible-text";

type ApplicationCardProps = {
  connection: ConnectionSummary;
  app: ApplicationView;
  /** Null for viewers, and when the connection cannot write. */
  actions: CredentialWriteActions | null;
  /** Show the link to the application's page (hidden on that page itself). */
  linkToApplication?: boolean;
};

/**
 * One external application: its credentials, the n / 20 meter, and add / edit / delete. Rendered
 * on the server; only the buttons, the dialogs and the notice are interactive (CredentialEditor).
 */
export function ApplicationCard({
  connection,
  app,
  actions,
  linkToApplication = true,
}: ApplicationCardProps) {
  const credentials = app.credentials ?? [];
  const full = credentials.length >= MAX_CREDENTIALS_PER_APP;
  const canWrite = actions !== null && connection.canWrite && app.credentials !== null;
  const context = {
    connectionId: connection.connectionId,
    clientId: app.clientId,
    appName: app.name,
    suggestedAudience: connection.suggestedAudience,
    credentials,
    usedByTrustdeck: app.usedByTrustdeck,
  };

  const card = (
    <Card className="space-y-3">
      <div data-testid={`application-${app.name}`} className="space-y-3">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <h3 className="text-base font-semibold">
              {linkToApplication ? (
                <Link
                  href={applicationHref(connection.connectionId, app.clientId)}
                  className="text-sky-700 underline dark:text-sky-400"
                >
                  <VisibleText text={app.name} />
                </Link>
              ) : (
                app.name
              )}
            </h3>
            <p className="mt-0.5 flex flex-wrap items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400">
              <span className="font-mono">{app.clientId}</span>
              {app.usedByTrustdeck ? (
                <Badge tone="danger">
                  <span title="This connection authenticates with this application: its credentials get Trustdeck's admin rights at UiPath.">
                    Trustdeck connects with this application
                  </span>
                </Badge>
              ) : null}
              {app.isConfidential ? (
                <Badge>confidential</Badge>
              ) : (
                <Badge tone="warning">public: cannot exchange tokens</Badge>
              )}
              {app.scopes.length ? <span>scopes {app.scopes.join(", ")}</span> : null}
            </p>
          </div>
          <div className="flex flex-wrap items-center gap-3">
            {app.credentials ? <CapacityMeter count={credentials.length} /> : null}
            {linkToApplication && credentials.length ? (
              <Link
                href={`${applicationHref(connection.connectionId, app.clientId)}#tester`}
                className="text-sm text-sky-700 underline dark:text-sky-400"
              >
                Test a token
              </Link>
            ) : null}
            {canWrite ? (
              <CredentialEditButton
                editing={{ mode: "create" }}
                size="sm"
                disabled={full}
                title={
                  full
                    ? `UiPath allows ${MAX_CREDENTIALS_PER_APP} per application: delete one first`
                    : undefined
                }
              >
                Add credential
              </CredentialEditButton>
            ) : null}
          </div>
        </div>
        {actions ? <CredentialNotice /> : null}
        {app.error ? (
          <ReadErrorAlert
            title="The credentials could not be read"
            message={app.error.userMessage}
            requestId={app.error.requestId}
            source="UiPath"
          />
        ) : credentials.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            No federated credentials: this application only authenticates with its secret
            {canWrite ? ", or add one." : "."}
          </p>
        ) : (
          <CredentialsTable
            credentials={credentials}
            hrefOf={(c) => credentialHref(connection.connectionId, app.clientId, c.id)}
            manage={canWrite}
          />
        )}
      </div>
    </Card>
  );
  return actions ? (
    <CredentialEditor context={context} actions={actions}>
      {card}
    </CredentialEditor>
  ) : (
    card
  );
}
