import type { CSSProperties } from "react";

/**
 * During a drag the plot's layers follow the pointer through one CSS variable set on the scroll
 * container (a compositor transform, no React render, no layout); the view is committed on release.
 */
export const PAN_VAR = "--timeline-pan";

/** The style of every layer that moves with a drag. */
export const panLayerStyle: CSSProperties = { transform: `translateX(var(${PAN_VAR}, 0px))` };

/** Width of the set-name column, in Tailwind spacing and pixels (the plot starts after it). */
export const LABEL_COLUMN = "w-56";
