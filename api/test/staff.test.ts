import { isStaffEmail } from "@cleanup/shared";
import { describe, expect, it } from "vitest";

describe("isStaffEmail (shared/src/staff.ts)", () => {
  it.each(["support@smartphonekey.com", "admin@smartphonekey.com", "First.Last+tag@SmartphoneKey.com"])(
    "accepts %s",
    (email) => expect(isStaffEmail(email)).toBe(true),
  );

  it.each([
    "x@smartphonekey.com.evil.example",
    "x@evilsmartphonekey.com",
    "x@smartphonekey.com@evil.example",
    "x@sub.smartphonekey.com",
    "x@smartphonekey.com.",
    "x@smartphоnekey.com", // Cyrillic "о"
    "x@ｓmartphonekey.com", // full-width "s"
    "x\u200b@smartphonekey.com", // zero-width space
    " x@smartphonekey.com",
    "@smartphonekey.com",
    ".x@smartphonekey.com",
    "x..y@smartphonekey.com",
    "smartphonekey.com",
    "",
    `${"a".repeat(65)}@smartphonekey.com`,
  ])("rejects %j", (email) => expect(isStaffEmail(email)).toBe(false));

  it("rejects anything that is not a string", () => {
    for (const value of [
      null,
      undefined,
      42,
      ["support@smartphonekey.com"],
      { email: "support@smartphonekey.com" },
    ]) {
      expect(isStaffEmail(value)).toBe(false);
    }
  });
});
