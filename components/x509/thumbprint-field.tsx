"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { formatThumbprint, type ThumbprintStyle } from "@/lib/x509/thumbprint-format";

type Thumbprint = { label: string; hex: string };

/**
 * SHA-1 and SHA-256 thumbprints with one colon/plain toggle and a copy button each. Vendors show
 * both styles (UiPath plain, consoles and OpenSSL with colons), so administrators compare either.
 */
export function ThumbprintField({ thumbprints }: { thumbprints: Thumbprint[] }) {
  const [style, setStyle] = useState<ThumbprintStyle>("colon");
  const [announcement, setAnnouncement] = useState("");

  async function copy(thumbprint: Thumbprint) {
    const text = formatThumbprint(thumbprint.hex, style);
    try {
      await navigator.clipboard.writeText(text);
      setAnnouncement(`${thumbprint.label} thumbprint copied.`);
    } catch {
      setAnnouncement(
        `Copying is not allowed here; select the ${thumbprint.label} thumbprint and copy it by hand.`,
      );
    }
  }

  return (
    <div className="space-y-2">
      <div
        role="group"
        aria-label="Thumbprint format"
        className="inline-flex rounded-md border border-zinc-300 p-0.5 dark:border-zinc-700"
      >
        {(["colon", "plain"] as const).map((option) => (
          <button
            key={option}
            type="button"
            aria-pressed={style === option}
            onClick={() => setStyle(option)}
            className="rounded px-2 py-0.5 text-xs font-medium text-zinc-700 aria-pressed:bg-zinc-800 aria-pressed:text-white focus-visible:outline-2 focus-visible:outline-sky-600 dark:text-zinc-300 dark:aria-pressed:bg-zinc-200 dark:aria-pressed:text-zinc-900"
          >
            {option === "colon" ? "AB:CD:…" : "ABCD…"}
          </button>
        ))}
      </div>
      <dl className="space-y-2">
        {thumbprints.map((thumbprint) => (
          <div key={thumbprint.label}>
            <dt className="text-xs font-medium text-zinc-500 dark:text-zinc-400">{thumbprint.label}</dt>
            <dd className="flex items-start gap-2">
              <code className="min-w-0 break-all font-mono text-xs text-zinc-900 dark:text-zinc-100">
                {formatThumbprint(thumbprint.hex, style)}
              </code>
              <Button
                variant="secondary"
                size="sm"
                className="h-6 shrink-0 px-2 text-xs"
                onClick={() => void copy(thumbprint)}
                aria-label={`Copy ${thumbprint.label} thumbprint`}
              >
                Copy
              </Button>
            </dd>
          </div>
        ))}
      </dl>
      <p aria-live="polite" className="text-xs text-zinc-600 dark:text-zinc-400">
        {announcement}
      </p>
    </div>
  );
}
