import { describe, expect, it } from "vitest";
import { LoginThrottle, MAX_FAILED_SIGN_INS, SIGN_IN_WINDOW_MS, throttleKey } from "./login-throttle.ts";

function clock() {
  let now = 1_000_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("the sign-in throttle", () => {
  it("allows the first failures, then makes the account wait out the window", () => {
    const time = clock();
    const throttle = new LoginThrottle(time.now);
    const key = throttleKey("Support@SmartphoneKey.com ", "10.0.0.1");
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) {
      expect(throttle.retryAfterSeconds(key)).toBe(0);
      throttle.recordFailure(key);
    }
    expect(throttle.retryAfterSeconds(key)).toBe(SIGN_IN_WINDOW_MS / 1000);
    time.advance(SIGN_IN_WINDOW_MS - 1000);
    expect(throttle.retryAfterSeconds(key)).toBe(1);
    time.advance(1000);
    expect(throttle.retryAfterSeconds(key)).toBe(0);
  });

  it("keys on the account whatever its case, and on the client", () => {
    const throttle = new LoginThrottle(clock().now);
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) throttle.recordFailure(throttleKey("a@x.com", "10.0.0.1"));
    expect(throttle.retryAfterSeconds(throttleKey("A@X.COM", "10.0.0.1"))).toBeGreaterThan(0);
    expect(throttle.retryAfterSeconds(throttleKey("a@x.com", "10.0.0.2"))).toBe(0);
    expect(throttle.retryAfterSeconds(throttleKey("b@x.com", "10.0.0.1"))).toBe(0);
  });

  it("forgets the failures once the account signs in", () => {
    const throttle = new LoginThrottle(clock().now);
    const key = throttleKey("a@x.com", undefined);
    for (let i = 0; i < MAX_FAILED_SIGN_INS - 1; i++) throttle.recordFailure(key);
    throttle.recordSuccess(key);
    throttle.recordFailure(key);
    expect(throttle.retryAfterSeconds(key)).toBe(0);
  });
});
