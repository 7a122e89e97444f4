// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { canvasDocName, votesDocName, type Credentials, type Permissions } from '../../../src/sync/protocol';
import { plainToCanvas, reapplyAllowed } from '../../../src/sync/binding';
import { mayChange, mayCreate, setOnCreate } from '../../../src/sync/permissions';
import { addRecord, readCanvasDoc } from '../../../src/sync/shape';
import { connect, credentialsFor, sharedRoom, startServer, waitFor, type TestServer } from './helpers';
import { rawClient } from './rawClient';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.stop();
});

/** What the server holds, as a device joining now would see it. */
async function serverView(roomId: string, secret: string) {
  const doc = new Y.Doc();
  const viewer = connect(server.url, roomId, credentialsFor(secret), { canvas: doc });
  await viewer.whenSynced();
  viewer.destroy();
  return readCanvasDoc(doc);
}

/**
 * Sends, over a hand-made connection, the update that `change` makes to a
 * copy of the shared canvas: no app code between the attacker and the server.
 */
async function sendDirectly(roomId: string, credentials: Credentials, change: (doc: Y.Doc) => void) {
  const doc = new Y.Doc();
  const reader = connect(server.url, roomId, credentials, { canvas: doc });
  await reader.whenSynced();
  reader.destroy();
  const before = Y.encodeStateVector(doc);
  change(doc);
  const client = rawClient(server.url, canvasDocName(roomId), credentials);
  expect(await client.signedIn).toBeNull();
  client.sendUpdate(Y.encodeStateAsUpdate(doc, before));
  const code = await client.closed;
  const refusal = client.messages
    .map((text) => JSON.parse(text) as { type: string; reason: string; detail: string })
    .find((message) => message.type === 'refused');
  return { code, refusal };
}

const cards = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('cards');
const checks = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('checks');

