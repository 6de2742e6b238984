import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

// Which addresses the metadata relay may connect to. The relay fetches URLs a web page names,
// so without this check any page could use it to read the user's private network or a cloud
// metadata service (server-side request forgery). It allows public addresses and this
// machine's loopback, where the testbed runs.

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

interface Range {
  network: string;
  prefix: number;
  family: 'ipv4' | 'ipv6';
  name: string;
}

const RANGES: readonly Range[] = [
  { network: '0.0.0.0', prefix: 8, family: 'ipv4', name: '"this network" (0.0.0.0/8)' },
  { network: '10.0.0.0', prefix: 8, family: 'ipv4', name: 'private (10.0.0.0/8)' },
  { network: '100.64.0.0', prefix: 10, family: 'ipv4', name: 'carrier-grade NAT (100.64.0.0/10)' },
  { network: '169.254.0.0', prefix: 16, family: 'ipv4', name: 'link-local (169.254.0.0/16)' },
  { network: '172.16.0.0', prefix: 12, family: 'ipv4', name: 'private (172.16.0.0/12)' },
  {
    network: '192.0.0.0',
    prefix: 24,
    family: 'ipv4',
    name: 'IETF protocol assignments (192.0.0.0/24)',
  },
  { network: '192.168.0.0', prefix: 16, family: 'ipv4', name: 'private (192.168.0.0/16)' },
  { network: '198.18.0.0', prefix: 15, family: 'ipv4', name: 'benchmarking (198.18.0.0/15)' },
  { network: '224.0.0.0', prefix: 4, family: 'ipv4', name: 'multicast (224.0.0.0/4)' },
  { network: '240.0.0.0', prefix: 4, family: 'ipv4', name: 'reserved (240.0.0.0/4)' },
  { network: '::', prefix: 128, family: 'ipv6', name: 'unspecified (::)' },
  { network: 'fc00::', prefix: 7, family: 'ipv6', name: 'unique local (fc00::/7)' },
  { network: 'fe80::', prefix: 10, family: 'ipv6', name: 'link-local (fe80::/10)' },
  { network: 'fec0::', prefix: 10, family: 'ipv6', name: 'site-local (fec0::/10)' },
  { network: 'ff00::', prefix: 8, family: 'ipv6', name: 'multicast (ff00::/8)' },
];

const REFUSED_RANGES = RANGES.map((range) => {
  const list = new BlockList();
  list.addSubnet(range.network, range.prefix, range.family);
  return { ...range, list };
});

/** Names of cloud metadata services, refused before any lookup. */
const METADATA_HOSTS: ReadonlySet<string> = new Set([
  'metadata',
  'metadata.google.internal',
  'metadata.goog',
  'metadata.azure.internal',
  'instance-data',
  'instance-data.ec2.internal',
]);

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** The IPv4 address inside an IPv4-mapped IPv6 address (::ffff:a.b.c.d), if it is one. */
function mappedIpv4(address: string): string | undefined {
  const match = /^::ffff:(?:0:)?(.+)$/i.exec(address);
  if (!match?.[1]) return undefined;
  const tail = match[1];
  if (isIP(tail) === 4) return tail;
  const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(tail);
  if (!hex?.[1] || !hex[2]) return undefined;
  const high = parseInt(hex[1], 16);
  const low = parseInt(hex[2], 16);
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

export function isLoopback(address: string): boolean {
  const ipv4 = mappedIpv4(address) ?? address;
  return LOOPBACK.check(ipv4, isIP(ipv4) === 6 ? 'ipv6' : 'ipv4');
}

/** Why the relay refuses to connect to `address`, or undefined when it may. */
export function refusedRange(address: string): string | undefined {
  const ipv4 = mappedIpv4(address);
  const subject = ipv4 ?? address;
  const family = isIP(subject);
  if (family === 0) return 'not an IP address';
  if (isLoopback(subject)) return undefined;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  for (const range of REFUSED_RANGES) {
    if (range.family === type && range.list.check(subject, type)) return `a ${range.name} address`;
  }
  return undefined;
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
  const literal = isIP(host);
  let addresses: ResolvedAddress[];
  if (literal !== 0) {
    addresses = [{ address: host, family: literal === 6 ? 6 : 4 }];
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
      const via = literal === 0 ? `${host} resolves to ${address}, ` : `${address} is `;
      return { ok: false, reason: `${via}${refused}` };
    }
  }
  // IPv4 first: the testbed listens on 127.0.0.1, and `localhost` may also resolve to ::1.
  const chosen = addresses.find(({ family }) => family === 4) ?? addresses[0];
  return chosen ? { ok: true, address: chosen } : { ok: false, reason: `${host} has no address` };
}
