import type { TargetType } from "@cleanup/shared";
import { linkOptions } from "@tanstack/react-router";

/** What a target is called, one and many, as the console writes it. */
export const targetTypeNames: Record<TargetType, { one: string; many: string; title: string }> = {
  lock: { one: "lock", many: "locks", title: "Locks" },
  hub: { one: "hub", many: "hubs", title: "Hubs" },
  organization: { one: "organization", many: "organizations", title: "Organizations" },
  "project-key": { one: "project key", many: "project keys", title: "Project keys" },
};

/**
 * The page of a target, from the id its delete path takes (a project key's is `project/key`).
 * Null when the id cannot be a target of that type.
 *
 * @example <Link {...targetLink("dev", { type: "hub", id })!} />
 */
export function targetLink(environment: string, { type, id }: { type: string; id: string }) {
  switch (type) {
    case "lock":
      return linkOptions({ to: "/$env/locks/$lockId", params: { env: environment, lockId: id } });
    case "hub":
      return linkOptions({ to: "/$env/hubs/$hubId", params: { env: environment, hubId: id } });
    case "organization":
      return linkOptions({ to: "/$env/organizations/$idOrg", params: { env: environment, idOrg: id } });
    case "project-key": {
      const [projectName, keyName, ...rest] = id.split("/");
      if (!projectName || !keyName || rest.length > 0) return null;
      return linkOptions({
        to: "/$env/projects/$projectName/keys/$keyName",
        params: { env: environment, projectName, keyName },
      });
    }
    default:
      return null;
  }
}
