import Link from "next/link";
import type { ReactNode } from "react";
import type { Actor } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { Badge } from "@/components/ui/badge";
import { NavLinks, type NavItem } from "./nav-links";
import { SessionEndedNotice, SessionEndedProvider } from "./session-ended";
import { SignOutButton } from "./sign-out-button";
import { ThemeSwitcher } from "./theme-switcher";

const NAV: (NavItem & { adminOnly?: boolean })[] = [
  { href: "/", label: "Overview" },
  { href: "/certificates", label: "Certificates" },
  { href: "/federated-credentials", label: "Federated credentials" },
  { href: "/connections", label: "Connections" },
  { href: "/alerts", label: "Alerts" },
  { href: "/audit", label: "Audit" },
  { href: "/users", label: "Users", adminOnly: true },
];

/** The dashboard frame: skip link, sidebar navigation, who is signed in, and the page. */
export function AppShell({ actor, children }: { actor: Actor; children: ReactNode }) {
  const items = NAV.filter((item) => !item.adminOnly || hasRole(actor.role, "admin"));
  return (
    <div className="flex min-h-screen">
      <a
        href="#main"
        className="sr-only z-50 rounded bg-white px-3 py-2 focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      {/* Sticky at the viewport's height: who is signed in stays in view, and a page growing as its
          sections stream in does not move it (a layout shift). */}
      <aside className="sticky top-0 flex h-screen w-60 shrink-0 flex-col overflow-y-auto border-r border-zinc-200 bg-white px-3 py-4 dark:border-zinc-800 dark:bg-zinc-900">
        <Link href="/" className="mb-6 px-3 text-lg font-bold tracking-tight">
          Trustdeck
        </Link>
        <nav aria-label="Main">
          <NavLinks items={items} />
        </nav>
        <div className="mt-auto space-y-3 border-t border-zinc-200 px-1 pt-4 dark:border-zinc-800">
          <div className="px-2 text-sm">
            <p className="font-medium" data-testid="signed-in-user">
              {actor.name}
            </p>
            <p className="flex items-center gap-2 text-xs text-zinc-500">
              {actor.username} <Badge tone="info">{actor.role}</Badge>
            </p>
          </div>
          <ThemeSwitcher />
          <SignOutButton />
        </div>
      </aside>
      <main id="main" className="min-w-0 flex-1 px-8 py-6">
        <SessionEndedProvider>
          <div className="sticky top-0 z-30 mb-3 empty:hidden">
            <SessionEndedNotice />
          </div>
          {children}
        </SessionEndedProvider>
      </main>
    </div>
  );
}
