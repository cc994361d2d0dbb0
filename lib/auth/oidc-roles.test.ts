import { describe, expect, it } from "vitest";
import { claimValues, parseRoleMap, roleFromClaims } from "./oidc-roles";

const MAP = parseRoleMap("trustdeck-admins=admin,trustdeck-operators=operator,trustdeck-viewers=viewer");

describe("parseRoleMap", () => {
  it("reads comma- and newline-separated pairs, trimming blanks and empty entries", () => {
    const map = parseRoleMap(" a = admin ,\n b=operator,, \nc=viewer,");
    expect([...map]).toEqual([
      ["a", "admin"],
      ["b", "operator"],
      ["c", "viewer"],
    ]);
  });

  it("keeps '=' inside a value (the last '=' separates the role)", () => {
    expect([...parseRoleMap("CN=Admins;OU=Groups=admin")]).toEqual([["CN=Admins;OU=Groups", "admin"]]);
  });

  it("is empty for an empty setting", () => {
    expect(parseRoleMap("").size).toBe(0);
    expect(parseRoleMap(" , \n").size).toBe(0);
  });

  it.each([
    ["admins", /not value=role/],
    ["=admin", /not value=role/],
    ["admins=", /not value=role/],
    ["admins=root", /"root" is not a role/],
    ["admins=Admin", /"Admin" is not a role/],
    ["admins=admin,admins=viewer", /listed twice/],
  ])("refuses %j", (raw, message) => {
    expect(() => parseRoleMap(raw)).toThrow(message);
  });
});

describe("claimValues", () => {
  it("takes a string as one value and the strings of an array", () => {
    expect(claimValues({ groups: "trustdeck-admins" }, "groups")).toEqual(["trustdeck-admins"]);
    expect(claimValues({ groups: ["a", 7, null, "b", { x: 1 }] }, "groups")).toEqual(["a", "b"]);
  });

  it("gives nothing for a missing claim, null, a number, a boolean or an object", () => {
    for (const groups of [undefined, null, 3, true, { admins: true }])
      expect(claimValues({ groups }, "groups")).toEqual([]);
    expect(claimValues({}, "groups")).toEqual([]);
  });

  it("reaches into nested objects with a dotted name, but prefers an exact top-level claim", () => {
    const claims = { realm_access: { roles: ["trustdeck-admins"] } };
    expect(claimValues(claims, "realm_access.roles")).toEqual(["trustdeck-admins"]);
    expect(claimValues({ ...claims, "realm_access.roles": "x" }, "realm_access.roles")).toEqual(["x"]);
    expect(claimValues({ realm_access: ["roles"] }, "realm_access.roles")).toEqual([]);
    expect(claimValues({ realm_access: null }, "realm_access.roles")).toEqual([]);
  });
});

describe("roleFromClaims", () => {
  it("maps a single string claim", () => {
    expect(roleFromClaims({ groups: "trustdeck-viewers" }, "groups", MAP)).toBe("viewer");
  });

  it("gives the highest mapped role whatever the order of the values", () => {
    expect(
      roleFromClaims(
        { groups: ["trustdeck-viewers", "trustdeck-admins", "trustdeck-operators"] },
        "groups",
        MAP,
      ),
    ).toBe("admin");
    expect(roleFromClaims({ groups: ["trustdeck-admins", "trustdeck-viewers"] }, "groups", MAP)).toBe(
      "admin",
    );
    expect(roleFromClaims({ groups: ["trustdeck-operators", "trustdeck-viewers"] }, "groups", MAP)).toBe(
      "operator",
    );
  });

  it("ignores unknown values, and compares exactly (case, spaces)", () => {
    expect(roleFromClaims({ groups: ["staff", "trustdeck-operators"] }, "groups", MAP)).toBe("operator");
    expect(
      roleFromClaims({ groups: ["Trustdeck-Admins", " trustdeck-admins", "staff"] }, "groups", MAP),
    ).toBeNull();
  });

  it("is null for a missing claim, an empty array or a claim of another type", () => {
    expect(roleFromClaims({}, "groups", MAP)).toBeNull();
    expect(roleFromClaims({ groups: [] }, "groups", MAP)).toBeNull();
    expect(roleFromClaims({ groups: 1 }, "groups", MAP)).toBeNull();
    expect(roleFromClaims({ roles: ["trustdeck-admins"] }, "groups", MAP)).toBeNull();
  });

  it("is null with an empty map", () => {
    expect(roleFromClaims({ groups: ["trustdeck-admins"] }, "groups", new Map())).toBeNull();
  });
});
