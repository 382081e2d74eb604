/** The provider's own pages: plain HTML, no script, readable without styles, labelled for assistive tech. */

const STYLE = `
:root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#0f172a;background:#f1f5f9}
body{margin:0;min-height:100dvh;display:grid;place-items:center;padding:24px;box-sizing:border-box}
main{width:100%;max-width:380px;background:#fff;border:1px solid #cbd5e1;border-radius:12px;padding:28px;box-shadow:0 1px 3px rgba(15,23,42,.08)}
.brand{display:flex;align-items:center;gap:8px;font-weight:700;font-size:15px;color:#1e3a8a;margin-bottom:18px}
.brand svg{width:22px;height:22px}
h1{font-size:22px;margin:0 0 4px}
p{margin:0 0 16px;color:#334155;font-size:14px;line-height:1.5}
form{display:grid;gap:14px}
label{display:block;font-weight:600;font-size:14px;margin-bottom:6px}
input{width:100%;box-sizing:border-box;font:inherit;font-size:15px;padding:9px 11px;border:1px solid #64748b;border-radius:8px;background:#fff;color:#0f172a}
input:focus-visible,button:focus-visible{outline:3px solid #2563eb;outline-offset:2px}
button{font:inherit;font-weight:600;font-size:15px;padding:10px 14px;border:0;border-radius:8px;background:#1d4ed8;color:#fff;cursor:pointer}
button:hover{background:#1e40af}
.alert{border:1px solid #b91c1c;background:#fef2f2;color:#7f1d1d;border-radius:8px;padding:10px 12px;font-size:14px;margin-bottom:14px}
.alert strong{display:block;margin-bottom:2px}
.fine{margin:18px 0 0;font-size:12px;color:#475569}
`;

const LOGO = `<svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2"><rect x="5" y="2" width="14" height="20" rx="2"/><circle cx="12" cy="14" r="3"/><path d="M12 11V7"/></svg>`;

/** Escapes text for HTML element content and attribute values. */
export function html(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] as string,
  );
}

/** One page of the provider; `body` is trusted HTML built by the functions below. */
export function layout(title: string, body: string, head = ""): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(title)} · SmartphoneKey</title>
<style>${STYLE}</style>${head}
</head>
<body>
<main>
<div class="brand">${LOGO}<span>SmartphoneKey</span></div>
${body}
</main>
</body>
</html>`;
}

export interface LoginPageInput {
  action: string;
  clientName: string;
  email?: string;
  error?: { title: string; message: string };
}

/** The sign-in form: fields labelled `Email` and `Password`, a `Sign in` button. */
export function loginPage({ action, clientName, email = "", error }: LoginPageInput): string {
  const alert = error
    ? `<div class="alert" role="alert" id="sign-in-error"><strong>${html(error.title)}</strong>${html(error.message)}</div>`
    : "";
  const described = error ? ` aria-describedby="sign-in-error"` : "";
  return layout(
    "Sign in",
    `<h1>Sign in</h1>
<p>to continue to ${html(clientName)}</p>
${alert}
<form method="post" action="${html(action)}"${described}>
<div><label for="email">Email</label><input id="email" name="email" type="email" autocomplete="username" required autofocus value="${html(email)}"${error ? ' aria-invalid="true"' : ""}></div>
<div><label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required></div>
<button type="submit">Sign in</button>
</form>
<p class="fine">Local development provider: the seeded accounts only.</p>`,
  );
}

/** Asks to confirm a sign-out; `form` is the provider's hidden form (it carries the xsrf token). */
export function logoutPage(form: string, clientName: string | undefined): string {
  const who = clientName ? ` of ${html(clientName)}` : "";
  return layout(
    "Sign out",
    `<h1>Sign out</h1>
<p>Signing you out${who} and of SmartphoneKey on this browser…</p>
${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes">Sign out</button>
<script>${AUTO_SUBMIT}</script>`,
  );
}

/** Submits the logout form at once: the relying party asked for it with a valid id_token_hint. */
export const AUTO_SUBMIT = `document.getElementById("op.logoutForm").insertAdjacentHTML("beforeend",'<input type="hidden" name="logout" value="yes">');document.getElementById("op.logoutForm").submit();`;

export function signedOutPage(): string {
  return layout(
    "Signed out",
    `<h1>Signed out</h1><p>You are signed out of SmartphoneKey on this browser.</p>`,
  );
}

export function errorPage(title: string, message: string): string {
  return layout(title, `<h1>${html(title)}</h1><div class="alert" role="alert">${html(message)}</div>`);
}
