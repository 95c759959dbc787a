import { randomBytes, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';

/** A new session token: 32 random bytes, URL-safe. */
export const newSessionToken = () => randomBytes(32).toString('base64url');

/** The header the workbench's script sends the token in. A header, not a cookie: another site's page cannot set it. */
export const tokenHeader = 'x-workbench-token';

/** Where the server listens, to tell its own requests from others. */
export interface ServerAddress {
  /** The host it was asked to listen on: `127.0.0.1`, or a field office's address, or `0.0.0.0`. */
  host: string;
  port: number;
}

const loopbackNames = new Set(['127.0.0.1', 'localhost', '[::1]']);
const wildcard = new Set(['0.0.0.0', '::']);

/**
 * Whether a `Host` header names this server. A name that is not ours (`evil.example:4322`) is what a DNS-rebinding
 * page sends: refused. Listening on 127.0.0.1, the loopback names are ours; on a given address, that address; on
 * every address (`0.0.0.0`), any IP address but no name other than `localhost`.
 */
export function isOwnHost(hostHeader: string | undefined, server: ServerAddress): boolean {
  if (!hostHeader) return false;
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(hostHeader.toLowerCase());
  if (!match || Number(match[2] ?? 80) !== server.port) return false;
  const name = match[1]!;
  if (loopbackNames.has(name) && (loopbackNames.has(server.host) || wildcard.has(server.host))) return true;
  if (wildcard.has(server.host)) return isIP(name.replace(/^\[|\]$/g, '')) !== 0;
  return name === server.host.toLowerCase() || name === `[${server.host.toLowerCase()}]`;
}

/** Whether an `Origin` header, when a browser sends one, is this server's own page (`http://` + its `Host`). */
export function isOwnOrigin(origin: string | undefined, hostHeader: string | undefined): boolean {
  return origin === undefined || origin === `http://${hostHeader}`;
}

/** Compares a token in constant time. */
export function isSessionToken(given: unknown, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Why a request is refused, or `undefined` when it may go on. The request names this server and comes from its page. */
export function refusal(request: IncomingMessage, server: ServerAddress): string | undefined {
  if (!isOwnHost(request.headers.host, server)) return 'This request names another host.';
  const origin = request.headers.origin;
  if (!isOwnOrigin(origin, request.headers.host)) return 'This request comes from a page of another site.';
  // Browsers send Sec-Fetch-Site on every request; a cross-site one is refused even without an Origin.
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site' || (site === 'same-site' && request.method !== 'GET')) return 'This request comes from a page of another site.';
  return undefined;
}