describe('what participants may not do, enforced by the server', () => {
  it('refuses an ethics status change sent directly, and nobody sees it', async () => {
    const { room, owner, ownerDoc } = await sharedRoom(server);
    const { code, refusal } = await sendDirectly(room.roomId, credentialsFor(room.inviteSecret), (doc) =>
      checks(doc).get('outcome:trust')!.set('status', 'concern'),
    );
    expect(code).toBe(4403);
    expect(refusal).toMatchObject({ reason: 'forbidden-change' });
    expect(refusal!.detail).toMatch(/ethics and governance checks/);
    expect(checks(ownerDoc).get('outcome:trust')!.get('status')).toBe('not-discussed');
    expect((await serverView(room.roomId, room.inviteSecret)).checks['outcome:trust']?.status).toBe('not-discussed');
    owner.destroy();
  });

  it('accepts the same change once the facilitator allows it', async () => {
    const { room, owner, ownerDoc } = await sharedRoom(server);
    (ownerDoc.getMap('room').get('permissions') as Y.Map<boolean>).set('editChecks', true);
    await owner.whenSynced();
    const doc = new Y.Doc();
    const participant = connect(server.url, room.roomId, credentialsFor(room.inviteSecret), { canvas: doc });
    await participant.whenSynced();
    checks(doc).get('outcome:trust')!.set('status', 'concern');
    await participant.whenSynced();
    await waitFor(() => checks(ownerDoc).get('outcome:trust')!.get('status') === 'concern', 'the owner to see the change');
    participant.destroy();
    owner.destroy();
  });

  it('refuses deleting the canvas, changing room settings and writing vote totals', async () => {
    const { room, owner, ownerDoc } = await sharedRoom(server);
    const attempts: [string, (doc: Y.Doc) => void, RegExp][] = [
      ['delete the canvas', (doc) => doc.getMap('meta').set('deletedAt', 5), /deleting the canvas/],
      ['grant itself rights', (doc) => (doc.getMap('room').get('permissions') as Y.Map<boolean>).set('editChecks', true), /room settings/],
      ['reveal votes', (doc) => (doc.getMap('room').get('voting') as Y.Map<boolean>).set('revealed', true), /room settings/],
      ['write totals', (doc) => doc.getMap('tally').set('k1', 99), /no one may change/],
      ['mark agreed', (doc) => cards(doc).get('k1')!.set('agreed', true), /agreed/],
      ['delete a card (soft)', (doc) => cards(doc).get('k1')!.set('deletedAt', 5), /deleting cards/],
      ['retitle', (doc) => (doc.getMap('meta').get('title') as Y.Text).insert(0, 'Hijacked '), /canvas details/],
    ];
    for (const [what, change, detail] of attempts) {
      const { code, refusal } = await sendDirectly(room.roomId, credentialsFor(room.inviteSecret), change);
      expect(code, what).toBe(4403);
      expect(refusal?.detail, what).toMatch(detail);
    }
    const view = await serverView(room.roomId, room.inviteSecret);
    expect(view.meta.deletedAt).toBeNull();
    expect(view.meta.title).toBe('Shared canvas');
    expect(view.cards.k1).toMatchObject({ agreed: false, deletedAt: null });
    expect(view.tally).toEqual({});
    expect(readCanvasDoc(ownerDoc).room.permissions).toMatchObject({ editChecks: false });
    owner.destroy();
  });

  it('refuses a new card that claims what the participant may not set', async () => {
    const { room, owner } = await sharedRoom(server);
    const { code, refusal } = await sendDirectly(room.roomId, credentialsFor(room.inviteSecret), (doc) =>
      addRecord(doc, 'cards', 'k9', { step: 'outcome', order: 'a1', text: 'Mine', agreed: true }),
    );
    expect(code).toBe(4403);
    expect(refusal?.detail).toMatch(/agreed/);
    expect((await serverView(room.roomId, room.inviteSecret)).cards.k9).toBeUndefined();
    owner.destroy();
  });

  it('refuses updates that break the document’s shape, whoever sends them', async () => {
    const { room, owner } = await sharedRoom(server);
    const attempts: [string, (doc: Y.Doc) => void][] = [
      ['hard-delete a card', (doc) => cards(doc).delete('k1')],
      ['replace a card’s text', (doc) => cards(doc).get('k1')!.set('text', new Y.Text('replaced'))],
      ['format text', (doc) => (cards(doc).get('k1')!.get('text') as Y.Text).format(0, 3, { bold: true })],
      ['embed in text', (doc) => (cards(doc).get('k1')!.get('text') as Y.Text).insertEmbed(0, { image: 'x' })],
      ['add an unknown part', (doc) => doc.getMap('elsewhere').set('x', 1)],
      ['add an unknown field', (doc) => cards(doc).get('k1')!.set('html', '<script>')],
      ['set a colour that does not exist', (doc) => cards(doc).get('k1')!.set('colour', 'chartreuse')],
      ['move to a step that does not exist', (doc) => cards(doc).get('k1')!.set('step', 'nowhere')],
      ['use a list for cards', (doc) => doc.getArray('cards').insert(0, ['x'])],
    ];
    for (const secret of [room.inviteSecret, room.ownerKey]) {
      for (const [what, change] of attempts) {
        const { code, refusal } = await sendDirectly(room.roomId, credentialsFor(secret), change);
        expect(code, what).toBe(4400);
        expect(refusal?.reason, what).toBe('invalid-change');
      }
    }
    const view = await serverView(room.roomId, room.inviteSecret);
    expect(view.cards.k1).toMatchObject({ text: 'Families get help sooner', colour: 'yellow', step: 'outcome' });
    owner.destroy();
  });

  it('lets participants add, edit and move cards, and two people typing in one card both keep their words', async () => {
    const { room, owner, ownerDoc } = await sharedRoom(server);
    const doc = new Y.Doc();
    const participant = connect(server.url, room.roomId, credentialsFor(room.inviteSecret), { canvas: doc });
    await participant.whenSynced();
    addRecord(doc, 'cards', 'k3', { step: 'insight', order: 'a0', text: 'A dashboard of referrals', createdAt: 2, updatedAt: 2 });
    cards(doc).get('k2')!.set('step', 'insight');
    // Both type in k1 at once.
    (cards(doc).get('k1')!.get('text') as Y.Text).insert(0, 'Young ');
    (cards(ownerDoc).get('k1')!.get('text') as Y.Text).insert(24, ' and stay safe');
    await Promise.all([participant.whenSynced(), owner.whenSynced()]);
    await waitFor(
      () => readCanvasDoc(ownerDoc).cards.k3 !== undefined && readCanvasDoc(doc).cards.k1?.text === readCanvasDoc(ownerDoc).cards.k1?.text,
      'both to converge',
    );
    const view = await serverView(room.roomId, room.inviteSecret);
    expect(view.cards.k1?.text).toBe('Young Families get help sooner and stay safe');
    expect(view.cards.k2?.step).toBe('insight');
    expect(view.cards.k3?.text).toBe('A dashboard of referrals');
    expect(participant.state.status).toBe('synced');
    participant.destroy();
    owner.destroy();
  });

  it('refuses an update that depends on changes the server has not seen, and the honest client catches up', async () => {
    const { room, owner } = await sharedRoom(server);
    const credentials = credentialsFor(room.inviteSecret);
    const doc = new Y.Doc();
    const reader = connect(server.url, room.roomId, credentials, { canvas: doc });
    await reader.whenSynced();
    reader.destroy();
    const base = Y.encodeStateVector(doc);
    (cards(doc).get('k1')!.get('text') as Y.Text).insert(0, 'A');
    const middle = Y.encodeStateVector(doc);
    (cards(doc).get('k1')!.get('text') as Y.Text).insert(1, 'B');
    const client = rawClient(server.url, canvasDocName(room.roomId), credentials);
    expect(await client.signedIn).toBeNull();
    client.sendUpdate(Y.encodeStateAsUpdate(doc, middle)); // the second edit without the first
    expect(await client.closed).toBe(4409);
    void base;
    // The device's own provider sends everything it has on reconnection.
    const again = connect(server.url, room.roomId, credentials, { canvas: doc });
    await again.whenSynced();
    expect((await serverView(room.roomId, room.inviteSecret)).cards.k1?.text).toBe('ABFamilies get help sooner');
    again.destroy();
    owner.destroy();
  });
});

