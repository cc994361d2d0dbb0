import { describe, expect, it } from "vitest";

import { canonicalRequest, formatSdkDate, signRequest } from "./signer";

// Signing vectors T1–T3 (docs/vendor-contracts.md, Huawei "Test vectors"; T1/T2 from
// huaweicloud-sdk-go-v3 signer_test.go).
describe("SDK-HMAC-SHA256 signer", () => {
  it("T1: GET with a query, underscore header excluded", () => {
    const headers = signRequest(
      {
        method: "GET",
        url: new URL("https://example.huaweicloud.com/path?limit=1"),
        headers: { TEST_UNDERSCORE: "TEST_VALUE" },
      },
      { accessKeyId: "AccessKey", secretAccessKey: "SecretKey" },
      new Date("2006-01-02T15:04:05Z"),
    );
    expect(headers).toEqual({
      "X-Sdk-Date": "20060102T150405Z",
      Authorization:
        "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, Signature=5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624",
    });
  });

  it("T2: POST with a JSON body whose trailing newline is hashed", () => {
    const headers = signRequest(
      {
        method: "POST",
        url: new URL("https://example.huaweicloud.com/path?key=value"),
        headers: {},
        body: '{"Name":"test","Id":1}\n',
      },
      { accessKeyId: "AccessKey", secretAccessKey: "SecretKey" },
      new Date("2006-01-02T15:04:05Z"),
    );
    expect(headers.Authorization).toBe(
      "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, Signature=cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59",
    );
  });

  it("T3: the Identity Center list request, content-type;host;x-sdk-date", () => {
    const url = new URL(
      "https://identitystore.ap-southeast-1.myhuaweicloud.com/v1/identity-stores/d-1234567890/saml-certificates",
    );
    const signed = {
      "Content-Type": "application/json",
      Host: "identitystore.ap-southeast-1.myhuaweicloud.com",
    };
    const headers = signRequest(
      { method: "GET", url, headers: signed },
      { accessKeyId: "AKEXAMPLE", secretAccessKey: "SKEXAMPLE" },
      new Date("2026-01-01T00:00:00Z"),
    );
    expect(headers.Authorization).toBe(
      "SDK-HMAC-SHA256 Access=AKEXAMPLE, SignedHeaders=content-type;host;x-sdk-date, Signature=77fa8c5ff187daaf45362bc3713510b82c4a95aeb2ab801a7fa566162a793d88",
    );
    const map = new Map([
      ["content-type", "application/json"],
      ["host", "identitystore.ap-southeast-1.myhuaweicloud.com"],
      ["x-sdk-date", "20260101T000000Z"],
    ]);
    expect(canonicalRequest({ method: "GET", url, headers: signed }, map, [...map.keys()])).toBe(
      [
        "GET",
        "/v1/identity-stores/d-1234567890/saml-certificates/",
        "",
        "content-type:application/json",
        "host:identitystore.ap-southeast-1.myhuaweicloud.com",
        "x-sdk-date:20260101T000000Z",
        "",
        "content-type;host;x-sdk-date",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      ].join("\n"),
    );
  });

  it("canonicalises the query as the Go SDK's test does", () => {
    const url = new URL("https://x/p");
    for (const [k, v] of [
      ["test", "一 (&=?!#%.*)"],
      ["multi", "3"],
      ["path", "/tmp/123"],
      ["multi", "1"],
      ["enable", "true"],
      ["limit", "1"],
      ["multi", "2"],
    ] as const) {
      url.searchParams.append(k, v);
    }
    const canonical = canonicalRequest({ method: "GET", url, headers: {} }, new Map(), []);
    expect(canonical.split("\n")[2]).toBe(
      "enable=true&limit=1&multi=1&multi=2&multi=3&path=%2Ftmp%2F123&test=%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29",
    );
  });

  it("formats X-Sdk-Date in UTC", () => {
    expect(formatSdkDate(new Date("2026-07-04T09:08:07.654Z"))).toBe("20260704T090807Z");
  });
});
