import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { VigilError } from '../core/errors.js';

/**
 * Where Vigil may connect when it fetches a page, a feed, a feed's item or a webhook: public
 * addresses only. Loopback, private (RFC 1918), shared (CGNAT), link-local (with the cloud
 * metadata address), unspecified, multicast, reserved and documentation ranges are refused, in
 * IPv4 and IPv6 alike (IPv4-mapped and NAT64 addresses are judged by the IPv4 inside them). The
 * name is resolved here and the connection is made to the address that passed, so a DNS answer
 * cannot change between the check and the connection (rebinding). An organisation's own
 * intranet is let through by `VIGIL_FETCH_ALLOW`: host names and CIDR ranges, comma-separated.
 */
const BLOCKED = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.0.2.0', 24],
  ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) BLOCKED.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8], ['2001:db8::', 32], ['100::', 64], ['2001::', 32], ['2002::', 16]] as const) BLOCKED.addSubnet(net, bits, 'ipv6');

/** The IPv4 address an IPv6 one carries (::ffff:a.b.c.d, ::a.b.c.d, 64:ff9b::/96), if any. */
function embeddedIPv4(ip: string): string | null {
  const m = /^(?:::ffff:(?:0:)?|::|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (m) return m[1]!;
  const hex = /^(?:::ffff:(?:0:)?|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(ip);
  if (!hex) return null;
  const [hi, lo] = [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16)];
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

export function isPublicAddress(ip: string): boolean {
  const family = isIP(ip);
  if (family === 4) return !BLOCKED.check(ip, 'ipv4');
  if (family !== 6) return false;
  const v4 = embeddedIPv4(ip);
  if (v4) return isPublicAddress(v4);
  return !BLOCKED.check(ip, 'ipv6');
}

export interface AllowList {
  hosts: Set<string>;
  nets: BlockList;
}

/** `VIGIL_FETCH_ALLOW`: `intranet.example.org,10.20.0.0/16,127.0.0.1`. */
export function allowListFrom(setting: string | undefined = process.env.VIGIL_FETCH_ALLOW): AllowList {
  const allow: AllowList = { hosts: new Set(), nets: new BlockList() };
  for (const item of (setting ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean)) {
    const [net, bits] = item.split('/');
    const family = isIP(net!);
    if (family) {
      if (bits === undefined) allow.nets.addAddress(net!, family === 4 ? 'ipv4' : 'ipv6');
      else allow.nets.addSubnet(net!, Number(bits), family === 4 ? 'ipv4' : 'ipv6');
    } else allow.hosts.add(item);
  }
  return allow;
}

export interface Resolved {
  address: string;
  family: 4 | 6;
}

export type Resolver = (host: string) => Promise<Resolved[]>;

const systemResolver: Resolver = async (host) => (await lookup(host, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family as 4 | 6 }));

/**
 * The address to connect to for `url`'s host, refused unless every address the name has is
 * public (or allowed): one private answer among public ones is how rebinding is tried.
 */
export async function safeAddress(url: URL, allow: AllowList = allowListFrom(), resolve: Resolver = systemResolver): Promise<Resolved> {
  // The URL parser has already read 2130706433, 0x7f.1 and 127.1 as 127.0.0.1; IPv6 comes bracketed.
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const literal = isIP(host);
  let addresses: Resolved[];
  if (literal) addresses = [{ address: host, family: literal as 4 | 6 }];
  else {
    try {
      addresses = await resolve(host);
    } catch (err) {
      throw new VigilError('unavailable', `could not resolve ${host}: ${(err as Error).message}`);
    }
  }
  if (!addresses.length) throw new VigilError('unavailable', `${host} has no address`);
  const allowed = (a: Resolved) => allow.hosts.has(host) || allow.nets.check(a.address, a.family === 4 ? 'ipv4' : 'ipv6') || isPublicAddress(a.address);
  const refused = addresses.find((a) => !allowed(a));
  if (refused) throw new VigilError('forbidden', `${host} is ${refused.address}, an internal address: Vigil fetches public addresses only (an intranet is allowed by VIGIL_FETCH_ALLOW)`);
  return addresses[0]!;
}
