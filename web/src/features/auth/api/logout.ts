import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { bffRequest } from "@/lib/api-client";

export function logout(): Promise<unknown> {
  return bffRequest("/bff/logout", { method: "POST", schema: z.unknown() });
}

/** Signs out and forgets every cached answer, so nothing of the session stays in memory. */
export function useLogout({ onSuccess }: { onSuccess?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    meta: { authRedirect: false },
    onSettled: () => {
      queryClient.clear();
      onSuccess?.();
    },
  });
}
