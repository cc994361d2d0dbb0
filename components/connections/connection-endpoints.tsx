import type { ConnectionEndpoint } from "@/lib/vendors/url-forms";

/** The URLs a connection calls, each with how it was chosen (platform, region, token form). */
export function ConnectionEndpoints({ endpoints }: { endpoints: readonly ConnectionEndpoint[] }) {
  return (
    <dl className="space-y-0.5" data-testid="connection-endpoints">
      {endpoints.map((endpoint) => (
        <div key={endpoint.label}>
          <dt className="text-xs text-zinc-500">{endpoint.label}</dt>
          <dd className="font-mono text-xs break-all">{endpoint.url}</dd>
        </div>
      ))}
    </dl>
  );
}
