import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { deserialize, serialize } from "node:v8";

/**
 * Reads a file written by `writeStateFile`; undefined when there is none. The format is V8's
 * structured clone, which keeps Dates, Maps and Buffers as they were.
 */
export async function readStateFile(file: string): Promise<unknown> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  return deserialize(bytes);
}

/** Writes `value` to a temporary file beside `file`, then renames it: a reader sees old or new, never half. */
export async function writeStateFile(file: string, value: unknown): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, serialize(value), { mode: 0o600 });
  await rename(temp, file);
}
