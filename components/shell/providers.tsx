"use client";

import { ThemeProvider } from "next-themes";
import type { ReactNode } from "react";

/** Client-side context for every page: the theme (light/dark/system). */
export function Providers({ children, nonce }: { children: ReactNode; nonce?: string }) {
  return (
    <ThemeProvider attribute="class" defaultTheme="system" enableSystem nonce={nonce}>
      {children}
    </ThemeProvider>
  );
}
