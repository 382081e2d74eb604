// Applies the stored colour theme before the first paint, so a dark choice never flashes light.
// A plain script file (not inline) so the console's CSP (script-src 'self') allows it.
try {
  const theme = localStorage.getItem("cleanup-console:theme");
  if (theme === "light" || theme === "dark") document.documentElement.dataset.theme = theme;
} catch (_) {}
