import type { Locator, Page } from "@playwright/test";

/** What a user did to get through a ticket: mouse clicks, keys that move or act, characters typed. */
export interface TicketCount {
  clicks: number;
  keys: number;
  typed: number;
}

/**
 * Drives a page the way a user would and counts it: every click, every Tab, arrow, Enter or
 * Escape, every character typed. `tabTo` presses Tab until the control has focus, so a page
 * with too many stops on the way costs what it costs a keyboard user.
 */
export class TicketCounter {
  readonly count: TicketCount = { clicks: 0, keys: 0, typed: 0 };
  readonly steps: string[] = [];
  private readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async click(target: Locator, what: string) {
    this.count.clicks++;
    this.steps.push(`click ${what}`);
    await target.click();
  }

  async type(text: string) {
    this.count.typed += text.length;
    this.steps.push(`type ${JSON.stringify(text)}`);
    await this.page.keyboard.type(text);
  }

  async press(key: string, what = "") {
    this.count.keys++;
    this.steps.push(`${key}${what ? ` (${what})` : ""}`);
    await this.page.keyboard.press(key);
  }

  /** Tab (Shift+Tab with `back`) until `target` has focus; at most `max` presses. */
  async tabTo(target: Locator, what: string, { back = false, max = 60 } = {}) {
    let presses = 0;
    while (!(await target.evaluate((el) => el === document.activeElement).catch(() => false))) {
      if (presses === max) throw new Error(`${what} not reached in ${max} Tabs`);
      await this.page.keyboard.press(back ? "Shift+Tab" : "Tab");
      presses++;
    }
    this.count.keys += presses;
    this.steps.push(`Tab×${presses} to ${what}`);
  }
}
