/**
 * A client that speaks the sync protocol by hand, without the provider: what
 * someone would use to send the server updates that no honest app sends.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { encodeToken, type Credentials } from '../../../src/sync/protocol';

const MESSAGE_SYNC = 0;
const MESSAGE_AUTH = 2;
const MESSAGE_STATELESS = 5;
const SYNC_UPDATE = 2;
const AUTH_TOKEN = 0;
const AUTH_DENIED = 1;
const AUTH_OK = 2;

export interface RawClient {
  /** Resolves with null once signed in, or the server's reason for refusing. */
  signedIn: Promise<string | null>;
  sendUpdate(update: Uint8Array): void;
  /** Resolves with the WebSocket close code. */
  closed: Promise<number>;
  /** Every stateless message the server sent (its welcome, its refusals). */
  messages: string[];
  close(): void;
}

export function rawClient(url: string, documentName: string, credentials: Credentials): RawClient {
  const ws = new WebSocket(url);
  ws.binaryType = 'arraybuffer';
  const messages: string[] = [];
  let resolveSignIn: (reason: string | null) => void = () => {};
  const signedIn = new Promise<string | null>((resolve) => (resolveSignIn = resolve));
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  ws.on('open', () => {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, documentName);
    encoding.writeVarUint(encoder, MESSAGE_AUTH);
    encoding.writeVarUint(encoder, AUTH_TOKEN);
    encoding.writeVarString(encoder, encodeToken(credentials));
    ws.send(encoding.toUint8Array(encoder));
  });
  ws.on('message', (data: ArrayBuffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    if (decoder.arr.length === 1) return; // a ping
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_AUTH) {
      const auth = decoding.readVarUint(decoder);
      if (auth === AUTH_OK) resolveSignIn(null);
      if (auth === AUTH_DENIED) resolveSignIn(decoding.readVarString(decoder));
    } else if (type === MESSAGE_STATELESS) {
      messages.push(decoding.readVarString(decoder));
    }
  });
  return {
    signedIn,
    closed,
    messages,
    sendUpdate(update) {
      const encoder = encoding.createEncoder();
      encoding.writeVarString(encoder, documentName);
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      encoding.writeVarUint(encoder, SYNC_UPDATE);
      encoding.writeVarUint8Array(encoder, update);
      ws.send(encoding.toUint8Array(encoder));
    },
    close() {
      ws.close();
    },
  };
}
