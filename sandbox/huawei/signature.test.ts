import { describe, expect, it } from "vitest";
import {
  canonicalQuery,
  canonicalRequest,
  canonicalUri,
  parseAuthorization,
  signString,
  stringToSign,
  type SignableRequest,
} from "./signature";

/** Verifies a vector the way the gateway does: over the client's own SignedHeaders. */
function verify(req: SignableRequest, authorization: string, sk: string): boolean {
  const auth = parseAuthorization(authorization)!;
  const canonical = canonicalRequest(req, auth.signedHeaders);
  return signString(sk, stringToSign(canonical, String(req.headers["x-sdk-date"]))) === auth.signature;
}

describe("SDK-HMAC-SHA256 verifier against the test vectors of docs/vendor-contracts.md", () => {
  it("T1: GET with an excluded underscore header", () => {
    const req: SignableRequest = {
      method: "GET",
      rawPath: "/path",
      rawQuery: "limit=1",
      headers: {
        host: "example.huaweicloud.com",
        "x-sdk-date": "20060102T150405Z",
        test_underscore: "TEST_VALUE",
      },
      body: Buffer.alloc(0),
    };
    const authorization =
      "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, Signature=5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624";
    expect(verify(req, authorization, "SecretKey")).toBe(true);
    expect(verify(req, authorization, "SecretKeX")).toBe(false);
  });

  it("T2: POST with a JSON body whose trailing newline is hashed", () => {
    const req: SignableRequest = {
      method: "POST",
      rawPath: "/path",
      rawQuery: "key=value",
      headers: { "content-type": "application/json", "x-sdk-date": "20060102T150405Z" },
      body: Buffer.from('{"Name":"test","Id":1}\n'),
    };
    const authorization =
      "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, Signature=cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59";
    expect(verify(req, authorization, "SecretKey")).toBe(true);
    expect(verify({ ...req, body: Buffer.from('{"Name":"test","Id":1}') }, authorization, "SecretKey")).toBe(
      false,
    );
  });

  it("T3: Identity Store list with content-type;host;x-sdk-date, byte for byte", () => {
    const req: SignableRequest = {
      method: "GET",
      rawPath: "/v1/identity-stores/d-1234567890/saml-certificates",
      rawQuery: "",
      headers: {
        "content-type": "application/json",
        host: "identitystore.ap-southeast-1.myhuaweicloud.com",
        "x-sdk-date": "20260101T000000Z",
      },
      body: Buffer.alloc(0),
    };
    const expectedCanonical = [
      "GET",
      "/v1/identity-stores/d-1234567890/saml-certificates/",
      "",
      "content-type:application/json",
      "host:identitystore.ap-southeast-1.myhuaweicloud.com",
      "x-sdk-date:20260101T000000Z",
      "",
      "content-type;host;x-sdk-date",
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    ].join("\n");
    expect(canonicalRequest(req, ["content-type", "host", "x-sdk-date"])).toBe(expectedCanonical);
    const authorization =
      "SDK-HMAC-SHA256 Access=AKEXAMPLE, SignedHeaders=content-type;host;x-sdk-date, Signature=77fa8c5ff187daaf45362bc3713510b82c4a95aeb2ab801a7fa566162a793d88";
    expect(verify(req, authorization, "SKEXAMPLE")).toBe(true);
    // The same request with a different Host (as a port would make it) must not verify.
    expect(
      verify(
        { ...req, headers: { ...req.headers, host: "identitystore.ap-southeast-1.myhuaweicloud.com:443" } },
        authorization,
        "SKEXAMPLE",
      ),
    ).toBe(false);
  });

  it("canonicalises paths and queries like the Go SDK", () => {
    expect(canonicalUri("/v1/a:b/c d")).toBe("/v1/a%3Ab/c%20d/");
    expect(canonicalUri("/v1/a%3Ab/")).toBe("/v1/a%3Ab/");
    expect(
      canonicalQuery(
        "test=%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29&path=%2Ftmp%2F123&multi=3&multi=1&multi=2&limit=1&enable=true",
      ),
    ).toBe(
      "enable=true&limit=1&multi=1&multi=2&multi=3&path=%2Ftmp%2F123&test=%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29",
    );
  });

  it("rejects Authorization headers that are not in the SDK format", () => {
    expect(
      parseAuthorization("SDK-HMAC-SHA256, Access=AK, SignedHeaders=x-sdk-date, Signature=ab"),
    ).toBeUndefined();
    expect(parseAuthorization("Bearer abc")).toBeUndefined();
    expect(parseAuthorization(undefined)).toBeUndefined();
  });
});
