import type { NetworkInterfaceInfo } from 'node:os';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { hubServiceName, hubTxt } from './hub-service';
import { type InterfaceTable, resolveInterfaces } from './lan-interfaces';
import { startMdnsAdvertiser } from './mdns-advertiser';

function v4(address: string, internal = false): NetworkInterfaceInfo {
  return {
    address,
    netmask: '255.255.255.0',
    family: 'IPv4',
    mac: '02:00:00:00:00:01',
    internal,
    cidr: `${address}/24`,
  };
}

const table: InterfaceTable = {
  lo: [v4('127.0.0.1', true)],
  eth0: [v4('192.168.1.20'), v4('192.168.1.21')],
  wlan0: [v4('10.0.0.5')],
  usb0: [v4('169.254.3.4')],
};

describe('resolveInterfaces', () => {
  it('advertises on every LAN interface for a wildcard host, once per interface', () => {
    expect(resolveInterfaces({ host: '0.0.0.0' }, table)).toEqual({
      interfaces: [
        { name: 'eth0', address: '192.168.1.20' },
        { name: 'wlan0', address: '10.0.0.5' },
      ],
      problems: [],
    });
  });

  it('advertises only on the address the sync port listens on', () => {
    expect(resolveInterfaces({ host: '10.0.0.5' }, table).interfaces).toEqual([
      { name: 'wlan0', address: '10.0.0.5' },
    ]);
  });

  it('takes chosen interfaces by name or address', () => {
    const chosen = resolveInterfaces({ host: '0.0.0.0', interfaces: ['wlan0', '192.168.1.21'] }, table);
    expect(chosen.interfaces).toEqual([
      { name: 'wlan0', address: '10.0.0.5' },
      { name: 'eth0', address: '192.168.1.21' },
    ]);
  });

  it('never advertises loopback or link-local addresses, and says why', () => {
    expect(resolveInterfaces({ host: '127.0.0.1' }, table)).toEqual({
      interfaces: [],
      problems: [expect.stringMatching(/loopback/)],
    });
    const chosen = resolveInterfaces(
      { host: '0.0.0.0', interfaces: ['lo', 'usb0', '127.0.0.1', 'eth9', '10.9.9.9'] },
      table,
    );
    expect(chosen.interfaces).toEqual([]);
    expect(chosen.problems).toEqual([
      'the interface lo has no usable IPv4 address (loopback, link-local or not up)',
      'the interface usb0 has no usable IPv4 address (loopback, link-local or not up)',
      '127.0.0.1 is a loopback or link-local address: nothing on the LAN can reach it',
      'there is no network interface named eth9',
      'no interface has the address 10.9.9.9',
    ]);
    expect(resolveInterfaces({ host: '0.0.0.0' }, { lo: table.lo }).problems).toEqual([
      'no LAN interface is up (only loopback)',
    ]);
  });
});

describe('the advertised service', () => {
  it('names the hub and carries its id, protocol and clinic name within TXT limits', () => {
    const hubId = '0f4e3c2a-1b2c-4d5e-8f90-123456789abc';
    expect(hubServiceName(hubId, 'eth0')).toBe(`Clinic hub ${hubId} eth0`);
    expect(hubServiceName(hubId, 'enp0s31f6.100').length).toBeLessThanOrEqual(63);
    expect(hubTxt(hubId)).toEqual({ hubId, pv: '1' });
    const txt = hubTxt(hubId, 'अस्पताल '.repeat(40));
    expect(Buffer.byteLength(txt.clinic!, 'utf8')).toBeLessThanOrEqual(180);
  });

  it('opens no socket when nothing may be advertised (loopback host)', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(line) });
    const advertiser = startMdnsAdvertiser({
      hubId: 'h',
      port: 4810,
      host: '127.0.0.1',
      logger,
      interfaceTable: () => table,
    });
    expect(advertiser.interfaces()).toEqual([]);
    await advertiser.stop();
    expect(lines.join('')).toMatch(/loopback/);
  });
});
