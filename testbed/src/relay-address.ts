import { lookup } from 'node:dns/promises';
import {
  inIpv4Prefix,
  inIpv6Prefix,
  parseIpAddress,
  parseIpv6,
  type ParsedAddress,
} from './ip-address.ts';

// Which addresses the metadata relay may connect to. The relay fetches URLs a web page names,
// so without this check any page could use it to read the user's private network or a cloud
// metadata service (server-side request forgery). The rule is an allow-list: global unicast
// addresses, plus this machine's loopback, where the testbed runs. Everything else is refused,
// including the IPv6 forms that carry an IPv4 address inside them (mapped, NAT64, 6to4, Teredo),
// since the network may route those to an address the IPv4 rule would refuse.

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to all its addresses; node:dns by default, a table in tests. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = async (hostname) => {
  const found = await lookup(hostname, { all: true, verbatim: true });
  return found.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
};

interface Ipv4Range {
  network: readonly number[];
  prefix: number;
  name: string;
}

interface Ipv6Range {
  network: readonly number[];
  prefix: number;
  name: string;
}

/** IPv4 special-purpose ranges (IANA IPv4 Special-Purpose Address Registry, RFC 6890). */
const IPV4_REFUSED: readonly Ipv4Range[] = [
  { network: [0, 0, 0, 0], prefix: 8, name: '"this network" (0.0.0.0/8)' },
  { network: [10, 0, 0, 0], prefix: 8, name: 'private (10.0.0.0/8)' },
  { network: [100, 64, 0, 0], prefix: 10, name: 'carrier-grade NAT (100.64.0.0/10)' },
  { network: [169, 254, 0, 0], prefix: 16, name: 'link-local (169.254.0.0/16)' },
  { network: [172, 16, 0, 0], prefix: 12, name: 'private (172.16.0.0/12)' },
  { network: [192, 0, 0, 0], prefix: 24, name: 'IETF protocol assignments (192.0.0.0/24)' },
  { network: [192, 0, 2, 0], prefix: 24, name: 'documentation (192.0.2.0/24)' },
  { network: [192, 31, 196, 0], prefix: 24, name: 'AS112 (192.31.196.0/24)' },
  { network: [192, 52, 193, 0], prefix: 24, name: 'AMT (192.52.193.0/24)' },
  { network: [192, 88, 99, 0], prefix: 24, name: '6to4 relay anycast (192.88.99.0/24)' },
  { network: [192, 168, 0, 0], prefix: 16, name: 'private (192.168.0.0/16)' },
  { network: [192, 175, 48, 0], prefix: 24, name: 'AS112 (192.175.48.0/24)' },
  { network: [198, 18, 0, 0], prefix: 15, name: 'benchmarking (198.18.0.0/15)' },
  { network: [198, 51, 100, 0], prefix: 24, name: 'documentation (198.51.100.0/24)' },
  { network: [203, 0, 113, 0], prefix: 24, name: 'documentation (203.0.113.0/24)' },
  { network: [224, 0, 0, 0], prefix: 4, name: 'multicast (224.0.0.0/4)' },
  { network: [240, 0, 0, 0], prefix: 4, name: 'reserved (240.0.0.0/4)' },
];

const IPV4_LOOPBACK: Ipv4Range = { network: [127, 0, 0, 0], prefix: 8, name: 'loopback' };

function v6(text: string): number[] {
  const groups = parseIpv6(text);
  if (!groups) throw new Error(`Not an IPv6 network: ${text}`);
  return groups;
}

/** The only IPv6 space allowed: global unicast (RFC 4291 §2.4). */
const IPV6_GLOBAL_UNICAST: Ipv6Range = {
  network: v6('2000::'),
  prefix: 3,
  name: 'global unicast',
};

/**
 * IPv6 ranges that lie outside global unicast, each named so a refusal says what the address is
 * (IANA IPv6 Special-Purpose Address Registry). Anything outside 2000::/3 not listed here is
 * refused as "not a global unicast address".
 */
const IPV6_NAMED: readonly Ipv6Range[] = [
  { network: v6('::'), prefix: 128, name: 'unspecified (::)' },
  { network: v6('::ffff:0:0'), prefix: 96, name: 'IPv4-mapped (::ffff:0:0/96)' },
  { network: v6('::ffff:0:0:0'), prefix: 96, name: 'IPv4-translated (::ffff:0:0:0/96)' },
  { network: v6('::'), prefix: 96, name: 'IPv4-compatible (::/96)' },
  { network: v6('64:ff9b::'), prefix: 96, name: 'NAT64 (64:ff9b::/96)' },
  { network: v6('64:ff9b:1::'), prefix: 48, name: 'local-use NAT64 (64:ff9b:1::/48)' },
  { network: v6('100::'), prefix: 64, name: 'discard-only (100::/64)' },
  { network: v6('fc00::'), prefix: 7, name: 'unique local (fc00::/7)' },
  { network: v6('fe80::'), prefix: 10, name: 'link-local (fe80::/10)' },
  { network: v6('fec0::'), prefix: 10, name: 'site-local (fec0::/10)' },
  { network: v6('ff00::'), prefix: 8, name: 'multicast (ff00::/8)' },
];

