import { describe, expect, test } from "vitest";
import { render } from "vitest-browser-react";
import { WithRouter } from "@/testing/with-router";
import { AuditRecordLink, DeletionOutcome } from "./deletion-result";

describe("a finished deletion", () => {
  test("links to its audit record and shows where it is stored", async () => {
    const id = "0b7c7c1e-1a1a-4b4b-8c8c-0d0d0d0d0d0d";
    const screen = await render(
      <WithRouter>
        <AuditRecordLink environment="dev" auditId={id} auditLogPath={`audit/2026/${id}.json`} />
      </WithRouter>,
    );
    const link = screen.getByRole("link", { name: "Open the audit record" });
    await expect.element(link).toHaveAttribute("href", `/dev/audit/${id}`);
    await expect.element(screen.getByText(`audit/2026/${id}.json`)).toBeVisible();
  });

  test("says so when no audit record was written", async () => {
    const screen = await render(
      <WithRouter>
        <AuditRecordLink environment="dev" auditId={null} auditLogPath={null} />
      </WithRouter>,
    );
    await expect.element(screen.getByText("No audit record was written.")).toBeVisible();
  });

  test("headlines the outcome with the api's message and the request id", async () => {
    const screen = await render(
      <DeletionOutcome
        title="Keys of organization acme deleted in dev"
        success
        message="Successfully deleted 4 organization key(s)"
        duration={1530}
        requestId="req-7"
      />,
    );
    const alert = screen.getByRole("alert");
    await expect.element(alert).toMatchTextContent(/Keys of organization acme deleted in dev/);
    await expect.element(alert).toMatchTextContent(/Successfully deleted 4 organization key\(s\)/);
    await expect.element(alert).toMatchTextContent(/Completed in 1\.53 s/);
    await expect.element(alert.getByText("req-7")).toBeVisible();
  });
});
