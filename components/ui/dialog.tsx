"use client";

import { lazy, Suspense, useState, type ReactNode } from "react";

export type DialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
};

// Radix (focus trap, scroll lock, portal) is about 13 kB gzip: it loads when a dialog first
// opens, not with every page that has a button opening one.
const RadixModal = lazy(() => import("./dialog-radix"));

/** A modal dialog (Radix: focus trap, Escape to close, labelled for screen readers). */
export function Dialog(props: DialogProps) {
  // Once opened, stay mounted: Radix then closes it (focus back to the opener, content unmounted).
  const [opened, setOpened] = useState(props.open);
  if (props.open && !opened) setOpened(true);
  if (!opened) return null;
  return (
    <Suspense fallback={null}>
      <RadixModal {...props} />
    </Suspense>
  );
}
