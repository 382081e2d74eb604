import { useNavigate } from "@tanstack/react-router";
import { History } from "lucide-react";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";

/**
 * "Look up deleted target": search only finds what exists, so a lock or hub deleted for good is
 * found here by its id (a lock by numeric id or UUID), with its archives and history.
 */
export function DeletedTargetLookup({
  environment,
  initialId = "",
}: {
  environment: string;
  initialId?: string;
}) {
  const navigate = useNavigate();
  const [type, setType] = useState<"lock" | "hub">("lock");
  const [id, setId] = useState(initialId);
  const ids = { type: useId(), id: useId() };
  return (
    <form
      aria-label="Look up deleted target"
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        const targetId = id.trim();
        if (!targetId) return;
        void navigate({
          to: "/$env/deleted/$targetType/$targetId",
          params: { env: environment, targetType: type, targetId },
        });
      }}
    >
      <div className="grid gap-1">
        <Label htmlFor={ids.type}>Deleted target type</Label>
        <NativeSelect
          id={ids.type}
          value={type}
          onChange={(e) => setType(e.target.value === "hub" ? "hub" : "lock")}
        >
          <option value="lock">Lock</option>
          <option value="hub">Hub</option>
        </NativeSelect>
      </div>
      <div className="grid gap-1">
        <Label htmlFor={ids.id}>Deleted target id</Label>
        <Input
          id={ids.id}
          className="font-mono"
          value={id}
          onChange={(e) => setId(e.target.value)}
          placeholder="1001 or a UUID"
        />
      </div>
      <Button type="submit" variant="outline">
        <History aria-hidden="true" />
        Look up deleted target
      </Button>
    </form>
  );
}
