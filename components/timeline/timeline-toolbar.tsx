"use client";

import { Button } from "@/components/ui/button";
import { ZOOM_STEP } from "@/lib/timeline/input";
import { PRESET_LABELS, PRESETS, type PresetId } from "@/lib/timeline/scale";
import type { TimelineViewControls } from "./use-timeline-view";

/** Zoom, pan, today, presets and collapse buttons; the active preset is pressed. */
export function TimelineToolbar({
  controls,
  activePreset,
  onExpandAll,
  onCollapseAll,
}: {
  controls: TimelineViewControls;
  activePreset: PresetId | null;
  onExpandAll: () => void;
  onCollapseAll: () => void;
}) {
  return (
    <div role="toolbar" aria-label="Timeline controls" className="flex flex-wrap items-center gap-2">
      <div className="flex gap-1" role="group" aria-label="Window">
        {(Object.keys(PRESETS) as PresetId[]).map((id) => (
          <Button
            key={id}
            size="sm"
            variant={activePreset === id ? "primary" : "secondary"}
            aria-pressed={activePreset === id}
            onClick={() => controls.preset(id)}
          >
            {PRESET_LABELS[id]}
          </Button>
        ))}
      </div>
      <div className="flex gap-1" role="group" aria-label="Zoom and move">
        <Button
          size="sm"
          variant="secondary"
          onClick={() => controls.zoom(ZOOM_STEP)}
          aria-label="Zoom in"
          title="Zoom in (+)"
        >
          +
        </Button>
        <Button
          size="sm"
          variant="secondary"
          onClick={() => controls.zoom(1 / ZOOM_STEP)}
          aria-label="Zoom out"
          title="Zoom out (−)"
        >
          −
        </Button>
        <Button
          size="sm"
          variant="secondary"
          onClick={() => controls.pan(-0.25)}
          aria-label="Earlier"
          title="Earlier (←)"
        >
          ←
        </Button>
        <Button size="sm" variant="secondary" onClick={controls.today} title="Centre on today (T)">
          Today
        </Button>
        <Button
          size="sm"
          variant="secondary"
          onClick={() => controls.pan(0.25)}
          aria-label="Later"
          title="Later (→)"
        >
          →
        </Button>
      </div>
      <div className="flex gap-1" role="group" aria-label="Groups">
        <Button size="sm" variant="ghost" onClick={onExpandAll}>
          Expand all
        </Button>
        <Button size="sm" variant="ghost" onClick={onCollapseAll}>
          Collapse all
        </Button>
      </div>
    </div>
  );
}
