// Test support: the local servers that stand in for a vendor are custom vendor hosts, reachable
// only while TRUSTDECK_CUSTOM_VENDOR_HOSTS names them (exactly, host:port), as in production.

const VARIABLE = "TRUSTDECK_CUSTOM_VENDOR_HOSTS";

function entries(): string[] {
  return (process.env[VARIABLE] ?? "").split(",").filter(Boolean);
}

/** Names `url`'s host:port in TRUSTDECK_CUSTOM_VENDOR_HOSTS; returns the function that removes it. */
export function allowCustomHost(url: string): () => void {
  const host = new URL(url).host;
  process.env[VARIABLE] = [...entries(), host].join(",");
  return () => {
    const rest = entries();
    rest.splice(rest.indexOf(host), 1);
    if (rest.length > 0) process.env[VARIABLE] = rest.join(",");
    else delete process.env[VARIABLE];
  };
}
