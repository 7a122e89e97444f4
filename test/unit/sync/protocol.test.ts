import { describe, expect, it } from 'vitest';
import {
  REFUSALS,
  canvasDocName,
  decodeToken,
  encodeToken,
  inviteLink,
  newParticipantId,
  newRoomId,
  newSecret,
  parseDocName,
  parseInviteLink,
  refusalForCloseCode,
  votesDocName,
} from '../../../src/sync/protocol';

describe('invite links', () => {
  it('carry the room and its secret in the fragment, which browsers never send to a server', () => {
    const roomId = newRoomId();
    const secret = newSecret();
    const link = inviteLink('https://canvas.example.gov.uk/', roomId, secret);
    expect(new URL(link).hash).toBe(`#/join/${roomId}.${secret}`);
    expect(new URL(link).pathname).toBe('/');
    expect(parseInviteLink(link)).toEqual({ roomId, inviteSecret: secret });
    expect(parseInviteLink(new URL(link).hash)).toEqual({ roomId, inviteSecret: secret });
  });

  it('refuse anything that is not one', () => {
    const roomId = newRoomId();
    for (const bad of [
      '',
      '#/join/',
      `#/join/${roomId}`,
      `#/join/${roomId}.short`,
      `#/join/${roomId}.${newSecret()}.extra`,
      '#/canvas/x',
    ]) {
      expect(parseInviteLink(bad), bad).toBeNull();
    }
  });
});

describe('ids and secrets', () => {
  it('are URL-safe and unguessable (128 bits for ids, 256 for secrets)', () => {
    const ids = new Set(Array.from({ length: 1000 }, newRoomId));
    expect(ids.size).toBe(1000);
    expect([...ids].every((id) => /^[A-Za-z0-9_-]{22}$/.test(id))).toBe(true);
    expect(newSecret()).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe('tokens', () => {
  it('round-trip and refuse anything malformed', () => {
    const credentials = { secret: newSecret(), participantId: newParticipantId(), participantKey: newSecret() };
    expect(decodeToken(encodeToken(credentials))).toEqual(credentials);
    expect(decodeToken('')).toBeNull();
    expect(decodeToken(encodeToken(credentials).replace('v1', 'v2'))).toBeNull();
    expect(decodeToken(`${encodeToken(credentials)}.more`)).toBeNull();
    expect(decodeToken(encodeToken({ ...credentials, secret: 'short' }))).toBeNull();
  });
});

describe('document names', () => {
  it('name a room’s canvas and each person’s votes, and nothing else', () => {
    const roomId = newRoomId();
    const person = newParticipantId();
    expect(parseDocName(canvasDocName(roomId))).toEqual({ roomId, kind: 'canvas' });
    expect(parseDocName(votesDocName(roomId, person))).toEqual({ roomId, kind: 'votes', participantId: person });
    for (const bad of ['', 'x', `${roomId}/other`, `${roomId}/votes/`, `${roomId}/votes/${person}/x`, `../${roomId}`]) {
      expect(parseDocName(bad), bad).toBeNull();
    }
  });
});

describe('refusals', () => {
  it('map every close code back to its reason, with words to show', () => {
    for (const [reason, refusal] of Object.entries(REFUSALS)) {
      expect(refusalForCloseCode(refusal.code)).toBe(reason);
      expect(refusal.message.length).toBeGreaterThan(20);
    }
    expect(refusalForCloseCode(1000)).toBeNull();
  });
});
