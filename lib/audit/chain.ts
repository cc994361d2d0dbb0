import { createHash } from "node:crypto";

/**
 * The fields of an audit event as the hash chain sees them: each rendered as text exactly as the
 * database renders it (timestamps in UTC with microseconds, `details` as jsonb's canonical text).
 */
export type ChainFields = {
  chainSeq: string;
  prevHash: string | null;
  occurredAt: string;
  actorId: string | null;
  actorName: string;
  actorRole: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  targetLabel: string | null;
  outcome: string;
  vendorRequestId: string | null;
  sourceIp: string | null;
  details: string | null;
  /** A write's outcome row names its intent: part of the hash, so it cannot be re-pointed. */
  intentId: string | null;
};

const ORDER: (keyof ChainFields)[] = [
  "chainSeq",
  "prevHash",
  "occurredAt",
  "actorId",
  "actorName",
  "actorRole",
  "action",
  "targetType",
  "targetId",
  "targetLabel",
  "outcome",
  "vendorRequestId",
  "sourceIp",
  "details",
  "intentId",
];

/**
 * The canonical form the database's insert trigger hashes (migration `audit_hash_chain`): each
 * field as `<UTF-8 byte length>:<text>`, or `-` when null, joined by `|`. Length prefixes make
 * the form unambiguous whatever the fields contain.
 */
export function canonicalEvent(fields: ChainFields): string {
  return ORDER.map((key) => {
    const value = fields[key];
    return value === null ? "-" : `${Buffer.byteLength(value, "utf8")}:${value}`;
  }).join("|");
}

/** SHA-256 (hex) of an event's canonical form; it includes the previous event's hash. */
export function hashEvent(fields: ChainFields): string {
  return createHash("sha256").update(canonicalEvent(fields), "utf8").digest("hex");
}
