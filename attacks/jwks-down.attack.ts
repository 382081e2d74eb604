// The issuer's JWKS unreachable: a bearer token must be a clear 401 or 503 (never a 500), and on a
// destructive route no refusal may append a record of its own: they are counted (ADR 018).
// Needs an api (on extraPort 4) whose JWKS_URL points at a free port (extraPort 5), on a copy of
// the attacked stack's state:
//   cp -r "$ATTACK_STATE" /tmp/stage-state && cd api && wrangler dev --port 18865 --ip 127.0.0.1 \
//     --persist-to /tmp/stage-state --var ENVIRONMENT_NAME:stage --var ADMIN_API_KEY:stage-secret-key-123 \
//     --var JWT_ISSUER:http://localhost:18866 --var JWKS_URL:http://127.0.0.1:18866/jwks
// ATTACK_STATE=/tmp/stage-state node attacks/jwks-down.attack.ts
import { claims, d1Query, extraPort, idpKey, signEs256, summary, unsigned, verdict } from "./lib.ts";

const API = process.env.ATTACK_STAGE ?? `http://127.0.0.1:${extraPort(4)}`;
const DEAD_ISSUER = `http://localhost:${extraPort(5)}`;
const count = () => d1Query<{ n: number }>("SELECT COUNT(*) AS n FROM audit_index")[0]!.n;
// No valid signature needed: the keys are fetched before the signature is checked.
const forged = unsigned(claims({ iss: DEAD_ISSUER }), { alg: "ES256", kid: "anything" });
const signed = await signEs256({ ...idpKey(), kid: "random" }, claims({ iss: DEAD_ISSUER }));
for (const [what, tok] of [
  ["a token with no signature", forged],
  ["a token signed by some key", signed],
] as const) {
  const before = count();
  const statuses: number[] = [];
  for (let i = 0; i < 20; i++) {
    const r = await fetch(
      `${API}/organization/${"chosen-text-".repeat(8)}${i}/key?note=${"anonymous-text".repeat(10)}`,
      {
        method: "DELETE",
        headers: { Authorization: `Bearer ${tok}` },
      },
    );
    statuses.push(r.status);
  }
  await new Promise((r) => setTimeout(r, 500));
  const added = count() - before;
  verdict(
    statuses.every((s) => s === 401 || s === 503) && added === 0,
    `JWKS down, ${what}: 20 anonymous DELETEs → ${[...new Set(statuses)].join(",")}, +${added} audit records`,
  );
}
summary();
