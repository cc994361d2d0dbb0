"use client";

import { ReadErrorAlert } from "@/components/ui/read-error-alert";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { MAX_CREDENTIALS_PER_APP } from "@/lib/federated/limits";
import type { ApplicationView, ConnectionSummary } from "@/lib/federated/types";
import { CapacityMeter } from "./capacity-meter";
import { CredentialDialogs, type Editing } from "./credential-dialogs";
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

/** One external application: its credentials, the n / 20 meter, and add / edit / delete. */
export function ApplicationCard({
  connection,
  app,
  actions,
  linkToApplication = true,
}: ApplicationCardProps) {
  const router = useRouter();
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<string | null>(null);
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

  return (
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
              <Button
                size="sm"
                onClick={() => setEditing({ mode: "create" })}
                disabled={full}
                title={
                  full
                    ? `UiPath allows ${MAX_CREDENTIALS_PER_APP} per application: delete one first`
                    : undefined
                }
              >
                Add credential
              </Button>
            ) : null}
          </div>
        </div>
        {notice ? <Alert tone="success">{notice}</Alert> : null}
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
            onEdit={canWrite ? (credential) => setEditing({ mode: "edit", credential }) : undefined}
            onDelete={canWrite ? (credential) => setEditing({ mode: "delete", credential }) : undefined}
          />
        )}
      </div>
      {actions ? (
        <CredentialDialogs
          editing={editing}
          close={() => setEditing(null)}
          context={context}
          actions={actions}
          onSettle={() => router.refresh()}
          onDone={(message) => {
            setEditing(null);
            setNotice(message);
            router.refresh();
          }}
        />
      ) : null}
    </Card>
  );
}
