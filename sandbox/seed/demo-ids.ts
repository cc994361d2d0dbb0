import { IdSource } from "../core/ids";

/**
 * The one source of demo identifiers and credentials. Values are HMACs of labels
 * under a fixed key, so every run (and every reset) yields the same IDs, secrets,
 * tokens and AK/SKs: connection settings pasted into the dashboard keep working.
 */
export const demoIds = new IdSource("trustdeck-sandbox-demo-v1");
