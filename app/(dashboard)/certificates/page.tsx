import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { NotBuiltYet } from "@/components/ui/not-built-yet";

export const metadata: Metadata = { title: "Certificates" };

export default function CertificatesPage() {
  return (
    <>
      <PageHeader title="Certificates" description="SAML certificate sets of every connection: UiPath primary/secondary, Cloudflare current/previous, Huawei SP and IdP certificates." />
      <NotBuiltYet feature="The certificate list" plan="It will list every certificate set across connections, with an X.509 preview and upload, rotate and import actions. Until then, use each vendor's console." />
    </>
  );
}
