"use client";

import { useCallback, useId, useRef, useState } from "react";
import { useDropzone, type FileRejection } from "react-dropzone";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import type { Vendor } from "@/lib/vendors/descriptors";
import { MAX_CERTIFICATE_INPUT_BYTES, tooLargeMessage } from "@/lib/x509/limits";
import { X509_ERROR_CODES } from "@/lib/auth/error-codes";
import type { CertificateSummary } from "@/lib/x509/summary";
import { CertificatePreview } from "./certificate-preview";
import type { Inspection } from "./inspect-certificate";

export type CertificateInputValue = { pem: string; summary: CertificateSummary } | null;

export interface CertificateInputProps {
  /** Called with the leaf certificate once it decodes, and with `null` when cleared or refused. */
  onChange: (value: CertificateInputValue) => void;
  label?: string;
  /** When set, a hidden input of this name carries the accepted PEM (and only that) in FormData. */
  name?: string;
  maxBytes?: number;
  disabled?: boolean;
  /** Show the preview of the accepted certificate under the input (default true). */
  preview?: boolean;
  vendor?: Vendor;
  maxValidityDays?: number;
  existingSha256?: string[];
  className?: string;
}

// The decoder runs in a Web Worker, fetched on first use only: it stays out of first-load JS, and
// decoding a large paste never blocks typing.
let client: Promise<typeof import("./inspect-client")> | undefined;
const loadClient = () => (client ??= import("./inspect-client"));

/**
 * Takes a certificate by drag-and-drop, file picker or paste, decodes it in the browser and
 * refuses anything that is not a certificate — a private key above all — before anything is sent.
 */
export function CertificateInput(props: CertificateInputProps) {
  const { onChange, maxBytes = MAX_CERTIFICATE_INPUT_BYTES, disabled = false } = props;
  const id = useId();
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [accepted, setAccepted] = useState<Extract<Inspection, { ok: true }> & { source: string }>();
  // Results can arrive out of order (typing fast, then dropping a file); only the latest counts.
  const latest = useRef(0);

  const inspect = useCallback(
    async (input: string | Uint8Array, source: string) => {
      const run = ++latest.current;
      setBusy(true);
      let result: Inspection;
      try {
        result = await (await loadClient()).inspectOffMainThread(input, { maxBytes });
      } catch {
        result = {
          ok: false,
          error: {
            code: "ERR_CORRUPT",
            message: "The certificate reader could not be loaded. Check your connection and try again.",
          },
        };
      }
      if (run !== latest.current) return;
      setBusy(false);
      if (result.ok) {
        setError(undefined);
        setAccepted({ ...result, source });
        onChange({ pem: result.pem, summary: result.summary });
        return;
      }
      // A refused paste is cleared so a private key does not linger in the page or a form.
      const code = X509_ERROR_CODES[result.error.code];
      if (code === "private-key" || code === "pkcs12") setText("");
      setError(result.error.message);
      setAccepted(undefined);
      onChange(null);
    },
    [maxBytes, onChange],
  );

  const clear = useCallback(() => {
    latest.current++;
    setText("");
    setError(undefined);
    setAccepted(undefined);
    setBusy(false);
    onChange(null);
  }, [onChange]);

  const onDrop = useCallback(
    async (files: File[], rejections: FileRejection[]) => {
      if (rejections.length > 0 || files.length !== 1) {
        setError(
          files.length + rejections.length > 1
            ? "Drop one certificate file at a time."
            : "That file could not be read.",
        );
        return;
      }
      const file = files[0]!;
      // Refuse oversized files before reading them into memory.
      if (file.size > maxBytes) {
        latest.current++;
        setError(tooLargeMessage(file.size, maxBytes));
        setAccepted(undefined);
        onChange(null);
        return;
      }
      setText("");
      await inspect(new Uint8Array(await file.arrayBuffer()), `file “${file.name}”`);
    },
    [inspect, maxBytes, onChange],
  );

  const { getRootProps, getInputProps, isDragActive, open } = useDropzone({
    onDrop,
    multiple: false,
    noClick: true,
    noKeyboard: true,
    disabled,
  });

  function onTextChange(value: string) {
    setText(value);
    if (value.trim() === "") return clear();
    void inspect(value, "pasted text");
  }

  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  return (
    <div className={cn("space-y-3", props.className)}>
      <div
        {...getRootProps({
          className: cn(
            "rounded-lg border-2 border-dashed p-4 transition-colors",
            isDragActive
              ? "border-sky-500 bg-sky-50 dark:bg-sky-950"
              : "border-zinc-300 dark:border-zinc-700",
            error && "border-red-400 dark:border-red-700",
          ),
        })}
      >
        <input {...getInputProps()} data-testid="dropzone-input" aria-label="Certificate file" />
        <div className="flex flex-wrap items-center gap-3">
          <p className="text-sm text-zinc-700 dark:text-zinc-300">
            {isDragActive ? "Drop the certificate here" : "Drag a certificate file here, or"}
          </p>
          <Button variant="secondary" size="sm" onClick={open} disabled={disabled}>
            Choose a file
          </Button>
        </div>
        <label
          htmlFor={`${id}-paste`}
          className="mt-3 block text-sm font-medium text-zinc-800 dark:text-zinc-200"
        >
          {props.label ?? "Or paste the certificate"}
        </label>
        {/* No `name`: pasted text never reaches a form submission; only the accepted PEM does. */}
        <textarea
          id={`${id}-paste`}
          value={text}
          onChange={(event) => onTextChange(event.target.value)}
          disabled={disabled}
          rows={5}
          spellCheck={false}
          autoComplete="off"
          placeholder="-----BEGIN CERTIFICATE-----"
          aria-invalid={Boolean(error)}
          aria-describedby={`${hintId} ${errorId}`}
          className="mt-1 block w-full rounded-md border border-zinc-300 bg-white px-2 py-1.5 font-mono text-xs text-zinc-900 focus-visible:outline-2 focus-visible:outline-sky-600 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100"
        />
        <p id={hintId} className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
          PEM, DER, base64, PKCS#7 bundle or SAML metadata, up to {Math.round(maxBytes / 1024)} KB. It is
          checked in your browser; private keys are never uploaded.
        </p>
      </div>

      <div id={errorId} aria-live="assertive" aria-atomic="true">
        {error ? (
          <p
            role="alert"
            className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
          >
            {error}
          </p>
        ) : null}
      </div>
      <p aria-live="polite" className="text-sm text-zinc-700 dark:text-zinc-300">
        {busy
          ? "Reading the certificate…"
          : accepted
            ? `Read ${accepted.certificateCount === 1 ? "one certificate" : `${accepted.certificateCount} certificates`} from the ${accepted.source}.`
            : ""}
      </p>
      {accepted ? (
        <div className="flex justify-end">
          <Button variant="ghost" size="sm" onClick={clear}>
            Clear
          </Button>
        </div>
      ) : null}

      {props.name ? <input type="hidden" name={props.name} value={accepted?.pem ?? ""} /> : null}
      {accepted && props.preview !== false ? (
        <CertificatePreview
          summary={accepted.summary}
          chain={accepted.chain}
          vendor={props.vendor}
          maxValidityDays={props.maxValidityDays}
          existingSha256={props.existingSha256}
        />
      ) : null}
    </div>
  );
}
