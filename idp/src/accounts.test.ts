import { describe, expect, it } from "vitest";
import { checkPassword } from "./accounts.ts";

describe("the provider's accounts", () => {
  it("are found whatever the ASCII case, and only so: a Kelvin sign (U+212A) is not a k", () => {
    expect(checkPassword(" Support@SmartphoneKey.COM", "pw", "pw")?.sub).toBe("staff-support");
    expect(checkPassword("support@smartphone\u212Aey.com", "pw", "pw")).toBeUndefined();
    expect(checkPassword("support@smartphonekey.com", "wrong", "pw")).toBeUndefined();
  });
});
