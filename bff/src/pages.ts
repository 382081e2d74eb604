/** The bff's own HTML pages (outside the SPA): a sign-in that could not be completed. */

function html(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] as string,
  );
}

/**
 * A clear page for a refused sign-in (tampered state, replayed code, wrong nonce, another
 * audience, an unreachable provider): what happened, and a way to start again.
 *
 * @example
 * c.html(signInFailedPage("This sign-in response was already used.", requestId), 400)
 */
export function signInFailedPage(message: string, requestId: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign-in failed · Cleanup Console</title>
<style>
:root{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#0f172a;background:#f8fafc}
body{margin:0;min-height:100dvh;display:grid;place-items:center;padding:24px;box-sizing:border-box}
main{max-width:440px;background:#fff;border:1px solid #cbd5e1;border-radius:12px;padding:28px}
h1{font-size:20px;margin:0 0 12px}
p{font-size:14px;line-height:1.5;margin:0 0 14px;color:#334155}
[role=alert]{border:1px solid #b91c1c;background:#fef2f2;color:#7f1d1d;border-radius:8px;padding:10px 12px}
a{display:inline-block;font-weight:600;background:#0f172a;color:#fff;border-radius:8px;padding:9px 14px;text-decoration:none}
a:focus-visible{outline:3px solid #2563eb;outline-offset:2px}
small{display:block;margin-top:16px;color:#475569}
</style>
</head>
<body>
<main>
<h1>Sign-in failed</h1>
<p role="alert">${html(message)} You are not signed in.</p>
<a href="/sign-in">Back to sign-in</a>
<small>Request id: ${html(requestId)}</small>
</main>
</body>
</html>`;
}
