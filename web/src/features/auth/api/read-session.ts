import { SessionResponse } from "@cleanup/shared";
import { readAnswer } from "@/lib/api-client";
import type { BffAnswer } from "@/lib/bff-fetch";

/** `GET /bff/session`'s answer read with the contract: the session, or the ApiError of a failure. */
export function readSession(answer: BffAnswer): SessionResponse {
  return readAnswer("/bff/session", answer, SessionResponse);
}
