"use client";

import { Dialog as RadixDialog } from "radix-ui";
import { Suspense } from "react";
import type { DialogProps } from "./dialog";
import { SessionEndedNotice } from "@/components/shell/session-ended";

/** The Radix dialog behind components/ui/dialog.tsx, which loads this module on first open. */
export default function RadixModal({ open, onOpenChange, title, description, children }: DialogProps) {
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <RadixDialog.Content className="fixed top-1/2 left-1/2 z-50 max-h-[90vh] w-[min(40rem,95vw)] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white p-5 shadow-xl dark:bg-zinc-900">
          <RadixDialog.Title className="text-lg font-semibold text-zinc-900 dark:text-zinc-50">
            {title}
          </RadixDialog.Title>
          {description ? (
            <RadixDialog.Description className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
              {description}
            </RadixDialog.Description>
          ) : (
            <RadixDialog.Description className="sr-only">{title}</RadixDialog.Description>
          )}
          <div className="mt-4 space-y-3">
            {/* Outside the dialog the page is inert while it is open: the dialog says it itself. */}
            <SessionEndedNotice />
            {/* A form inside may itself load on first open. */}
            <Suspense fallback={<p className="text-sm text-zinc-600 dark:text-zinc-400">Loading…</p>}>
              {children}
            </Suspense>
          </div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
