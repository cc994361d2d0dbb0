// Browser entry of bench/timeline-render.ts: mounts the real ExpiryTimeline with 5,000 fake
// certificates and exposes timed operations on `window.timelineBench`.
import { Profiler, type ProfilerOnRenderCallback } from "react";
import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import { ExpiryTimeline } from "../components/timeline/expiry-timeline";
import { flattenRows, groupCertificates, navigableBars } from "../lib/timeline/lanes";
import { fakeCertificates } from "./timeline-fixture";

const NOW = "2026-06-01T00:00:00.000Z";
const LABELS = {
  uipath: "UiPath Automation Cloud",
  cloudflare: "Cloudflare Zero Trust Access",
  huawei: "Huawei Cloud IAM Identity Center",
};

let renderMs = 0;
const onRender: ProfilerOnRenderCallback = (_id, _phase, actualDuration) => {
  renderMs += actualDuration;
};

/** Resolves after the next frame has been painted (the second rAF runs after the first paints). */
function painted(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

async function mount(count: number) {
  const certificates = fakeCertificates(count, new Date(NOW));
  const container = document.getElementById("root")!;
  renderMs = 0;
  const start = performance.now();
  const root = createRoot(container);
  flushSync(() =>
    root.render(
      <Profiler id="timeline" onRender={onRender}>
        <ExpiryTimeline certificates={certificates} now={NOW} vendorLabels={LABELS} />
      </Profiler>,
    ),
  );
  const committed = performance.now() - start;
  await painted();
  return {
    committed,
    painted: performance.now() - start,
    reactRender: renderMs,
    bars: document.querySelectorAll("[data-testid=timeline-bar]").length,
  };
}

/** The data preparation alone (what the first render memoises): grouping, rows and keyboard order. */
function prepare(count: number) {
  const certificates = fakeCertificates(count, new Date(NOW));
  const start = performance.now();
  const groups = groupCertificates(certificates, new Date(NOW), Object.keys(LABELS));
  navigableBars(flattenRows(groups, new Set()));
  return { prepare: performance.now() - start };
}

async function click(label: string) {
  const button = document.querySelector<HTMLButtonElement>(`[aria-label="${label}"]`)!;
  renderMs = 0;
  const start = performance.now();
  flushSync(() => button.click());
  const committed = performance.now() - start;
  await painted();
  return { committed, painted: performance.now() - start, reactRender: renderMs };
}

/** Dark mode, for looking at the screenshots (the bench itself measures the light theme). */
function dark() {
  document.documentElement.classList.add("dark");
  document.body.className += " bg-zinc-950 text-zinc-100";
}

Object.assign(window, { timelineBench: { mount, click, dark, prepare } });
