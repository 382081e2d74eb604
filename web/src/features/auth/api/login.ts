import type { LoginRequest, SessionResponse } from "@cleanup/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { bffRequest } from "@/lib/api-client";
import { getSession, sessionQueryOptions } from "./get-session";

/** Signs in; the bff keeps the token in an httpOnly cookie, so the answer is the session itself. */
export async function login(credentials: LoginRequest): Promise<SessionResponse> {
  await bffRequest("/bff/login", { method: "POST", body: credentials, schema: z.unknown() });
  const session = await getSession();
  if (!session) throw new Error("Signed in, but the session was not kept. Are cookies blocked?");
  return session;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    meta: { authRedirect: false },
    onSuccess: (session) => {
      queryClient.setQueryData(sessionQueryOptions().queryKey, session);
    },
  });
}
