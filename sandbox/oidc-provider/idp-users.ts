/**
 * The sandbox IdP's people. `groups` drives Trustdeck's claim → role mapping: one admin, one
 * operator, one viewer whose IdP sends `groups` as a single string (some IdPs do), and one user
 * in no Trustdeck group at all, whom the dashboard must refuse.
 */
export interface IdpUser {
  sub: string;
  username: string;
  name: string;
  email: string;
  groups: string[] | string;
}

/** Every sandbox IdP user signs in with this password (test data, printed in the banner). */
export const IDP_PASSWORD = "sandbox-password";

export const IDP_USERS: readonly IdpUser[] = [
  {
    sub: "idp-ines",
    username: "ines",
    name: "Ines Admin",
    email: "ines@idp.example.test",
    groups: ["staff", "trustdeck-admins"],
  },
  {
    sub: "idp-otto",
    username: "otto",
    name: "Otto Operator",
    email: "otto@idp.example.test",
    groups: ["staff", "trustdeck-operators"],
  },
  {
    sub: "idp-vik",
    username: "vik",
    name: "Vik Viewer",
    email: "vik@idp.example.test",
    groups: "trustdeck-viewers",
  },
  {
    sub: "idp-nils",
    username: "nils",
    name: "Nils Nobody",
    email: "nils@idp.example.test",
    groups: ["staff"],
  },
];

export const findIdpUserBySub = (sub: string) => IDP_USERS.find((u) => u.sub === sub);

/** The user whose username and password match, or undefined. */
export function checkIdpLogin(username: string, password: string): IdpUser | undefined {
  const user = IDP_USERS.find((u) => u.username === username.trim().toLowerCase());
  return user && password === IDP_PASSWORD ? user : undefined;
}
