import Link from "next/link";
import { Alert } from "@/components/ui/alert";

export default function ApplicationNotFound() {
  return (
    <Alert tone="warning" title="This external application does not exist">
      UiPath has no such external application in this connection, or the connection was deleted.{" "}
      <Link href="/federated-credentials" className="underline">
        Back to all federated credentials
      </Link>
    </Alert>
  );
}
