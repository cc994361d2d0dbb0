import { describe, expect, it } from "vitest";
import { decryptJson, encryptJson, generateKey, parseKey, parseKeyRing, SecretsError } from "./crypto";

describe("secrets", () => {
  const key = parseKey(generateKey());

  it("round-trips a value and never contains the plaintext", async () => {
    const secret = { apiToken: "cf-token-very-secret-123" };
    const jwe = await encryptJson(secret, key, "connection:abc");
    expect(jwe.split(".")).toHaveLength(5);
    expect(jwe).not.toContain("very-secret");
    expect(await decryptJson(jwe, key, "connection:abc")).toEqual(secret);
  });

  it("uses a fresh IV each time", async () => {
    const a = await encryptJson({ a: 1 }, key, "p");
    const b = await encryptJson({ a: 1 }, key, "p");
    expect(a).not.toEqual(b);
  });

  it("refuses a ciphertext moved to another purpose, a wrong key and tampering", async () => {
    const jwe = await encryptJson({ a: 1 }, key, "connection:1");
    await expect(decryptJson(jwe, key, "connection:2")).rejects.toMatchObject({ code: "ERR_DECRYPT" });
    await expect(decryptJson(jwe, parseKey(generateKey()), "connection:1")).rejects.toBeInstanceOf(
      SecretsError,
    );
    const parts = jwe.split(".");
    parts[3] = parts[3]!.startsWith("A") ? "B" + parts[3]!.slice(1) : "A" + parts[3]!.slice(1);
    await expect(decryptJson(parts.join("."), key, "connection:1")).rejects.toMatchObject({
      code: "ERR_DECRYPT",
    });
  });

  it("validates the key", () => {
    expect(() => parseKey(undefined)).toThrow(/not set/);
    expect(() => parseKey("abc")).toThrow(/32 bytes/);
    expect(() => parseKey("!!!")).toThrow(SecretsError);
  });
});

describe("key rings (key rotation)", () => {
  const newest = generateKey();
  const older = generateKey();
  const ring = parseKeyRing(`${newest},${older}`);

  it("encrypts with the newest key and decrypts what either key sealed", async () => {
    const sealedByRing = await encryptJson({ a: 1 }, ring, "p");
    expect(await decryptJson(sealedByRing, parseKey(newest), "p")).toEqual({ a: 1 });
    const sealedByOlder = await encryptJson({ b: 2 }, parseKey(older), "p");
    expect(await decryptJson(sealedByOlder, ring, "p")).toEqual({ b: 2 });
    await expect(decryptJson(sealedByOlder, parseKey(newest), "p")).rejects.toMatchObject({
      code: "ERR_DECRYPT",
    });
  });

  it("reads ciphertexts written before keys had ids (kid v1)", async () => {
    const { CompactEncrypt } = await import("jose");
    const legacy = await new CompactEncrypt(new TextEncoder().encode(JSON.stringify({ c: 3 })))
      .setProtectedHeader({ alg: "dir", enc: "A256GCM", cty: "json", kid: "v1", "x-purpose": "p" })
      .encrypt(parseKey(older));
    expect(await decryptJson(legacy, ring, "p")).toEqual({ c: 3 });
  });

  it("names which key of the list is malformed", () => {
    expect(() => parseKeyRing(`${newest},not-a-key`)).toThrow(/key 2 of 2/);
    expect(() => parseKeyRing("")).toThrow(/not set/);
  });
});
