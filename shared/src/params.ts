import { z } from "zod";
import { HubIdParam, LockIdParam, NameParam, Uuid } from "./ids.ts";

/** Path parameters of each route family: one definition for the api's validators and its OpenAPI document. */
export const LockPathParams = z.object({ lockId: LockIdParam });
export const HubPathParams = z.object({ hubId: HubIdParam });
export const OrgPathParams = z.object({ idOrg: NameParam });
export const ProjectKeyPathParams = z.object({ projectName: NameParam, keyName: NameParam });
export const AuditIdPathParams = z.object({ id: Uuid });
