// The certificate decoder's Web Worker: decoding, signature checks and hashing run here, so that
// typing, pasting and dropping never wait for them on the page's main thread.
import { inspectCertificateInput, type Inspection } from "./inspect-certificate";

/** A request from the page: decode `input`; the answer carries the same `id`. */
export interface InspectRequest {
  id: number;
  input: string | Uint8Array;
  maxBytes?: number;
}

export interface InspectResponse {
  id: number;
  result: Inspection;
}

const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<InspectRequest>) => void) | null;
  postMessage: (message: InspectResponse) => void;
};

scope.onmessage = (event) => {
  const { id, input, maxBytes } = event.data;
  void inspectCertificateInput(input, { maxBytes })
    .catch((): Inspection => ({
      ok: false,
      error: { code: "ERR_CORRUPT", message: "The input could not be decoded." },
    }))
    .then((result) => scope.postMessage({ id, result }));
};
