import { Link } from "@tanstack/react-router";
import { ArrowLeft } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";

export function BackToSearch({ env }: { env: string }) {
  return (
    <Link
      to="/$env/search"
      params={{ env }}
      className={buttonVariants({ variant: "link", className: "justify-self-start px-0" })}
    >
      <ArrowLeft aria-hidden="true" />
      Back to search
    </Link>
  );
}