describe('a device refused after an offline spell', () => {
  it('is taken back once it re-applies, on the server’s document, only what is still allowed', async () => {
    const { room, owner, ownerDoc } = await sharedRoom(server);
    const permissions = () => ownerDoc.getMap('room').get('permissions') as Y.Map<boolean>;
    permissions().set('deleteCards', true);
    await owner.whenSynced();
    const credentials = credentialsFor(room.inviteSecret);
    const device = new Y.Doc();
    const online = connect(server.url, room.roomId, credentials, { canvas: device });
    await online.whenSynced();
    online.destroy();
    // Offline: a deletion (allowed until now) and an edit; meanwhile the facilitator stops deletions.
    cards(device).get('k2')!.set('deletedAt', 5);
    (cards(device).get('k1')!.get('text') as Y.Text).insert(0, 'All ');
    permissions().set('deleteCards', false);
    await owner.whenSynced();

    const back = connect(server.url, room.roomId, credentials, { canvas: device });
    await waitFor(() => back.state.status === 'refused', 'the refusal');
    expect(back.state.refusal?.reason).toBe('forbidden-change');
    back.destroy();

    // The device starts again from the server's document and re-applies what is allowed.
    const fresh = new Y.Doc();
    const again = connect(server.url, room.roomId, credentials, { canvas: fresh });
    await again.whenSynced();
    const current = plainToCanvas(readCanvasDoc(device), { id: 'c1' });
    const guard = {
      mayCreate: (root: string) => mayCreate('participant', readCanvasDoc(fresh).room.permissions as Permissions, root),
      mayChange: (root: string, field: string) =>
        mayChange('participant', readCanvasDoc(fresh).room.permissions as Permissions, root, field),
      setOnCreate,
    };
    const { refused } = reapplyAllowed(fresh, device, current, guard, 'device');
    expect(refused).toEqual([{ root: 'cards', id: 'k2', field: 'deletedAt' }]);
    await again.whenSynced();
    expect(again.state.status).toBe('synced');
    await waitFor(() => readCanvasDoc(ownerDoc).cards.k1?.text === 'All Families get help sooner', 'the facilitator to see the edit');
    expect(readCanvasDoc(ownerDoc).cards.k2?.deletedAt).toBeNull();
    again.destroy();
    owner.destroy();
  });
});

describe('presence', () => {
  it('shows the role the server gave, not the one a device claims', async () => {
    const { room, owner } = await sharedRoom(server);
    owner.setPresence({ name: 'Sam (facilitator)' });
    const participant = connect(server.url, room.roomId, credentialsFor(room.inviteSecret), { name: 'Alex' });
    await participant.whenSynced();
    participant.setPresence({ name: 'Alex' });
    await waitFor(() => owner.state.people.length === 2, 'the owner to see two people');
    await waitFor(() => participant.state.people.length === 2, 'the participant to see two people');
    const roles = Object.fromEntries(owner.state.people.map((person) => [person.name, person.role]));
    expect(roles).toEqual({ 'Sam (facilitator)': 'facilitator', Alex: 'participant' });
    participant.destroy();
    owner.destroy();
  });
});

