"use client";

import { Button } from "@/components/ui/button";

export function SignOutButton() {
  return (
    <Button variant="ghost" size="sm" onClick={signOutAndReturnToLogin}>
      Sign out
    </Button>
  );
}

/** next-auth's client is loaded on click, not with every dashboard page (first-load JavaScript budget). */
async function signOutAndReturnToLogin() {
  const { signOut } = await import("next-auth/react");
  await signOut({ callbackUrl: "/login" });
}
