import type * as React from "react";
import { useEffect, useId, useRef } from "react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";

/**
 * The card a finished deletion is shown in. The dialog that led here is gone, so focus (and the
 * view) moves to its title.
 */
export function DeletionResultCard({ children }: { children: React.ReactNode }) {
  const id = useId();
  const titleRef = useRef<HTMLHeadingElement>(null);
  // After the dialog's own focus restore, which runs on a timer when it unmounts.
  useEffect(() => {
    const timer = setTimeout(() => {
      window.scrollTo({ top: 0 });
      titleRef.current?.focus({ preventScroll: true });
    });
    return () => clearTimeout(timer);
  }, []);
  return (
    <Card aria-labelledby={id}>
      <CardHeader>
        <CardTitle id={id} ref={titleRef} tabIndex={-1} className="outline-none">
          Deletion result
        </CardTitle>
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}
