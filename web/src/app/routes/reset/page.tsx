import { getRouteApi, Link } from "@tanstack/react-router";
import { ShieldCheck } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { EnvironmentReset } from "@/features/environments/components/environment-reset";
import { ResetJob } from "./reset-job";

const route = getRouteApi("/_authed/$env/reset");

export function ResetPage() {
  const { environment, session } = route.useRouteContext();
  const { job } = route.useSearch();
  const navigate = route.useNavigate();
  const follow = (jobId: string | undefined) => void navigate({ search: { job: jobId } });
  const dev = session.environments.find((e) => e.kind === "dev");
  return (
    <div className="grid gap-6">
      <div className="grid gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Reset the environment</h1>
        <p className="text-sm text-muted-foreground">Empties a dev environment before a test run.</p>
      </div>
      {environment.kind === "dev" ? (
        job ? (
          <ResetJob environment={environment} jobId={job} onBack={() => follow(undefined)} />
        ) : (
          <EnvironmentReset environment={environment} onStarted={follow} />
        )
      ) : (
        <section
          aria-labelledby="reset-dev-only"
          className="grid justify-items-start gap-3 rounded-lg border bg-card p-6"
        >
          <ShieldCheck aria-hidden="true" className="size-8 text-muted-foreground" />
          <h2 id="reset-dev-only" className="text-lg font-semibold">
            The reset is dev-only
          </h2>
          <p className="text-muted-foreground">
            {environment.name} is a {environment.kind} environment: resetting it is not offered here, and the
            api refuses it anyway.
          </p>
          {dev && (
            <Link
              to="/$env/reset"
              params={{ env: dev.name }}
              className={buttonVariants({ variant: "outline" })}
            >
              Go to the {dev.name} reset
            </Link>
          )}
        </section>
      )}
    </div>
  );
}
