-- Failed password checks of the dev issuer (POST /auth/dev/token, dev only), per account and
-- source, so that it throttles wrong passwords as the local OpenID provider does (ADR 018).
CREATE TABLE dev_token_failures (
  account TEXT NOT NULL,
  source TEXT NOT NULL,
  count INTEGER NOT NULL,
  first_at INTEGER NOT NULL,
  PRIMARY KEY (account, source)
);
