import * as RadioGroupPrimitive from "@radix-ui/react-radio-group";
import * as React from "react";
import { cn } from "@/lib/utils";

const ARROW_KEYS = new Set(["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight"]);

/**
 * Set by an arrow key in the group, read by the item that receives focus next. Radix selects on
 * focus only while the arrow key is still held down, and moves focus a task later: a key that is
 * pressed and released at once (an automated press, some assistive technology) moved focus
 * without selecting, so the checked option was not the one shown focused.
 */
const ArrowFocusContext = React.createContext<React.RefObject<boolean> | null>(null);

export function RadioGroup({
  className,
  onKeyDownCapture,
  onPointerDownCapture,
  ...props
}: React.ComponentProps<typeof RadioGroupPrimitive.Root>) {
  const arrowed = React.useRef(false);
  return (
    <ArrowFocusContext.Provider value={arrowed}>
      <RadioGroupPrimitive.Root
        data-slot="radio-group"
        className={cn("grid gap-3", className)}
        onKeyDownCapture={(event) => {
          arrowed.current = ARROW_KEYS.has(event.key);
          onKeyDownCapture?.(event);
        }}
        onPointerDownCapture={(event) => {
          arrowed.current = false;
          onPointerDownCapture?.(event);
        }}
        {...props}
      />
    </ArrowFocusContext.Provider>
  );
}

/** One option; as in every WAI-ARIA radio group, moving to it with an arrow key selects it. */
export function RadioGroupItem({
  className,
  onFocus,
  ...props
}: React.ComponentProps<typeof RadioGroupPrimitive.Item>) {
  const arrowed = React.useContext(ArrowFocusContext);
  return (
    <RadioGroupPrimitive.Item
      data-slot="radio-group-item"
      className={cn(
        "aspect-square size-4 shrink-0 rounded-full border border-input bg-card text-primary shadow-xs outline-none transition-shadow",
        "focus-visible:ring-[3px] focus-visible:ring-ring/50 disabled:cursor-not-allowed disabled:opacity-50 data-[state=checked]:border-primary",
        className,
      )}
      onFocus={(event) => {
        onFocus?.(event);
        if (arrowed?.current) {
          arrowed.current = false;
          if (event.currentTarget.getAttribute("aria-checked") !== "true") event.currentTarget.click();
        }
      }}
      {...props}
    >
      <RadioGroupPrimitive.Indicator className="flex items-center justify-center">
        <span className="size-2 rounded-full bg-primary" />
      </RadioGroupPrimitive.Indicator>
    </RadioGroupPrimitive.Item>
  );
}
