// The product name alone, so that client components can label a vendor without loading its
// whole descriptor (lib/vendors/labels.ts).
export const uipathLabel = "UiPath Automation Cloud";
