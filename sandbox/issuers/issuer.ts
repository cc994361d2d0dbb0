import {
  calculateJwkThumbprint,
  exportJWK,
  importJWK,
  SignJWT,
  UnsecuredJWT,
  type JWK,
  type JWTPayload,
} from "jose";
import { generateKeyPairSync, randomUUID, randomBytes } from "node:crypto";
import type { IssuerProfile } from "./issuer-profiles";

interface SigningKey {
  kid: string;
  publicJwk: JWK;
  privateJwk: JWK;
}

/** The JWS algorithms `mint` can sign with (UiPath accepts only RS256; the others exist to test that). */
export const MINT_ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "ES256", "HS256", "none"] as const;
export type MintAlgorithm = (typeof MINT_ALGORITHMS)[number];

/** Options of `mint` besides the claims. */
export interface MintOptions {
  alg?: MintAlgorithm;
  /** A published kid signs with that key; any other kid signs with an unpublished key. */
  kid?: string;
  /** Lifetime in seconds from the sandbox clock; negative mints an expired token. */
  expiresIn?: number;
}

/** One hosted OIDC issuer: its URL, discovery document, JWKS and a JWT mint. */
export class Issuer {
  private rogue?: SigningKey;
  private ecKey?: { privateJwk: JWK };

  private constructor(
    readonly url: string,
    readonly profile: IssuerProfile,
    private readonly keys: SigningKey[],
  ) {}

  /** Builds an issuer from RSA key pairs (the first one signs by default). */
  static async create(url: string, profile: IssuerProfile, pairs: CryptoKeyPair[]): Promise<Issuer> {
    return new Issuer(url, profile, await Promise.all(pairs.map(toSigningKey)));
  }

  /** `{issuer}/.well-known/openid-configuration`: `issuer` is byte-identical to the URL. */
  discovery(): Record<string, unknown> {
    return {
      issuer: this.url,
      jwks_uri: `${this.url}${this.profile.jwksPath}`,
      ...this.profile.discovery(this.url),
    };
  }

  /** The public JWKS. */
  jwks(): { keys: JWK[] } {
    return { keys: this.keys.map((k) => k.publicJwk) };
  }

  /** Signs a JWT with the given claims; `iss`, `iat`, `exp` and `jti` default from the issuer and clock. */
  async mint(claims: JWTPayload, options: MintOptions, nowMs: number): Promise<string> {
    const iat = Math.floor(nowMs / 1000);
    const payload: JWTPayload = {
      iss: this.url,
      iat,
      exp: iat + (options.expiresIn ?? 600),
      jti: randomUUID(),
      ...claims,
    };
    const alg = options.alg ?? "RS256";
    if (alg === "none") return new UnsecuredJWT(payload).encode();
    const { key, kid } = await this.signingKey(alg, options.kid);
    return new SignJWT(payload).setProtectedHeader({ alg, typ: "JWT", ...(kid && { kid }) }).sign(key);
  }

  private async signingKey(
    alg: Exclude<MintAlgorithm, "none">,
    kid?: string,
  ): Promise<{ key: CryptoKey | Uint8Array; kid?: string }> {
    if (alg === "HS256") return { key: randomBytes(32), kid };
    if (alg === "ES256") {
      this.ecKey ??= {
        privateJwk: generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({
          format: "jwk",
        }) as JWK,
      };
      return {
        key: (await importJWK(this.ecKey.privateJwk, alg)) as CryptoKey,
        kid: kid ?? "ec-unpublished",
      };
    }
    let signer = kid === undefined ? this.keys[0]! : this.keys.find((k) => k.kid === kid);
    if (!signer) {
      this.rogue ??= await toSigningKey(generateKeyPairSync("rsa", { modulusLength: 2048 }));
      signer = this.rogue;
    }
    return { key: (await importJWK(signer.privateJwk, alg)) as CryptoKey, kid: kid ?? signer.kid };
  }
}

async function toSigningKey(
  pair:
    | CryptoKeyPair
    | { privateKey: import("node:crypto").KeyObject; publicKey: import("node:crypto").KeyObject },
): Promise<SigningKey> {
  const privateJwk =
    "export" in pair.privateKey
      ? (pair.privateKey.export({ format: "jwk" }) as JWK)
      : await exportJWK(pair.privateKey);
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...bare } = privateJwk;
  const kid = await calculateJwkThumbprint(bare);
  return {
    kid,
    privateJwk,
    publicJwk: { kty: bare.kty, n: bare.n, e: bare.e, kid, alg: "RS256", use: "sig" },
  };
}
