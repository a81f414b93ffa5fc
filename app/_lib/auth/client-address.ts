/**
 * The address a sign-in attempt comes from, for the per-client back-off. Next does not expose
 * the socket address (it only fills `X-Forwarded-For` when the client sent none), so
 * `scripts/peer-header.mjs`, preloaded into `next start`, writes it into a header on every
 * request (overwriting whatever the client sent) and names that header in GIBBS_PEER_HEADER. `X-Forwarded-For` is believed only when that
 * peer is one of GIBBS_TRUSTED_PROXIES (comma-separated addresses or CIDRs).
 */

import net from "node:net";

/** "::ffff:10.0.0.1" → "10.0.0.1"; anything that is not an IP address → null. */
function normalize(address: string | null | undefined): string | null {
  const a = (address ?? "").trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  return net.isIP(a) ? a : null;
}

function family(address: string): "ipv4" | "ipv6" {
  return net.isIPv4(address) ? "ipv4" : "ipv6";
}

/** GIBBS_TRUSTED_PROXIES as a BlockList; throws on an entry that is neither an address nor a CIDR. */
export function trustedProxies(list: string | undefined): net.BlockList {
  const trusted = new net.BlockList();
  for (const entry of (list ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [addr, bits, ...rest] = entry.split("/");
    const address = normalize(addr);
    const prefix = bits === undefined ? null : Number(bits);
    if (!address || rest.length || (prefix !== null && !Number.isInteger(prefix)))
      throw new Error(`GIBBS_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR`);
    if (prefix === null) trusted.addAddress(address, family(address));
    else trusted.addSubnet(address, prefix, family(address));
  }
  return trusted;
}

/**
 * The client: the socket peer, or, when the peer is a trusted proxy, the right-most
 * `X-Forwarded-For` entry that is not itself a trusted proxy (entries to its left were
 * written by the client and prove nothing). `peerHeader` is the header the server writes the
 * socket address into (GIBBS_PEER_HEADER); without it the client is "unknown".
 */
export function clientAddress(headers: Headers, trusted: net.BlockList, peerHeader: string | undefined): string {
  const peer = peerHeader ? normalize(headers.get(peerHeader)) : null;
  if (!peer) return "unknown";
  let client = peer;
  const isTrusted = (a: string) => trusted.check(a, family(a));
  const forwarded = (headers.get("x-forwarded-for") ?? "").split(",").reverse();
  for (const hop of forwarded) {
    if (!isTrusted(client)) break;
    const next = normalize(hop);
    if (!next) break;
    client = next;
  }
  return client;
}
