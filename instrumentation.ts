/**
 * Next.js calls `register` once per server process. The inventory scheduler needs Node.js
 * (database pools, timers), so it starts only in that runtime, never in the edge runtime.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // First: X-Forwarded-* only from TRUSTED_PROXIES (audit IP, redirects, links, HSTS).
  const { installForwardedHeaderGuard } = await import("@/lib/auth/trusted-proxies");
  installForwardedHeaderGuard();
  // Before the first request: a container's first admin (TRUSTDECK_BOOTSTRAP_ADMIN_*), if asked for.
  const { runAdminBootstrap } = await import("@/lib/users/bootstrap-start");
  await runAdminBootstrap();
  const { startInventoryScheduler } = await import("@/lib/inventory/scheduler-start");
  startInventoryScheduler();
  const { startWriteRecovery } = await import("@/lib/writes/recover-start");
  startWriteRecovery();
}
