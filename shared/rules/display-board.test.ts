import { describe, expect, it } from 'vitest';
import { announcementText, displayPresence, pageOf, roundedWaitMinutes, spokenTwice } from './display-board';

describe('the waiting-room display rules', () => {
  it('rounds waits to 5 minutes, never showing 0 for a short wait', () => {
    expect([0, 1, 3, 7, 8, 12, 13, 105].map(roundedWaitMinutes)).toEqual([0, 5, 5, 5, 10, 10, 15, 105]);
  });

  it('tells in, on break and not in from the working pieces', () => {
    const pieces = [
      { start: 100, end: 200 },
      { start: 300, end: 400 },
    ];
    expect(displayPresence(150, pieces)).toBe('in');
    expect(displayPresence(250, pieces)).toBe('break');
    expect(displayPresence(50, pieces)).toBe('out');
    expect(displayPresence(400, pieces)).toBe('out');
    expect(displayPresence(150, [])).toBe('out');
  });

  it('pages cards and wraps around', () => {
    const cards = ['a', 'b', 'c', 'd', 'e'];
    expect(pageOf(cards, 3, 0)).toEqual({ items: ['a', 'b', 'c'], pages: 2 });
    expect(pageOf(cards, 3, 1)).toEqual({ items: ['d', 'e'], pages: 2 });
    expect(pageOf(cards, 3, 2)).toEqual({ items: ['a', 'b', 'c'], pages: 2 });
    expect(pageOf([], 3, 4)).toEqual({ items: [], pages: 1 });
  });

  it('says the token and the room', () => {
    expect(announcementText({ token: 'K-012', roomName: '2' }, 'en-IN')).toBe('Token K-012, room 2');
    expect(announcementText({ token: 'K-012', roomName: 'Room 2' }, 'en-IN')).toBe('Token K-012, Room 2');
    expect(announcementText({ token: 'K-012', roomName: null }, 'en-IN')).toBe('Token K-012');
    expect(announcementText({ token: 'K-012', roomName: '2' }, 'hi-IN')).toBe('टोकन K-012, कमरा 2');
  });

  it('says the sentence twice in one utterance (repeated once)', () => {
    expect(spokenTwice('Token K-012, room 2', 'en-IN')).toBe('Token K-012, room 2. Token K-012, room 2.');
    expect(spokenTwice('टोकन K-012, कमरा 2', 'hi-IN')).toBe('टोकन K-012, कमरा 2। टोकन K-012, कमरा 2।');
  });
});
