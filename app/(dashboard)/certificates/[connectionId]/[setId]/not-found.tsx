import Link from "next/link";
import { Alert } from "@/components/ui/alert";

export default function CertificateSetNotFound() {
  return (
    <Alert tone="warning" title="This certificate set does not exist">
      It may have been removed at the vendor, or its connection was deleted.{" "}
      <Link href="/certificates" className="underline">
        Back to all certificates
      </Link>
    </Alert>
  );
}
