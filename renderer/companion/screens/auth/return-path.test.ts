import { describe, expect, it } from 'vitest';
import { authState, isSigningOut, returnPath } from './return-path';

describe('returnPath', () => {
  it('goes back to the signed-in page the patient came from', () => {
    expect(returnPath({ from: '/appointments' })).toBe('/appointments');
    expect(returnPath({ from: '/records/visits?x=1' })).toBe('/records/visits?x=1');
  });

  it('goes home without a page, for another site, or for an auth screen', () => {
    expect(returnPath(null)).toBe('/');
    expect(returnPath({})).toBe('/');
    expect(returnPath({ from: 'https://evil.example/' })).toBe('/');
    expect(returnPath({ from: '//evil.example/' })).toBe('/');
    expect(returnPath({ from: '/welcome' })).toBe('/');
    expect(returnPath({ from: '/sign-in?next=1' })).toBe('/');
  });
});

describe('authState', () => {
  it('keeps only the known keys of the right types', () => {
    expect(authState({ from: '/inbox', login: '98450', codeSent: true, other: 1 })).toEqual({
      from: '/inbox',
      login: '98450',
      codeSent: true,
    });
    expect(authState({ from: 3, codeSent: 'yes' })).toEqual({});
    expect(authState('x')).toEqual({});
  });
});

describe('isSigningOut', () => {
  it('is the profile’s sign-out marker only, never carried on by authState', () => {
    expect(isSigningOut({ signingOut: true })).toBe(true);
    expect(isSigningOut({ signingOut: 'yes' })).toBe(false);
    expect(isSigningOut(null)).toBe(false);
    expect(authState({ signingOut: true })).toEqual({});
  });
});
