import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { demoBanner, writeDemoCredentials } from "./demo-banner.mjs";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const users = [
  { username: "admin", role: "admin", password: "Adm1n-pass-9f3c" },
  { username: "operator", role: "operator", password: "0perator-pass-77aa" },
];
const idp = {
  users: [
    { username: "ines", groups: ["trustdeck-admins"] },
    { username: "nils", groups: [] },
  ],
  password: "idp-password-2b8e",
};

function credentialsFile(): string {
  const folder = mkdtempSync(path.join(tmpdir(), "trustdeck-demo-banner-"));
  folders.push(folder);
  return path.join(folder, "credentials.txt");
}

describe("the demo banner says where the logins are, never what they are", () => {
  it("writes every login to an owner-only file and prints its path and the URL, but no password", () => {
    const file = credentialsFile();
    writeDemoCredentials(file, { url: "http://127.0.0.1:3000", users, idp });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const stored = readFileSync(file, "utf8");
    const secrets = [...users.map((u) => u.password), idp.password];
    for (const secret of secrets) expect(stored).toContain(secret);

    const banner: string = demoBanner({
      url: "http://127.0.0.1:3000",
      credentialsFile: file,
      caFile: ".trustdeck/sandbox/ca.pem",
      dataDir: ".trustdeck",
    });
    expect(banner).toContain("http://127.0.0.1:3000");
    expect(banner).toContain(file);
    for (const secret of secrets) expect(banner).not.toContain(secret);
    // Not even a fragment of one (a truncated or wrapped password is still a disclosure).
    for (const secret of secrets) expect(banner).not.toContain(secret.slice(0, 8));
  });

  it("narrows a file that existed with looser rights to 0600", () => {
    const file = credentialsFile();
    writeFileSync(file, "old\n", { mode: 0o644 });
    writeDemoCredentials(file, { url: "http://127.0.0.1:3000", users });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, "utf8")).not.toContain("old");
  });
});
