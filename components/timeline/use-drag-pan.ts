"use client";

import { useLayoutEffect, useRef, type PointerEvent, type MouseEvent, type RefObject } from "react";
import { pixelsToMs } from "@/lib/timeline/scale";
import type { TimeView } from "@/lib/timeline/types";
import { PAN_VAR } from "./pan-layer";

const THRESHOLD_PX = 4;

/**
 * Drag to pan. While the pointer moves only a CSS variable changes (the layers translate on the
 * compositor); on release the view moves once and the variable is reset in the same commit.
 * A drag that moved does not also click the bar it started on.
 */
export function useDragPan(
  containerRef: RefObject<HTMLElement | null>,
  view: TimeView,
  width: number,
  panMs: (ms: number) => void,
) {
  const drag = useRef<{ x: number; dx: number; id: number; moving: boolean } | null>(null);
  const swallowClick = useRef(false);

  // The new view is on screen: drop the temporary offset before the browser paints.
  useLayoutEffect(() => {
    containerRef.current?.style.setProperty(PAN_VAR, "0px");
  }, [containerRef, view]);

  function onPointerDown(event: PointerEvent<HTMLElement>) {
    // Drags may start anywhere, headings included: a drag that moved never clicks (see below).
    // A drag whose pointerup landed elsewhere may have produced no click to swallow: start afresh.
    swallowClick.current = false;
    if (event.button !== 0) return;
    drag.current = { x: event.clientX, dx: 0, id: event.pointerId, moving: false };
  }

  function onPointerMove(event: PointerEvent<HTMLElement>) {
    const state = drag.current;
    if (!state || state.id !== event.pointerId) return;
    state.dx = event.clientX - state.x;
    if (!state.moving && Math.abs(state.dx) > THRESHOLD_PX) {
      state.moving = true;
      // Captured only once it is a drag: capturing at pointerdown would retarget a plain click.
      event.currentTarget.setPointerCapture(event.pointerId);
    }
    if (state.moving) event.currentTarget.style.setProperty(PAN_VAR, `${state.dx}px`);
  }

  function onPointerEnd(event: PointerEvent<HTMLElement>) {
    const state = drag.current;
    drag.current = null;
    if (!state?.moving) return;
    swallowClick.current = true;
    if (event.type === "pointercancel") event.currentTarget.style.setProperty(PAN_VAR, "0px");
    else panMs(-pixelsToMs(state.dx, view, width));
  }

  function onClickCapture(event: MouseEvent<HTMLElement>) {
    if (!swallowClick.current) return;
    swallowClick.current = false;
    event.preventDefault();
    event.stopPropagation();
  }

  return {
    onPointerDown,
    onPointerMove,
    onPointerUp: onPointerEnd,
    onPointerCancel: onPointerEnd,
    onClickCapture,
  };
}