describe('votes of one’s own', () => {
  it('keeps each person’s votes to themselves until the facilitator reveals the totals', async () => {
    const { room, owner, ownerDoc } = await sharedRoom(server);
    const people = [credentialsFor(room.inviteSecret), credentialsFor(room.inviteSecret)];
    const votes = people.map(() => new Y.Doc());
    const canvases = people.map(() => new Y.Doc());
    const transports = people.map((credentials, i) =>
      connect(server.url, room.roomId, credentials, { canvas: canvases[i], votes: votes[i] }),
    );
    await Promise.all(transports.map((t) => t.whenSynced()));
    votes[0]!.getMap('votes').set('k1', 2);
    votes[0]!.getMap('votes').set('k2', 1);
    votes[1]!.getMap('votes').set('k1', 1);
    await Promise.all(transports.map((t) => t.whenSynced()));

    // Nobody can open someone else's votes: not another participant, not the facilitator.
    for (const someoneElse of [people[1]!, credentialsFor(room.ownerKey)]) {
      const snoop = rawClient(server.url, votesDocName(room.roomId, people[0]!.participantId), someoneElse);
      expect(await snoop.signedIn).toBe('invalid-link');
      snoop.close();
    }
    // Not even with the owner key and the person's own id (their key is not the owner's).
    const owned = rawClient(server.url, votesDocName(room.roomId, people[0]!.participantId), {
      ...credentialsFor(room.ownerKey),
      participantId: people[0]!.participantId,
    });
    expect(await owned.signedIn).not.toBeNull();
    owned.close();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(canvases[1]!.getMap('tally').size).toBe(0);

    (ownerDoc.getMap('room').get('voting') as Y.Map<boolean>).set('revealed', true);
    await waitFor(() => canvases[1]!.getMap('tally').get('k1') === 3, 'the totals to reach a participant');
    expect(canvases[1]!.getMap('tally').toJSON()).toEqual({ k1: 3, k2: 1 });

    // While revealed, totals follow new votes; hiding clears them.
    votes[1]!.getMap('votes').set('k2', 2);
    await waitFor(() => canvases[0]!.getMap('tally').get('k2') === 3, 'the totals to follow a new vote');
    (ownerDoc.getMap('room').get('voting') as Y.Map<boolean>).set('revealed', false);
    await waitFor(() => canvases[0]!.getMap('tally').size === 0, 'the totals to be cleared');
    for (const transport of [...transports, owner]) transport.destroy();
  });

  it('refuses more votes than the facilitator allows each person', async () => {
    const { room, owner } = await sharedRoom(server);
    const votes = new Y.Doc();
    const participant = connect(server.url, room.roomId, credentialsFor(room.inviteSecret), { votes });
    await participant.whenSynced();
    votes.getMap('votes').set('k1', 2);
    votes.getMap('votes').set('k2', 2);
    await waitFor(() => participant.state.status === 'refused', 'the refusal');
    expect(participant.state.refusal?.reason).toBe('forbidden-change');
    expect(participant.state.refusal?.detail).toMatch(/3 votes/);
    participant.destroy();
    owner.destroy();
  });

  it('lets a person take dots off after the facilitator lowered the limit below what they placed, never add one', async () => {
    const { room, owner, ownerDoc } = await sharedRoom(server);
    const votes = new Y.Doc();
    const participant = connect(server.url, room.roomId, credentialsFor(room.inviteSecret), { votes });
    await participant.whenSynced();
    votes.getMap('votes').set('k1', 2);
    votes.getMap('votes').set('k2', 1);
    await participant.whenSynced();
    ownerDoc.getMap('meta').set('votesPerPerson', 1);
    await owner.whenSynced();
    votes.getMap('votes').set('k1', 1);
    await participant.whenSynced();
    expect(participant.state.status).toBe('synced');
    votes.getMap('votes').set('k2', 2);
    await waitFor(() => participant.state.status === 'refused', 'the refusal');
    expect(participant.state.refusal?.detail).toMatch(/1 votes/);
    participant.destroy();
    owner.destroy();
  });
});
