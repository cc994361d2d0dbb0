import { describe, expect, it } from "vitest";
import { orderCertificateChain } from "./chain";
import { decodeCertificates } from "./decode";
import { readExpectations, readFixture, readFixtureText } from "./fixtures/read-fixtures";
import { computeThumbprint } from "./thumbprint";

const openssl = readExpectations();

function decode(input: string | Uint8Array) {
  const result = decodeCertificates(input);
  if (!result.ok) throw new Error(result.error.message);
  return result.certificates;
}

async function order(input: string | Uint8Array) {
  const chain = await orderCertificateChain(decode(input));
  const names = await Promise.all(
    chain.entries.map(async (entry) => {
      const sha256 = await computeThumbprint(entry.certificate.der, "SHA-256");
      return [...openssl].find(([, expected]) => expected.sha256 === sha256)?.[0];
    }),
  );
  return { chain, names, links: chain.entries.map((entry) => entry.issuer) };
}

describe("orderCertificateChain", () => {
  it("orders a shuffled bundle leaf first and verifies every signature", async () => {
    const { chain, names, links } = await order(readFixtureText("bundle-shuffled.pem"));
    expect(names).toEqual(["leaf", "intermediate-ca", "root-ca"]);
    expect(chain.entries.map((entry) => entry.inputIndex)).toEqual([1, 2, 0]);
    expect(links).toEqual(["verified", "verified", "root"]);
    expect(chain).toMatchObject({ complete: true, gaps: [], unrelated: [], duplicates: [] });
  });

  it("keeps a bundle that is already in order, also from PKCS#7", async () => {
    expect((await order(readFixtureText("bundle.pem"))).names).toEqual([
      "leaf",
      "intermediate-ca",
      "root-ca",
    ]);
    expect((await order(readFixture("chain.p7b"))).names).toEqual(["leaf", "intermediate-ca", "root-ca"]);
  });

  it("reports a missing intermediate as a gap and the orphaned root as unrelated", async () => {
    const { chain, names, links } = await order(readFixtureText("bundle-gap.pem"));
    expect(names).toEqual(["leaf"]);
    expect(links).toEqual(["missing"]);
    expect(chain.complete).toBe(false);
    expect(chain.gaps).toEqual([
      {
        afterIndex: 0,
        missingIssuer: openssl.get("intermediate-ca")!.subject,
        message: `The issuer of “sso.example.org” (${openssl.get("intermediate-ca")!.subject}) is not in the bundle.`,
      },
    ]);
    expect(chain.unrelated).toEqual([1]);
  });

  it("treats one self-signed certificate as a complete chain", async () => {
    const { chain, links } = await order(readFixtureText("rsa2048.pem"));
    expect(links).toEqual(["root"]);
    expect(chain.complete).toBe(true);
  });

  it("marks an issuer it cannot verify (MD5) as unchecked, not verified", async () => {
    const { links } = await order(readFixtureText("md5-rsa.pem"));
    expect(links).toEqual(["root"]);
  });

  it("lists repeats as duplicates", async () => {
    const leaf = readFixtureText("leaf.pem");
    const { chain } = await order(leaf + leaf + readFixtureText("intermediate-ca.pem"));
    expect(chain.duplicates).toEqual([1]);
    expect(chain.entries).toHaveLength(2);
    expect(chain.gaps).toHaveLength(1);
  });

  it("returns an empty chain for no certificates", async () => {
    expect(await orderCertificateChain([])).toEqual({
      entries: [],
      complete: false,
      gaps: [],
      unrelated: [],
      duplicates: [],
    });
  });
});
