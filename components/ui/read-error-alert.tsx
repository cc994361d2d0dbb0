import { Alert } from "./alert";

type ReadErrorAlertProps = {
  title: string;
  /** The sentence for the user: what happened and what to do. */
  message: string;
  /** The vendor's request id, for a support ticket. */
  requestId?: string | null;
  /** Whose request id it is, e.g. "UiPath" (default "Vendor"). */
  source?: string;
};

/** A read that failed at a vendor: the explanation and the request id to quote to its support. */
export function ReadErrorAlert({ title, message, requestId, source = "Vendor" }: ReadErrorAlertProps) {
  return (
    <Alert tone="error" title={title}>
      {message}
      {requestId ? (
        <span className="block text-xs">
          {source} request id {requestId}
        </span>
      ) : null}
    </Alert>
  );
}
