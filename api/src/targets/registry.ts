import type { EndpointName } from "@cleanup/shared";
import { environmentTarget } from "./environment.ts";
import { hubTarget } from "./hub.ts";
import { lockTarget } from "./lock.ts";
import { orgKeysTarget } from "./org-keys.ts";
import { projectKeyTarget } from "./project-key.ts";
import { restoreTarget } from "./restore.ts";
import type { DeletionTarget } from "./target.ts";

/** Every deletion target by its endpoint: the endpoint table's `deletes` rows, each with its module. */
export const TARGETS = {
  deleteAll: environmentTarget,
  deleteHub: hubTarget,
  deleteLock: lockTarget,
  deleteProjectKey: projectKeyTarget,
  deleteOrganizationKeys: orgKeysTarget,
  restoreArchive: restoreTarget,
} satisfies Partial<Record<EndpointName, DeletionTarget>>;

export type DeletionEndpoint = keyof typeof TARGETS;

export function targetOf(endpoint: EndpointName): DeletionTarget {
  const target = (TARGETS as Partial<Record<EndpointName, DeletionTarget>>)[endpoint];
  if (!target) throw new Error(`${endpoint} is not a deletion`);
  return target;
}
