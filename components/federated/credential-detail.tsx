"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { detectTemplate, TEMPLATE_LABELS } from "@/lib/federated/templates";
import type { FederatedCredential } from "@/lib/vendors/contracts";
import { CredentialDialogs, type Editing } from "./credential-dialogs";
import { applicationHref } from "./links";
import type { CredentialContext, CredentialWriteActions } from "./types";
import { VisibleText } from "@/components/ui/visible-text";

function Row({ label, children, mono = true }: { label: string; children: ReactNode; mono?: boolean }) {
  return (
    <div className="grid gap-1 py-2 sm:grid-cols-[10rem_1fr]">
      <dt className="text-sm font-medium text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className={mono ? "font-mono text-sm break-all" : "text-sm"}>{children}</dd>
    </div>
  );
}

/** One credential's exact values, with edit and delete for operators. */
export function CredentialDetail({
  credential,
  context,
  actions,
}: {
  credential: FederatedCredential;
  context: CredentialContext;
  actions: CredentialWriteActions | null;
}) {
  const router = useRouter();
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const template = detectTemplate(credential.issuer ?? "", credential.subject ?? "");
  return (
    <Card className="space-y-3">
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <dl className="divide-y divide-zinc-200 dark:divide-zinc-800">
        <Row label="Name" mono={false}>
          {credential.name ?? "(unnamed)"}
        </Row>
        <Row label="Issuer (iss)">
          <VisibleText text={credential.issuer} />
        </Row>
        <Row label="Audience (aud)">{credential.audience}</Row>
        <Row label="Subject (sub)">
          <VisibleText text={credential.subject} />
        </Row>
        <Row label="Shape" mono={false}>
          {template.kind === "other" ? "Custom subject" : `${TEMPLATE_LABELS[template.kind]} subject`}
        </Row>
        <Row label="Description" mono={false}>
          {credential.description ?? "—"}
        </Row>
        <Row label="Created / updated">
          {credential.createdAt} / {credential.updatedAt}
        </Row>
        <Row label="Credential id">{credential.id}</Row>
      </dl>
      <p className="text-sm">
        <Link
          href={`${applicationHref(context.connectionId, context.clientId)}#tester`}
          className="text-sky-700 underline dark:text-sky-400"
        >
          Test a token against {context.appName}
        </Link>
      </p>
      {actions ? (
        <div className="flex gap-2">
          <Button variant="secondary" onClick={() => setEditing({ mode: "edit", credential })}>
            Edit
          </Button>
          <Button variant="ghost" onClick={() => setEditing({ mode: "delete", credential })}>
            Delete
          </Button>
          <CredentialDialogs
            editing={editing}
            close={() => setEditing(null)}
            context={context}
            actions={actions}
            onSettle={() => router.refresh()}
            onDone={(message) => {
              const deleted = editing?.mode === "delete";
              setEditing(null);
              setNotice(message);
              if (deleted) router.push(applicationHref(context.connectionId, context.clientId));
              else router.refresh();
            }}
          />
        </div>
      ) : null}
    </Card>
  );
}
