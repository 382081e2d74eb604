// Bad input on the read routes: never a 500.
// node attacks/api-reads.attack.ts
import { api, devToken, staffHeaders, summary, verdict } from "./lib.ts";

const staff = staffHeaders(await devToken("support@smartphonekey.com"));
const paths = [
  "/admin/search?q=%25",
  "/admin/search?q=_",
  "/admin/search?q=%27%20OR%201%3D1--",
  `/admin/search?q=${"a".repeat(5000)}`,
  "/admin/search?q=%00",
  "/admin/search?q=%F0%9F%94%91",
  "/admin/search?type=user",
  "/admin/search?limit=0",
  "/admin/search?limit=-1",
  "/admin/search?limit=1e9",
  "/admin/search?limit=abc",
  "/admin/search?q=a&q=b",
  "/admin/search?q=%ff",
  "/admin/audit?from=yesterday",
  "/admin/audit?to=2026-13-45T99:99:99Z",
  "/admin/audit?from=2027-01-01&to=2020-01-01",
  "/admin/audit?cursor=0",
  "/admin/audit?cursor=-5",
  "/admin/audit?cursor=99999999999999999999",
  "/admin/audit?cursor=abc",
  "/admin/audit?outcome=deleted",
  "/admin/audit?action=%27",
  "/admin/audit?targetId=%25",
  "/admin/audit?targetType=x",
  "/admin/audit?limit=100000",
  `/admin/audit?actor=${"x".repeat(3000)}`,
  "/admin/audit?jobId=not-a-uuid",
  "/admin/audit/verify?afterSeq=-1",
  "/admin/audit/verify?limit=0",
  "/admin/audit/verify?limit=999999",
  "/admin/audit/verify?afterSeq=1e3",
  "/admin/audit/verify?afterSeq=99999999999999999999",
  "/admin/audit/not-a-uuid",
  "/admin/audit/00000000-0000-4000-8000-000000000000",
  "/admin/locks/0",
  "/admin/locks/1e3",
  "/admin/locks/%00",
  "/admin/hubs/x",
  "/admin/organizations/%27",
  `/admin/organizations/${"a".repeat(65)}`,
  "/apiops/projects/%27/keys/x/",
  "/admin/environment?x=1",
];
let bad = 0;
for (const p of paths) {
  const r = await api("GET", p, staff);
  if (r.status >= 500) bad++;
  verdict(r.status < 500, `GET ${p.slice(0, 80)} → ${r.status}`, r.status >= 500 ? r.text.slice(0, 160) : "");
}
verdict(bad === 0, `no 5xx on reads (${bad})`);
summary();
