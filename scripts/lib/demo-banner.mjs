// What `npm run demo` shows once the dashboard answers: where to go and where the logins are kept,
// never the logins themselves (a terminal is scrolled back, screen-shared and logged).
import { chmodSync, writeFileSync } from "node:fs";

/**
 * Writes the demo's sign-in details to `file`, readable by its owner only (mode 0600, also when the
 * file existed with looser rights).
 * @param {string} file
 * @param {{ url: string, users: { username: string, role: string, password: string }[],
 *   idp?: { users: { username: string, groups: string[] | string }[], password: string } }} logins
 */
export function writeDemoCredentials(file, { url, users, idp }) {
  const lines = [
    "# Trustdeck demo sign-in. Demo data only; readable by you only (mode 0600).",
    `Dashboard  ${url}`,
    "",
    "Sign in with a username and password:",
    ...users.map((u) => `  ${u.username.padEnd(10)} ${u.password.padEnd(28)} (${u.role})`),
  ];
  if (idp)
    lines.push(
      "",
      'Or "Sign in with Sandbox IdP" (single sign-on; the role comes from a trustdeck-* group, a user in none is refused):',
      ...idp.users.map(
        (u) =>
          `  ${u.username.padEnd(10)} ${idp.password.padEnd(28)} (${[u.groups].flat().join(", ") || "no group: refused"})`,
      ),
    );
  writeFileSync(file, `${lines.join("\n")}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
}

/**
 * The banner: the dashboard's URL and the paths of the files that hold the logins and the CA.
 * @param {{ url: string, credentialsFile: string, caFile: string, dataDir: string }} where
 */
export function demoBanner({ url, credentialsFile, caFile, dataDir }) {
  return `
  Trustdeck demo is running.

    Dashboard   ${url}
    Sign in     with a login from ${credentialsFile}  (readable by you only)
                — demo users, or "Sign in with Sandbox IdP" (its certificate comes from the
                sandbox CA, ${caFile}: trust it or accept the warning)
    Data        ${dataDir}/  (delete it to start over)

  Press Ctrl+C to stop.
`;
}
