import { describe, expect, test } from "vitest";
import { validateSignInSearch } from "./search";

describe("the sign-in page's search", () => {
  test("keeps the values it knows", () => {
    expect(
      validateSignInSearch({
        redirect: "/dev/locks/1001",
        expired: true,
        refused: "not-staff",
        signedOut: false,
      }),
    ).toEqual({ redirect: "/dev/locks/1001", expired: true, refused: "not-staff", signedOut: false });
  });

  test("drops a value of the wrong kind, an unknown reason, an overlong redirect and unknown keys", () => {
    expect(
      validateSignInSearch({
        redirect: `/${"x".repeat(2000)}`,
        expired: "yes",
        refused: "mallory",
        signedOut: 1,
        other: "kept?",
      }),
    ).toEqual({});
  });
});
