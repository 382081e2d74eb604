import type * as React from "react";
import { useId } from "react";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";

export interface SectionCardProps extends Omit<React.ComponentProps<typeof Card>, "title"> {
  /** The card's heading, which names it as a region. */
  title: React.ReactNode;
  description?: React.ReactNode;
  /** Beside the heading: a badge, an icon or a small button. */
  aside?: React.ReactNode;
  contentClassName?: string;
  /** Below a rule: the card's one decisive action. */
  footer?: React.ReactNode;
}

/**
 * A card that is a named region of its page: heading (and description) first, then its content.
 *
 * @example <SectionCard title="Members" description="Who may delete the keys.">…</SectionCard>
 */
export function SectionCard({
  title,
  description,
  aside,
  contentClassName,
  footer,
  children,
  ...props
}: SectionCardProps) {
  const id = useId();
  const heading = <CardTitle id={id}>{title}</CardTitle>;
  return (
    <Card aria-labelledby={id} {...props}>
      <CardHeader>
        {description ? (
          <div className="grid gap-1">
            {heading}
            <CardDescription>{description}</CardDescription>
          </div>
        ) : (
          heading
        )}
        {aside}
      </CardHeader>
      <CardContent className={contentClassName}>{children}</CardContent>
      {footer && <CardFooter className="border-t pt-4">{footer}</CardFooter>}
    </Card>
  );
}
