/**
 * Plain HTTP on the same origin as the sync endpoint: the built app (static
 * files, with the page's Content-Security-Policy also sent as a header) and a
 * small JSON API for owners of rooms:
 *
 *   POST   /api/rooms              create a room   → { roomId, ownerKey, inviteSecret }
 *   POST   /api/rooms/:id/invite   new invite link → { inviteSecret }   (owner key as Bearer token)
 *   DELETE /api/rooms/:id          end sharing     → 204                (owner key as Bearer token)
 *   GET    /api/health             → { ok: true }
 *
 * There is no way to list rooms. A wrong key and an unknown room get the same
 * answer. Secrets only ever travel in request bodies and headers, never in
 * URLs, and are never logged.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { mimes } from 'mrmime';
import sirv from 'sirv';
import { API_PATH, isRoomId, isSecret } from '../src/sync/protocol';
import type { Database } from './database';
import { RateLimiter } from './limits';
import type { Logger } from './log';

export interface HttpLimits {
  maxRooms: number;
  /** Rooms one address may create per hour. */
  roomsPerHour: number;
  /** Owner requests (re-key, end) one address may make per minute. */
  ownerRequestsPerMinute: number;
}

export interface HttpOptions {
  db: Database;
  staticDir: string | null;
  limits: HttpLimits;
  trustProxy: boolean;
  allowedOrigins: readonly string[];
  /** When set, creating a room needs this key in the X-Room-Creation-Key header. */
  roomCreationKey: string | null;
  log: Logger;
  /** Closes the room's connections on every instance. */
  revoke: (roomId: string, reason: 'link-revoked' | 'sharing-ended') => void;
}

const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

/** The policy the built page carries in its meta tag, so header and page never disagree. */
function pageContentSecurityPolicy(staticDir: string): string | null {
  try {
    const html = readFileSync(join(staticDir, 'index.html'), 'utf8');
    const match = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
    return match ? `${match[1]}; frame-ancestors 'none'` : null;
  } catch {
    return null;
  }
}

export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

// sirv takes its types from mrmime, which has none for the tab's icon: it would go out with an empty type.
mimes.ico = 'image/x-icon';

export function createHttpHandler(options: HttpOptions): RequestHandler {
  const csp = options.staticDir ? pageContentSecurityPolicy(options.staticDir) : null;
  const headers = { ...SECURITY_HEADERS, ...(csp ? { 'Content-Security-Policy': csp } : {}) };
  const serveStatic = options.staticDir
    ? sirv(options.staticDir, {
        dev: false,
        etag: true,
        single: true,
        setHeaders(response, pathname) {
          for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
          // Hashed build files never change; the page, the service worker and the manifest must be fresh.
          response.setHeader('Cache-Control', pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
        },
      })
    : null;
  const roomCreations = new RateLimiter(options.limits.roomsPerHour, 3_600_000);
  const ownerRequests = new RateLimiter(options.limits.ownerRequestsPerMinute, 60_000);

  const send = (response: ServerResponse, status: number, body?: unknown) => {
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    response.setHeader('Cache-Control', 'no-store');
    if (body === undefined) {
      response.writeHead(status).end();
      return;
    }
    response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
  };
  const error = (response: ServerResponse, status: number, message: string) => send(response, status, { error: message });

  const address = (request: IncomingMessage) => {
    const forwarded = request.headers['x-forwarded-for'];
    if (options.trustProxy && typeof forwarded === 'string') return forwarded.split(',').pop()!.trim();
    return request.socket.remoteAddress ?? 'unknown';
  };

  /** Cross-site pages may not drive the API (CSRF): browsers send Origin on every POST and DELETE. */
  const sameOrigin = (request: IncomingMessage) => {
    const origin = request.headers.origin;
    if (origin === undefined) return true;
    if (options.allowedOrigins.includes(origin)) return true;
    try {
      return new URL(origin).host === request.headers.host;
    } catch {
      return false;
    }
  };

  const bearer = (request: IncomingMessage) => {
    const match = /^Bearer ([A-Za-z0-9_-]+)$/.exec(request.headers.authorization ?? '');
    return match && isSecret(match[1]) ? match[1] : null;
  };

  async function api(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
    if (path === '/api/health' && request.method === 'GET') return send(response, 200, { ok: true });
    if (!path.startsWith(API_PATH)) return error(response, 404, 'Not found.');
    if (!sameOrigin(request)) return error(response, 403, 'Requests must come from this app.');
    const rest = path.slice(API_PATH.length);
    const from = address(request);

    if (rest === '' && request.method === 'POST') {
      if (options.roomCreationKey !== null && request.headers['x-room-creation-key'] !== options.roomCreationKey) {
        return error(response, 403, 'This server needs a room creation key to share a canvas.');
      }
      if (!roomCreations.take(from)) return error(response, 429, 'Too many canvases shared from this network in the last hour.');
      if (options.db.roomCount() >= options.limits.maxRooms) {
        return error(response, 503, 'This server is sharing as many canvases as it can. Try again later, or ask its administrator.');
      }
      const room = options.db.createRoom();
      options.log('room created');
      return send(response, 201, room);
    }

    const match = /^\/([A-Za-z0-9_-]+)(\/invite)?$/.exec(rest);
    if (!match || !isRoomId(match[1])) return error(response, 404, 'Not found.');
    const roomId = match[1];
    const isInvite = match[2] === '/invite';
    if (!(isInvite ? request.method === 'POST' : request.method === 'DELETE')) return error(response, 405, 'Not allowed.');
    if (!ownerRequests.take(from)) return error(response, 429, 'Too many requests from this network. Wait a minute.');
    const key = bearer(request);
    if (!key || !options.db.isOwner(roomId, key)) return error(response, 404, 'No shared canvas with this key.');

    if (isInvite) {
      const inviteSecret = options.db.rotateInvite(roomId);
      options.revoke(roomId, 'link-revoked');
      options.log('invite link replaced');
      return send(response, 200, { inviteSecret });
    }
    options.db.deleteRoom(roomId);
    options.revoke(roomId, 'sharing-ended');
    options.log('sharing ended');
    return send(response, 204);
  }

  return async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    if (path.startsWith('/api/')) {
      // Nothing the API takes has a body, so anything sent is ignored unread.
      request.resume();
      return api(request, response, path);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return error(response, 405, 'Not allowed.');
    if (!serveStatic) return error(response, 404, 'This server serves the sync endpoint only.');
    serveStatic(request, response, () => error(response, 404, 'Not found.'));
  };
}
