import {
  DeleteAllResponse,
  HubDeletionResponse,
  type Job,
  LockDeletionResponse,
  OrgKeyDeletionResponse,
  ProjectKeyDeletionResponse,
  RestoreResponse,
} from "@cleanup/shared";
import type * as React from "react";
import { AggregateDeletionResult } from "@/components/deletion/aggregate-deletion-result";
import { DeletionResultView } from "@/components/deletion/deletion-result-view";
import { OrgKeysDeletionResult } from "@/features/organizations/components/org-keys-deletion-result";
import { ProjectKeyDeletionResult } from "@/features/project-keys/components/project-key-deletion-result";
import { RestoreResult } from "@/features/restore/components/restore-result";

/**
 * A job's published answer in the view of its target's kind: what the endpoint answered (or would
 * have, had the caller waited): operations, summary, duration, errors and the audit record. Null
 * while it runs, or when the answer is not one of these shapes.
 */
export function jobResultView(environment: string, job: Job): React.ReactNode {
  const body = job.result?.body;
  if (body === undefined) return null;
  switch (job.action) {
    case "delete-lock": {
      const result = LockDeletionResponse.safeParse(body).data;
      return result ? (
        <AggregateDeletionResult
          environment={environment}
          noun="Lock"
          targetId={result.lockId}
          result={result}
        />
      ) : null;
    }
    case "delete-hub": {
      const result = HubDeletionResponse.safeParse(body).data;
      return result ? (
        <AggregateDeletionResult
          environment={environment}
          noun="Hub"
          targetId={result.hubId}
          result={result}
        />
      ) : null;
    }
    case "delete-all": {
      const result = DeleteAllResponse.safeParse(body).data;
      return result ? (
        <DeletionResultView
          environment={environment}
          title={result.success ? `${environment} was reset` : `Resetting ${environment} failed`}
          result={result}
        />
      ) : null;
    }
    case "delete-org-keys": {
      const result = OrgKeyDeletionResponse.safeParse(body).data;
      return result ? (
        <OrgKeysDeletionResult environment={environment} idOrg={job.target.id} result={result} />
      ) : null;
    }
    case "delete-project-key": {
      const result = ProjectKeyDeletionResponse.safeParse(body).data;
      const [projectName = "", keyName = ""] = job.target.id.split("/");
      return result ? (
        <ProjectKeyDeletionResult
          environment={environment}
          keyRef={{ projectName, keyName }}
          result={result}
        />
      ) : null;
    }
    case "restore-lock":
    case "restore-hub": {
      const result = RestoreResponse.safeParse(body).data;
      return result ? <RestoreResult environment={environment} result={result} /> : null;
    }
    default:
      return null;
  }
}
