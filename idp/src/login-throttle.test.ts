import { describe, expect, it } from "vitest";
import {
  LoginThrottle,
  MAX_ENTRIES,
  MAX_FAILED_SIGN_INS,
  MAX_FAILURES_PER_ADDRESS,
  SIGN_IN_WINDOW_MS,
} from "./login-throttle.ts";

function clock() {
  let now = 1_000_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

const fail = (throttle: LoginThrottle, email: string, address: string, times = 1) => {
  for (let i = 0; i < times; i++) throttle.recordFailure(email, address);
};

describe("the sign-in throttle", () => {
  it("allows the first failures, then makes the account wait out the window", () => {
    const time = clock();
    const throttle = new LoginThrottle(time.now);
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) {
      expect(throttle.retryAfterSeconds("Support@SmartphoneKey.com ", "10.0.0.1")).toBe(0);
      throttle.recordFailure("Support@SmartphoneKey.com ", "10.0.0.1");
    }
    expect(throttle.retryAfterSeconds("support@smartphonekey.com", "10.0.0.1")).toBe(
      SIGN_IN_WINDOW_MS / 1000,
    );
    time.advance(SIGN_IN_WINDOW_MS - 1000);
    expect(throttle.retryAfterSeconds("support@smartphonekey.com", "10.0.0.1")).toBe(1);
    time.advance(1000);
    expect(throttle.retryAfterSeconds("support@smartphonekey.com", "10.0.0.1")).toBe(0);
  });

  it("keys on the account whatever its ASCII case, and on the client", () => {
    const throttle = new LoginThrottle(clock().now);
    fail(throttle, "a@x.com", "10.0.0.1", MAX_FAILED_SIGN_INS);
    expect(throttle.retryAfterSeconds("A@X.COM", "10.0.0.1")).toBeGreaterThan(0);
    expect(throttle.retryAfterSeconds("a@x.com", "10.0.0.2")).toBe(0);
    expect(throttle.retryAfterSeconds("b@x.com", "10.0.0.1")).toBe(0);
  });

  it("forgets the failures once the account signs in", () => {
    const throttle = new LoginThrottle(clock().now);
    fail(throttle, "a@x.com", "10.0.0.1", MAX_FAILED_SIGN_INS - 1);
    throttle.recordSuccess("a@x.com", "10.0.0.1");
    fail(throttle, "a@x.com", "10.0.0.1");
    expect(throttle.retryAfterSeconds("a@x.com", "10.0.0.1")).toBe(0);
  });

  it("holds back an address that fails across many accounts, and only that address", () => {
    const throttle = new LoginThrottle(clock().now);
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) fail(throttle, `junk-${i}@x.com`, "10.0.0.9");
    expect(throttle.retryAfterSeconds("support@smartphonekey.com", "10.0.0.9")).toBeGreaterThan(0);
    expect(throttle.retryAfterSeconds("support@smartphonekey.com", "10.0.0.10")).toBe(0);
  });

  it("keeps a throttled account held back through a flood of junk failures (review finding 6b)", () => {
    const throttle = new LoginThrottle(clock().now);
    fail(throttle, "support@smartphonekey.com", "10.0.0.1", MAX_FAILED_SIGN_INS);
    // From the same address: as the provider does, a held-back address records nothing more.
    for (let i = 0; i < 10_050; i++) {
      if (throttle.retryAfterSeconds(`junk-${i}@x.com`, "10.0.0.1") === 0)
        fail(throttle, `junk-${i}@x.com`, "10.0.0.1");
    }
    expect(throttle.retryAfterSeconds("support@smartphonekey.com", "10.0.0.1")).toBeGreaterThan(0);
    // From enough addresses to fill the table: the entries that hold nobody back go first.
    for (let i = 0; i < MAX_ENTRIES + 50; i++) {
      fail(throttle, `junk-${i}@x.com`, `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`);
    }
    expect(throttle.sizes.perAccount).toBeLessThanOrEqual(MAX_ENTRIES);
    expect(throttle.sizes.perAddress).toBeLessThanOrEqual(MAX_ENTRIES);
    expect(throttle.retryAfterSeconds("support@smartphonekey.com", "10.0.0.1")).toBeGreaterThan(0);
  });
});
