import { LogoutResponse } from "@cleanup/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { bffRequest } from "@/lib/api-client";

/** Ends the session at the bff, which revokes the tokens and answers where the provider's session ends. */
export function logout(): Promise<LogoutResponse> {
  return bffRequest("/bff/logout", { method: "POST", schema: LogoutResponse });
}

/**
 * Signs out and forgets every cached answer, so nothing of the session stays in memory; then the
 * browser visits the provider's logout (RP-initiated), which comes back to the sign-in page.
 */
export function useLogout({ onSuccess }: { onSuccess?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    meta: { authRedirect: false },
    onSettled: (result) => {
      queryClient.clear();
      if (result?.logoutUrl) window.location.assign(result.logoutUrl);
      else onSuccess?.();
    },
  });
}
