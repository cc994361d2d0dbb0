// Runs `inspectCertificateInput` in a Web Worker (inspect.worker.ts) and answers with a promise.
// Where workers are unavailable (or the worker cannot start), the decoder is loaded into the page
// with `import()` instead: slower on huge pastes, but never without an answer.
import type { Inspection } from "./inspect-certificate";
import type { InspectRequest, InspectResponse } from "./inspect.worker";

let worker: Worker | undefined;
let workerBroken = false;
let nextId = 0;
const pending = new Map<number, (result: Inspection) => void>();

function startWorker(): Worker | undefined {
  if (worker || workerBroken || typeof Worker === "undefined") return worker;
  try {
    worker = new Worker(new URL("./inspect.worker.ts", import.meta.url), { type: "module" });
  } catch {
    workerBroken = true;
    return undefined;
  }
  worker.onmessage = (event: MessageEvent<InspectResponse>) => {
    pending.get(event.data.id)?.(event.data.result);
    pending.delete(event.data.id);
  };
  worker.onerror = () => {
    // The worker failed to load (e.g. blocked): answer what is waiting in the page instead.
    workerBroken = true;
    worker?.terminate();
    worker = undefined;
    const waiting = [...pending.entries()];
    pending.clear();
    for (const [, resolve] of waiting) resolve(WORKER_FAILED);
  };
  return worker;
}

const WORKER_FAILED: Inspection = { ok: false, error: { code: "ERR_CORRUPT", message: "retry" } };

async function inspectInPage(input: string | Uint8Array, maxBytes?: number): Promise<Inspection> {
  const { inspectCertificateInput } = await import("./inspect-certificate");
  return inspectCertificateInput(input, { maxBytes });
}

/** Decodes pasted text or file bytes off the main thread; see `inspectCertificateInput`. */
export async function inspectOffMainThread(
  input: string | Uint8Array,
  options: { maxBytes?: number } = {},
): Promise<Inspection> {
  const target = startWorker();
  if (!target) return inspectInPage(input, options.maxBytes);
  const id = ++nextId;
  const result = await new Promise<Inspection>((resolve) => {
    pending.set(id, resolve);
    target.postMessage({ id, input, maxBytes: options.maxBytes } satisfies InspectRequest);
  });
  return result === WORKER_FAILED ? inspectInPage(input, options.maxBytes) : result;
}
