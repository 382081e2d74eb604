import { describe, expect, it } from "vitest";
import { IdpConfigError, loadIdpConfig } from "./config.ts";

describe("the provider's configuration", () => {
  it("registers the console's bff at BFF_PUBLIC_URL when no clients are given", () => {
    const config = loadIdpConfig({ IDP_PORT: "9000", BFF_PUBLIC_URL: "http://localhost:7000/" });
    expect(config.issuer).toBe("http://localhost:9000");
    expect(config.clients).toEqual([
      {
        client_id: "cleanup-console",
        client_secret: "dev-oidc-client-secret",
        redirect_uris: ["http://localhost:7000/bff/callback"],
        post_logout_redirect_uris: ["http://localhost:7000/bff/logged-out"],
      },
    ]);
  });

  it("fails loudly, naming the bad variable and never echoing a secret", () => {
    expect(() => loadIdpConfig({ IDP_PORT: "x", OIDC_CLIENT_SECRET: "short" })).toThrow(IdpConfigError);
    try {
      loadIdpConfig({ IDP_PORT: "x", OIDC_CLIENT_SECRET: "short" });
    } catch (err) {
      expect((err as Error).message).toMatch(/IDP_PORT="x"/);
      expect((err as Error).message).toMatch(/OIDC_CLIENT_SECRET must be at least 16/);
      expect((err as Error).message).not.toContain('short"');
    }
    expect(() => loadIdpConfig({ IDP_CLIENTS: '[{"client_id":"x"}]' })).toThrow(/IDP_CLIENTS/);
  });
});
