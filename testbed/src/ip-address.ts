// A small, strict IP address parser for the relay's address rule. node:net's isIP says whether a
// string is an address but not which bits it holds, and a rule that reads addresses with
// regular expressions misses spellings (the embedded-IPv4 and compressed forms of IPv6): the
// rule below works on the parsed bits instead.

export type ParsedAddress =
  | { family: 4; bytes: readonly number[] }
  /** Eight 16-bit groups. */
  | { family: 6; groups: readonly number[] };

const DECIMAL_OCTET = /^(?:0|[1-9]\d{0,2})$/;
const HEX_GROUP = /^[0-9a-f]{1,4}$/i;

/**
 * A dotted-quad IPv4 address in its canonical decimal form, as DNS and the URL parser give it
 * (`127.0.0.1`, never `0x7f.1` or `0177.0.0.1`); undefined for anything else.
 */
export function parseIpv4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const bytes: number[] = [];
  for (const part of parts) {
    if (!DECIMAL_OCTET.test(part)) return undefined;
    const value = Number(part);
    if (value > 255) return undefined;
    bytes.push(value);
  }
  return bytes;
}

/**
 * An IPv6 address in any RFC 4291 §2.2 text form: full, `::`-compressed, or with its last 32 bits
 * written as IPv4. A zone (`%eth0`) or brackets are not part of an address and are refused.
 */
export function parseIpv6(text: string): number[] | undefined {
  if (text.length === 0 || text.length > 45) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const compressed = halves.length === 2;

  const readHalf = (half: string, mayEndInIpv4: boolean): number[] | undefined => {
    if (half === '') return [];
    const pieces = half.split(':');
    const groups: number[] = [];
    for (const [index, piece] of pieces.entries()) {
      if (mayEndInIpv4 && index === pieces.length - 1 && piece.includes('.')) {
        const ipv4 = parseIpv4(piece);
        if (!ipv4) return undefined;
        const [a = 0, b = 0, c = 0, d = 0] = ipv4;
        groups.push((a << 8) | b, (c << 8) | d);
        continue;
      }
      if (!HEX_GROUP.test(piece)) return undefined;
      groups.push(parseInt(piece, 16));
    }
    return groups;
  };

  const head = readHalf(halves[0] ?? '', !compressed);
  const tail = compressed ? readHalf(halves[1] ?? '', true) : [];
  if (!head || !tail) return undefined;
  const written = head.length + tail.length;
  if (compressed) {
    // `::` stands for at least one group of zeros (RFC 4291 §2.2, RFC 5952 §4.2.2).
    if (written > 7) return undefined;
    return [...head, ...new Array<number>(8 - written).fill(0), ...tail];
  }
  return written === 8 ? head : undefined;
}

/** Either family, or undefined when `text` is not an IP address. */
export function parseIpAddress(text: string): ParsedAddress | undefined {
  const ipv4 = parseIpv4(text);
  if (ipv4) return { family: 4, bytes: ipv4 };
  const ipv6 = parseIpv6(text);
  return ipv6 ? { family: 6, groups: ipv6 } : undefined;
}

/** True when the first `prefix` bits of `groups` equal those of `network` (both 16-bit groups). */
export function inIpv6Prefix(
  groups: readonly number[],
  network: readonly number[],
  prefix: number,
): boolean {
  for (let bit = 0; bit < prefix; bit += 16) {
    const take = Math.min(16, prefix - bit);
    const mask = (0xffff << (16 - take)) & 0xffff;
    const index = bit / 16;
    if (((groups[index] ?? 0) & mask) !== ((network[index] ?? 0) & mask)) return false;
  }
  return true;
}

/** True when the first `prefix` bits of `bytes` equal those of `network` (both IPv4 bytes). */
export function inIpv4Prefix(
  bytes: readonly number[],
  network: readonly number[],
  prefix: number,
): boolean {
  for (let bit = 0; bit < prefix; bit += 8) {
    const take = Math.min(8, prefix - bit);
    const mask = (0xff << (8 - take)) & 0xff;
    const index = bit / 8;
    if (((bytes[index] ?? 0) & mask) !== ((network[index] ?? 0) & mask)) return false;
  }
  return true;
}
