import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { USERS } from "../pages/login.page";

/** The roles the setup project signs in once (`auth.setup.ts`); the journeys reuse their sessions. */
export const SESSION_ROLES = ["admin", "operator", "viewer"] as const;
export type SessionRole = (typeof SESSION_ROLES)[number];

/** Where the setup project keeps a role's storage state (its session cookie). */
export function sessionFile(role: SessionRole): string {
  return path.join(process.cwd(), ".cache", "e2e-sessions", `${role}.json`);
}

type StorageState = { cookies: Parameters<ReturnType<Page["context"]>["addCookies"]>[0] };

/**
 * Give the page's browser context the role's saved session, open the Overview and check who is
 * signed in. The sign-in form itself is exercised by sign-in.spec.ts and auth.setup.ts.
 */
export async function signInAs(page: Page, role: SessionRole): Promise<void> {
  const { cookies } = JSON.parse(readFileSync(sessionFile(role), "utf8")) as StorageState;
  await page.context().clearCookies();
  await page.context().addCookies(cookies);
  await page.goto("/");
  await expect(page.getByTestId("signed-in-user")).toHaveText(USERS[role].name);
}
