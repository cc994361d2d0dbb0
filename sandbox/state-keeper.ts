import { join } from "node:path";
import { readStateFile, writeStateFile } from "./core/state-file";

/** What a persistent sandbox keeps in `<dataDir>/state.v8`. */
export interface SavedState {
  format: 1;
  savedAt: string;
  /** Labels of objects created at run time continue after a restart, so IDs stay unique. */
  idCounters: Map<string, number>;
  /** Each vendor's state, by vendor name. */
  vendors: Record<string, unknown>;
}

/** Saves this long after the last change: a burst of writes costs one save. */
const SAVE_DELAY_MS = 100;

/** The state file of a data dir. */
export function stateFileIn(dataDir: string): string {
  return join(dataDir, "state.v8");
}

/** Reads the saved state of a data dir; undefined when there is none or it is not ours. */
export async function loadSavedState(dataDir: string): Promise<SavedState | undefined> {
  const saved = await readStateFile(stateFileIn(dataDir));
  if (saved === undefined) return undefined;
  if (typeof saved !== "object" || saved === null || (saved as { format?: unknown }).format !== 1)
    throw new Error(`${stateFileIn(dataDir)} is not a sandbox state file (delete it to start from the seed)`);
  return saved as SavedState;
}

/** Saves the sandbox state shortly after each change, and on demand; saves never overlap. */
export class StateKeeper {
  private timer: NodeJS.Timeout | undefined;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly dataDir: string,
    private readonly collect: () => Omit<SavedState, "format" | "savedAt">,
  ) {}

  /** Something changed: save soon. */
  changed(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => void this.save(), SAVE_DELAY_MS);
    this.timer.unref();
  }

  /** Saves now (and cancels a pending save); resolves once the file is in place. */
  save(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const snapshot: SavedState = { format: 1, savedAt: new Date().toISOString(), ...this.collect() };
    this.chain = this.chain
      .then(() => writeStateFile(stateFileIn(this.dataDir), snapshot))
      .catch((error: unknown) =>
        console.error(`[sandbox] saving the state failed: ${error instanceof Error ? error.message : error}`),
      );
    return this.chain;
  }
}
