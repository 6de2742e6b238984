import { describe, expect, it } from 'vitest';
import { parseIpv4, parseIpv6 } from '../src/ip-address.ts';
import { checkHost, isLoopback, refusedRange, type Resolver } from '../src/relay-address.ts';

// The relay's address rule, checked in-process only: nothing here resolves a name through DNS or
// opens a connection, so no test ever reaches one of these addresses.

const noDns: Resolver = () => Promise.reject(new Error('a test must not resolve names'));

describe('the IPv6 parser', () => {
  it('reads every text form into eight groups', () => {
    expect(parseIpv6('::')).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(parseIpv6('::1')).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(parseIpv6('2001:db8::8:800:200c:417a')).toEqual([
      0x2001, 0xdb8, 0, 0, 0x8, 0x800, 0x200c, 0x417a,
    ]);
    expect(parseIpv6('1:2:3:4:5:6:7:8')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(parseIpv6('1:2:3:4:5:6:7::')).toEqual([1, 2, 3, 4, 5, 6, 7, 0]);
    expect(parseIpv6('::ffff:0.0.0.0')).toEqual([0, 0, 0, 0, 0, 0xffff, 0, 0]);
    expect(parseIpv6('::ffff:0:0.0.0.0')).toEqual([0, 0, 0, 0, 0xffff, 0, 0, 0]);
    expect(parseIpv6('64:ff9b::192.168.0.1')).toEqual([0x64, 0xff9b, 0, 0, 0, 0, 0xc0a8, 0x0001]);
    expect(parseIpv6('0:0:0:0:0:ffff:7f00:1')).toEqual([0, 0, 0, 0, 0, 0xffff, 0x7f00, 1]);
  });

  it('refuses what is not an IPv6 address', () => {
    for (const text of [
      '',
      ':',
      ':::',
      '1::2::3',
      '1:2:3:4:5:6:7:8:9',
      '1:2:3:4:5:6:7',
      '1:2:3:4:5:6:7:8::',
      '12345::',
      'g::1',
      '::1%eth0',
      '[::1]',
      '::ffff:256.0.0.1',
      '::ffff:1.2.3',
      '1.2.3.4::',
      ':1::',
    ]) {
      expect(parseIpv6(text), text).toBeUndefined();
    }
  });

  it('reads only canonical dotted-quad IPv4', () => {
    expect(parseIpv4('127.0.0.1')).toEqual([127, 0, 0, 1]);
    for (const text of ['0x7f.0.0.1', '0177.0.0.1', '127.1', '1.2.3.4.5', '256.1.1.1', '1.2.3.']) {
      expect(parseIpv4(text), text).toBeUndefined();
    }
  });
});

describe('the address rule allows only global unicast and loopback', () => {
  it('allows public addresses and loopback', () => {
    for (const address of [
      '93.184.216.34',
      '8.8.8.8',
      '127.0.0.1',
      '127.255.255.254',
      '::1',
      '0:0:0:0:0:0:0:1',
      '2606:4700:4700::1111',
      '2a00:1450:4001:82a::200e',
    ]) {
      expect(refusedRange(address), address).toBeUndefined();
    }
    expect(isLoopback('127.8.9.10')).toBe(true);
    expect(isLoopback('::1')).toBe(true);
    expect(isLoopback('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopback('::2')).toBe(false);
  });

  it.each([
    // The forms the issue lists, each by its text form.
    ['::ffff:0.0.0.0', 'IPv4-mapped'],
    ['::ffff:0:0.0.0.0', 'IPv4-translated'],
    ['::ffff:0:0', 'IPv4-mapped'],
    ['::ffff:169.254.169.254', 'link-local (169.254.0.0/16)'],
    ['::ffff:a9fe:a9fe', 'link-local (169.254.0.0/16)'],
    ['::ffff:8.8.8.8', 'IPv4-mapped'],
    ['64:ff9b::a9fe:a9fe', 'NAT64 (64:ff9b::/96)'],
    ['64:ff9b::127.0.0.1', 'NAT64 (64:ff9b::/96)'],
    ['64:ff9b:1::a00:1', 'local-use NAT64 (64:ff9b:1::/48)'],
    ['2002:a9fe:a9fe::', '6to4 (2002::/16)'],
    ['2002:7f00:1::1', '6to4 (2002::/16)'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'Teredo (2001::/32)'],
    ['2001::1', 'Teredo (2001::/32)'],
    ['2001:2::1', 'IETF protocol assignments (2001::/23)'],
    ['100::1', 'discard-only (100::/64)'],
    ['::a9fe:a9fe', 'IPv4-compatible (::/96)'],
    ['::127.0.0.1', 'IPv4-compatible (::/96)'],
    ['::', 'unspecified (::)'],
    ['fe80::1', 'link-local (fe80::/10)'],
    ['fd00:ec2::254', 'unique local (fc00::/7)'],
    ['fec0::1', 'site-local (fec0::/10)'],
    ['ff02::1', 'multicast (ff00::/8)'],
    ['2001:db8::1', 'documentation (2001:db8::/32)'],
    ['3fff::1', 'documentation (3fff::/20)'],
    ['4000::1', 'not a global unicast'],
    ['0.0.0.0', '"this network"'],
    ['10.1.2.3', 'private (10.0.0.0/8)'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['169.254.169.254', 'link-local (169.254.0.0/16)'],
    ['172.31.255.255', 'private (172.16.0.0/12)'],
    ['192.0.0.170', 'IETF protocol assignments'],
    ['192.0.2.1', 'documentation'],
    ['192.88.99.1', '6to4 relay anycast'],
    ['192.168.1.1', 'private (192.168.0.0/16)'],
    ['198.18.0.1', 'benchmarking'],
    ['224.0.0.1', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'broadcast'],
    ['fe80::1%eth0', 'not an IP address'],
  ])('refuses %s (%s)', (address, name) => {
    expect(refusedRange(address)).toContain(name);
  });

  it('checks the bracketed literal of a URL host without resolving it', async () => {
    for (const host of ['[::ffff:0.0.0.0]', '[64:ff9b::a9fe:a9fe]', '[2002::1]', '[::ffff:0:0]']) {
      const checked = await checkHost(new URL(`http://${host}/`).hostname, noDns);
      expect(checked.ok, host).toBe(false);
    }
    const loopback = await checkHost('[::1]', noDns);
    expect(loopback).toEqual({ ok: true, address: { address: '::1', family: 6 } });
  });

  it('refuses a name when any of its addresses is refused', async () => {
    const table: Resolver = (name) =>
      Promise.resolve(
        name === 'split.test'
          ? [
              { address: '127.0.0.1', family: 4 },
              { address: '64:ff9b::a00:1', family: 6 },
            ]
          : [],
      );
    const split = await checkHost('split.test', table);
    expect(split).toEqual({
      ok: false,
      reason: 'split.test resolves to 64:ff9b::a00:1, a NAT64 (64:ff9b::/96) address',
    });
    expect(await checkHost('empty.test', table)).toEqual({
      ok: false,
      reason: 'empty.test has no address',
    });
  });
});