/** Ranges inside 2000::/3 that are not ordinary global unicast. */
const IPV6_REFUSED_GLOBAL: readonly Ipv6Range[] = [
  { network: v6('2001::'), prefix: 32, name: 'Teredo (2001::/32)' },
  { network: v6('2001::'), prefix: 23, name: 'IETF protocol assignments (2001::/23)' },
  { network: v6('2001:db8::'), prefix: 32, name: 'documentation (2001:db8::/32)' },
  { network: v6('2002::'), prefix: 16, name: '6to4 (2002::/16)' },
  { network: v6('3fff::'), prefix: 20, name: 'documentation (3fff::/20)' },
];

const IPV6_LOOPBACK = v6('::1');

/** Names of cloud metadata services, refused before any lookup. */
const METADATA_HOSTS: ReadonlySet<string> = new Set([
  'metadata',
  'metadata.google.internal',
  'metadata.goog',
  'metadata.azure.internal',
  'instance-data',
  'instance-data.ec2.internal',
]);

/** The IPv4 address an IPv4-mapped IPv6 address (::ffff:a.b.c.d) stands for, if it is one. */
function mappedIpv4(parsed: ParsedAddress): number[] | undefined {
  if (parsed.family !== 6 || !inIpv6Prefix(parsed.groups, v6('::ffff:0:0'), 96)) return undefined;
  const high = parsed.groups[6] ?? 0;
  const low = parsed.groups[7] ?? 0;
  return [high >> 8, high & 0xff, low >> 8, low & 0xff];
}

function isLoopbackParsed(parsed: ParsedAddress): boolean {
  if (parsed.family === 4)
    return inIpv4Prefix(parsed.bytes, IPV4_LOOPBACK.network, IPV4_LOOPBACK.prefix);
  const ipv4 = mappedIpv4(parsed);
  if (ipv4) return inIpv4Prefix(ipv4, IPV4_LOOPBACK.network, IPV4_LOOPBACK.prefix);
  return parsed.groups.every((group, index) => group === IPV6_LOOPBACK[index]);
}

/** True for 127.0.0.0/8, ::1 and the IPv4-mapped form of 127.0.0.0/8. */
export function isLoopback(address: string): boolean {
  const parsed = parseIpAddress(address);
  return parsed !== undefined && isLoopbackParsed(parsed);
}

function refusedIpv4(bytes: readonly number[]): string | undefined {
  if (bytes.every((byte) => byte === 255)) return 'a broadcast (255.255.255.255) address';
  const range = IPV4_REFUSED.find(({ network, prefix }) => inIpv4Prefix(bytes, network, prefix));
  return range ? `a ${range.name} address` : undefined;
}

/**
 * Why the relay refuses to connect to `address`, or undefined when it may: it may connect to a
 * global unicast address or to loopback (127.0.0.0/8, ::1), and to nothing else.
 */
export function refusedRange(address: string): string | undefined {
  const parsed = parseIpAddress(address);
  if (!parsed) return 'not an IP address';
  if (isLoopbackParsed(parsed)) return undefined;
  if (parsed.family === 4) return refusedIpv4(parsed.bytes);

  const mapped = mappedIpv4(parsed);
  if (mapped) {
    // Refused whatever the IPv4 address is: a public one is reachable by its IPv4 form.
    const inner = refusedIpv4(mapped);
    return `an IPv4-mapped (::ffff:0:0/96) address${inner ? `, standing for ${inner}` : ''}`;
  }
  const { groups } = parsed;
  if (!inIpv6Prefix(groups, IPV6_GLOBAL_UNICAST.network, IPV6_GLOBAL_UNICAST.prefix)) {
    const named = IPV6_NAMED.find(({ network, prefix }) => inIpv6Prefix(groups, network, prefix));
    return named ? `a ${named.name} address` : 'not a global unicast (2000::/3) address';
  }
  const special = IPV6_REFUSED_GLOBAL.find(({ network, prefix }) =>
    inIpv6Prefix(groups, network, prefix),
  );
  return special ? `a ${special.name} address` : undefined;
}

export type AddressCheck = { ok: true; address: ResolvedAddress } | { ok: false; reason: string };

/**
 * Resolves `hostname` and checks every address it has: a name with one public and one private
 * address is refused, since the connection could go to either. The caller must connect to the
 * returned address itself, not resolve the name again, or a rebinding DNS server could answer
 * the second lookup with a private address (DNS rebinding).
 */
export async function checkHost(hostname: string, resolve: Resolver): Promise<AddressCheck> {
  const host = hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (METADATA_HOSTS.has(host.replace(/\.$/, ''))) {
    return { ok: false, reason: `${host} is a cloud metadata service` };
  }
  const literal = parseIpAddress(host);
  let addresses: ResolvedAddress[];
  if (literal) {
    addresses = [{ address: host, family: literal.family }];
  } else {
    try {
      addresses = await resolve(host);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      return {
        ok: false,
        reason: `${host} does not resolve${typeof code === 'string' ? ` (${code})` : ''}`,
      };
    }
  }
  if (addresses.length === 0) return { ok: false, reason: `${host} has no address` };
  for (const { address } of addresses) {
    const refused = refusedRange(address);
    if (refused) {
      const via = literal ? `${address} is ` : `${host} resolves to ${address}, `;
      return { ok: false, reason: `${via}${refused}` };
    }
  }
  // IPv4 first: the testbed listens on 127.0.0.1, and `localhost` may also resolve to ::1.
  const chosen = addresses.find(({ family }) => family === 4) ?? addresses[0];
  return chosen ? { ok: true, address: chosen } : { ok: false, reason: `${host} has no address` };
}
