import { describe, expect, it } from "vitest";

import { VendorError, isVendorError, redactSecrets } from "./errors";
import { describeHuaweiError } from "./huawei/errors";

describe("VendorError", () => {
  it("serialises to a browser-safe object with a stable code", () => {
    const error = new VendorError({
      vendor: "huawei",
      kind: "permission",
      operation: "list things",
      status: 403,
      vendorCode: "IIC.1000",
      requestId: "abc",
      cause: new Error("secret inner detail"),
    });
    const json = JSON.parse(JSON.stringify(error));
    expect(json).toMatchObject({
      name: "VendorError",
      code: "permission:huawei",
      status: 403,
      vendorCode: "IIC.1000",
      requestId: "abc",
      retryable: false,
    });
    expect(JSON.stringify(json)).not.toContain("secret inner detail");
    expect(json).not.toHaveProperty("stack");
    expect(json.userMessage).toMatch(/Grant the missing permission/);
  });

  it("defaults retryable by kind and keeps immutability through with()", () => {
    const error = new VendorError({ vendor: "cloudflare", kind: "unavailable", operation: "x" });
    expect(error.retryable).toBe(true);
    const changed = error.with({ kind: "ambiguous-write", outcome: "unknown", retryable: false });
    expect(changed).not.toBe(error);
    expect(changed).toMatchObject({ kind: "ambiguous-write", outcome: "unknown", retryable: false });
    expect(isVendorError(changed, "ambiguous-write")).toBe(true);
    expect(isVendorError(changed, "timeout")).toBe(false);
  });
});

describe("redaction", () => {
  it("removes known secrets, bearer tokens, signatures and form credentials", () => {
    const text =
      "got Bearer eyJhbGciOiJSUzI1NiJ9.abc.def and Signature=5a2ce64c865e0e6046321c6f3d5a77ba client_secret=hunter2xyz&x=1 SK=mysecretkey";
    const out = redactSecrets(text, ["mysecretkey"]);
    expect(out).not.toMatch(/eyJhbGci|5a2ce64c|hunter2xyz|mysecretkey/);
  });

  it("cuts Huawei's echoed canonical request, which can carry the security token", () => {
    const body = {
      error_code: "APIGW.0301",
      error_msg:
        "Incorrect IAM authentication information: verify aksk signature fail, canonicalRequest:GET|/v1/x/||host:h|x-security-token:TOPSECRETTOKEN|x-sdk-date:20260101T000000Z||host;x-security-token;x-sdk-date|e3b0",
      request_id: "r1",
    };
    const raw = {
      status: 401,
      headers: new Headers({ "content-type": "application/json", "x-request-id": "hdr-id" }),
      text: JSON.stringify(body),
      url: "https://h/v1/x",
    };
    const details = describeHuaweiError(raw, { identityStoreId: "d-1" });
    expect(details).toMatchObject({ kind: "auth", vendorCode: "APIGW.0301", requestId: "hdr-id" });
    expect(JSON.stringify(details)).not.toContain("TOPSECRETTOKEN");
  });
});
