// Can an anonymous caller choose the source its refusals are summarised under?
// node attacks/refusal-source.attack.ts   (waits for the minute's summaries, up to ~75 s)
import { api, devToken, info, staffHeaders, summary, verdict } from "./lib.ts";

const staff = staffHeaders(await devToken("support@smartphonekey.com"));
const tag = Date.now() % 250;
const sent = [
  ["CF-Connecting-IP", `203.0.113.${tag}`],
  ["X-Forwarded-For", `198.51.100.${tag}`],
  ["CF-Connecting-IP", "evil text <script>"],
  ["CF-Connecting-IP", "2001:db8:1:2:3:4:5:6"],
] as const;
const started = new Date().toISOString();
for (const [h, v] of sent) await api("DELETE", "/admin/cleanup/locks/1003?mode=DELETE_DO_ONLY", { [h]: v });
const minuteEnd = Date.parse(`${started.slice(0, 16)}:00.000Z`) + 60_000;
await new Promise((r) => setTimeout(r, Math.max(0, minuteEnd - Date.now()) + 8_000));
const list = (await api("GET", "/admin/audit?action=refusal-summary&limit=50", staff)).json as {
  items: { targetId: string; at: string; count: number }[];
};
const recent = list.items.filter((i) => i.at >= started);
console.log(`  summaries since ${started}: ${recent.map((i) => `${i.targetId}×${i.count}`).join(", ")}`);
// Known and accepted (ADR 018): wrangler dev passes on the client's CF-Connecting-IP, which
// Cloudflare's edge overwrites in production; summaries stay bounded (100 sources a minute).
info(
  `CF-Connecting-IP chosen by the caller ${recent.some((i) => i.targetId === `203.0.113.${tag}`) ? "is" : "is not"} the source here`,
  "wrangler dev passes the client's CF-Connecting-IP; Cloudflare's edge overwrites it in production",
);
verdict(
  !recent.some((i) => i.targetId === `198.51.100.${tag}`),
  "X-Forwarded-For chosen by the caller is not the source",
);
verdict(
  !recent.some((i) => i.targetId.includes("<script>")),
  "free text in CF-Connecting-IP is not recorded",
);
summary();
