import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { NotBuiltYet } from "@/components/ui/not-built-yet";

export const metadata: Metadata = { title: "Federated credentials" };

export default function FederatedCredentialsPage() {
  return (
    <>
      <PageHeader title="Federated credentials" description="UiPath external applications that trust tokens from GitHub Actions, GitLab, Kubernetes and other OIDC issuers." />
      <NotBuiltYet feature="Federated credential management" plan="It will list, create, edit and delete credentials with templates, issuer preflight and a token-exchange tester." />
    </>
  );
}
