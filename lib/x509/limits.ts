/**
 * Input limits. Kept apart from decode.ts so that a client component can check a file's size
 * before it lazy-loads the decoder at all.
 */

/** Largest input accepted by default: far above any real certificate chain (a few KB each). */
export const MAX_CERTIFICATE_INPUT_BYTES = 256 * 1024;

/** "312 KB" / "900 bytes": sizes as people read them (1 KB = 1,024 bytes). */
export function formatByteSize(bytes: number): string {
  return bytes >= 1024 ? `${Math.round((bytes / 1024) * 10) / 10} KB` : `${bytes} bytes`;
}

/** The sentence for `ERR_TOO_LARGE`; states the limit. */
export function tooLargeMessage(size: number, maxBytes: number = MAX_CERTIFICATE_INPUT_BYTES): string {
  return `The input is ${formatByteSize(size)}, more than the ${formatByteSize(maxBytes)} limit. A certificate is a few KB; check that this is the right file.`;
}
