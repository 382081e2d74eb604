const IPV4_RE = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** The first four groups (the /64 network) of an IPv6 address, or null when it is not one. */
function ipv6Network(address: string): string | null {
  if (!/^[0-9a-f:]+$/i.test(address) || address.split("::").length > 2) return null;
  const [head = "", tail] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return null;
  const groups = [...left, ...Array<string>(tail === undefined ? 0 : missing).fill("0"), ...right];
  if (groups.some((g) => g.length === 0 || g.length > 4)) return null;
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(":")}::/64`;
}

/**
 * Who a client address stands for when requests are counted per client: an IPv4 address as it is
 * (an IPv4-mapped IPv6 one too), an IPv6 address as its /64 network, since one host holds a whole
 * /64 and could otherwise be a new client on every request. Null when it is no address.
 *
 * @example
 * clientNetwork("203.0.113.7") // "203.0.113.7"
 * clientNetwork("::ffff:127.0.0.1") // "127.0.0.1"
 * clientNetwork("2001:db8:0:1:aaaa::1") // "2001:db8:0:1::/64"
 */
export function clientNetwork(address: string): string | null {
  const plain = address
    .trim()
    .replace(/^\[|\]$/g, "")
    .replace(/^::ffff:(?=\d+\.)/i, "");
  if (IPV4_RE.test(plain)) return plain;
  return ipv6Network(plain);
}
