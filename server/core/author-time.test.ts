import { describe, expect, it } from 'vitest';
import { authorTime, claimOf, seenBeforeHello } from './author-time';

const now = '2026-11-23T06:00:00.000Z';
const minutes = (m: number) => new Date(Date.parse(now) + m * 60_000).toISOString();
const hello = { offsetMs: 7 * 60_000, helloAt: minutes(0) };

describe('authorTime', () => {
  it('is the hub’s time for a change made on the hub', () => {
    expect(authorTime({ now })).toEqual({ at: now, receivedAt: now, clock: 'hub' });
  });

  it('corrects the device time by the offset measured at hello', () => {
    const claim = claimOf(minutes(-187), hello); // signed 3 h ago by a PC clock 7 min slow
    expect(authorTime({ now, authorClaim: claim })).toEqual({
      at: minutes(-180),
      receivedAt: now,
      clock: 'device',
    });
  });

  it('never puts the time after the hub received it: latency passes, a clock ahead is flagged', () => {
    const close = claimOf(minutes(1), { offsetMs: 0, helloAt: minutes(-5) });
    expect(authorTime({ now, authorClaim: close })).toEqual({ at: now, receivedAt: now, clock: 'device' });
    const ahead = claimOf(minutes(30), { offsetMs: 0, helloAt: minutes(-5) });
    expect(authorTime({ now, authorClaim: ahead })).toEqual({ at: now, receivedAt: now, clock: 'flagged' });
  });

  it('never puts the time before the record’s earlier events: a clock set back is flagged', () => {
    const backdated = claimOf(minutes(-24 * 60), { offsetMs: 0, helloAt: minutes(-60) });
    expect(authorTime({ now, authorClaim: backdated }, { hubKnown: [minutes(-90), null] })).toEqual({
      at: minutes(-90),
      receivedAt: now,
      clock: 'flagged',
    });
  });

  it('flags a clock hours off, and a push whose connection measured no offset', () => {
    const hoursOff = claimOf(minutes(-185), { offsetMs: 3 * 60 * 60_000, helloAt: minutes(-1) });
    expect(authorTime({ now, authorClaim: hoursOff })).toEqual({
      at: minutes(-5),
      receivedAt: now,
      clock: 'flagged',
    });
    const unmeasured = claimOf(minutes(-20), null);
    expect(authorTime({ now, authorClaim: unmeasured })).toMatchObject({
      at: minutes(-20),
      clock: 'flagged',
    });
  });

  it('keeps an addendum after its signature, whose time came from a desktop clock', () => {
    const early = claimOf(minutes(-50), { offsetMs: 0, helloAt: minutes(-1) });
    expect(authorTime({ now, authorClaim: early }, { after: [minutes(-40)] })).toEqual({
      at: minutes(-40),
      receivedAt: now,
      clock: 'flagged',
    });
  });

  // A clock set back a day while offline and put right before reconnecting measures ≈ 0 at hello.
  it('flags a claim long before its receipt that nothing the hub knows bounds, keeping its time', () => {
    const reconnected = { offsetMs: 0, helloAt: minutes(-1) };
    const dayBack = claimOf(minutes(-24 * 60 - 30), reconnected);
    expect(authorTime({ now, authorClaim: dayBack })).toEqual({
      at: minutes(-24 * 60 - 30),
      receivedAt: now,
      clock: 'flagged',
    });
    // Nor does a bound only from an author's clock (an addendum's signature) vouch for it.
    expect(authorTime({ now, authorClaim: dayBack }, { after: [minutes(-26 * 60)] })).toMatchObject({
      clock: 'flagged',
    });
    // An outage of a morning passes; so does a long one when the hub knows what the author followed.
    const morning = claimOf(minutes(-11 * 60), reconnected);
    expect(authorTime({ now, authorClaim: morning })).toMatchObject({ clock: 'device' });
    expect(authorTime({ now, authorClaim: dayBack }, { hubKnown: [minutes(-25 * 60)] })).toEqual({
      at: minutes(-24 * 60 - 30),
      receivedAt: now,
      clock: 'device',
    });
  });

  it('has no receipt time yet on the desktop that made the change', () => {
    const local = { at: now, offsetMs: 0, helloAt: null, local: true };
    expect(authorTime({ now, authorClaim: local })).toEqual({ at: now, receivedAt: null, clock: 'device' });
  });
});

describe('seenBeforeHello', () => {
  it('keeps only what the hub held before the author’s connection began', () => {
    const claim = claimOf(now, hello);
    expect(seenBeforeHello(claim, minutes(-1))).toBe(minutes(-1));
    expect(seenBeforeHello(claim, minutes(1))).toBeNull();
    expect(seenBeforeHello(claim, hello.helloAt)).toBeNull(); // e.g. received in the hello's push
    expect(seenBeforeHello(undefined, minutes(-1))).toBeNull();
  });
});
