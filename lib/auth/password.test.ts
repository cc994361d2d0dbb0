import { describe, expect, it } from "vitest";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "./password";

describe("password hashing", () => {
  it("verifies the right password and rejects a wrong one", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(await verifyPassword("correct horse battery staple", hash)).toBe(true);
    expect(await verifyPassword("correct horse battery stapl", hash)).toBe(false);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("same")).not.toEqual(await hashPassword("same"));
  });

  it("treats malformed hashes as a mismatch", async () => {
    for (const bad of ["", "bcrypt$x", "scrypt$a$b$c$$", "scrypt$16384$8$1$c2FsdA$"]) {
      expect(await verifyPassword("x", bad)).toBe(false);
    }
  });

  it("the dummy check always fails", async () => {
    expect(await verifyAgainstDummy("trustdeck-dummy-password")).toBe(false);
  });
});
