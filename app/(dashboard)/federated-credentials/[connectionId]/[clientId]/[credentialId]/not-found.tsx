import Link from "next/link";
import { Alert } from "@/components/ui/alert";

export default function CredentialNotFound() {
  return (
    <Alert tone="warning" title="This federated credential does not exist">
      It may have been deleted at UiPath, or its application or connection no longer exists.{" "}
      <Link href="/federated-credentials" className="underline">
        Back to all federated credentials
      </Link>
    </Alert>
  );
}
