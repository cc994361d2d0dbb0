import { certificateImpact } from "@/lib/certificates/breaks-at";
import type { TimelineCertificate, TimelineStatus } from "./types";

/**
 * The status of a certificate at `now`: its impact on sign-in among its set's certificates
 * (`siblings`, which may include it; see lib/certificates/breaks-at). Without siblings an expired
 * trusted IdP certificate counts as the last one, the cautious reading.
 */
export function certificateStatus(
  cert: Pick<TimelineCertificate, "notAfter" | "slot" | "state" | "role">,
  now: Date,
  siblings: readonly Pick<TimelineCertificate, "notAfter" | "slot" | "state" | "role">[] = [cert],
): TimelineStatus {
  return certificateImpact(cert, siblings, now);
}

/** The certificates of each set, by `<connectionId>/<setId>`: the siblings `certificateStatus` takes. */
export function siblingsBySet<T extends Pick<TimelineCertificate, "connectionId" | "setId">>(
  certs: readonly T[],
): (cert: T) => readonly T[] {
  const sets = new Map<string, T[]>();
  for (const cert of certs) {
    const key = `${cert.connectionId}/${cert.setId}`;
    const list = sets.get(key);
    if (list) list.push(cert);
    else sets.set(key, [cert]);
  }
  return (cert) => sets.get(`${cert.connectionId}/${cert.setId}`) ?? [cert];
}
