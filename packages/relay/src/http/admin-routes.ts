import { createHash, timingSafeEqual } from 'node:crypto';
import express, { type RequestHandler, Router } from 'express';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import type { ClientAddress } from './client-address.js';
import { HttpError } from './errors.js';

/** What the admin routes may change: the poller's pace, at runtime. */
export interface PollingControls {
  readonly intervalMs: number;
  readonly paused: boolean;
  /** True when this relay is the one of its fleet that polls (alone, it always is). */
  readonly leads: boolean;
  setIntervalMs(ms: number): Promise<void>;
  /** Resolves once a poll under way has finished: after it, no upstream call is made. */
  pause(): Promise<void>;
  resume(): Promise<void>;
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Wrong tokens one address may try per window before it is refused outright. */
const MAX_FAILED_ATTEMPTS = 10;
const ATTEMPT_WINDOW_MS = 60_000;
/** Addresses whose failures are remembered; past this the least recent are forgotten first. */
const MAX_TRACKED_ADDRESSES = 10_000;

/**
 * Accepts `Authorization: Bearer <token>`, compared in constant time (hashes have one
 * length). An address that sends ten wrong tokens in a minute gets 429 until the minute is
 * over, so the token cannot be guessed at line speed.
 */
function requireToken(
  token: string,
  clientAddress: ClientAddress,
  now: () => number = Date.now,
): RequestHandler {
  const expected = digest(token);
  // An address's record lives for its window from its first failure, then goes by itself.
  const failures = new LRUCache<string, { count: number; resetAt: number }>({
    max: MAX_TRACKED_ADDRESSES,
    ttl: ATTEMPT_WINDOW_MS,
    perf: { now },
  });
  return (req, _res, next) => {
    const address = clientAddress(req);
    const record = failures.get(address);
    if (record && record.count >= MAX_FAILED_ATTEMPTS) {
      const seconds = Math.ceil((record.resetAt - now()) / 1000);
      throw new HttpError(429, 'too_many_attempts', 'Too many wrong admin tokens; wait a minute.', {
        'Retry-After': String(seconds),
      });
    }
    const given = req.get('authorization')?.match(/^Bearer (.+)$/)?.[1] ?? '';
    if (!timingSafeEqual(digest(given), expected)) {
      const resetAt = record?.resetAt ?? now() + ATTEMPT_WINDOW_MS;
      // A failure within the window counts in it and does not start it again (a ttl of 0
      // would be no ttl at all).
      failures.set(
        address,
        { count: (record?.count ?? 0) + 1, resetAt },
        { ttl: Math.max(1, resetAt - now()) },
      );
      throw new HttpError(401, 'unauthorized', 'A valid admin token is required.', {
        'WWW-Authenticate': 'Bearer',
      });
    }
    next();
  };
}

const pollingChange = z
  .object({
    intervalSeconds: z.number().int().min(1).max(30).optional(),
    paused: z.boolean().optional(),
  })
  .strict();

/**
 * `GET|POST /admin/polling`: read or change the poll interval and pause or resume polling.
 * Off (404 like any unknown route) unless `ADMIN_TOKEN` is set.
 */
export function adminRoutes(
  token: string | undefined,
  polling: PollingControls,
  clientAddress: ClientAddress,
): Router {
  const router = Router();
  if (!token) return router;
  // With Redis the settings are the fleet's; `polledBy` says whether this relay is the one polling.
  const state = () => ({
    intervalSeconds: polling.intervalMs / 1000,
    paused: polling.paused,
    polledBy: polling.leads ? 'this relay' : 'another relay',
  });
  router.use('/admin', requireToken(token, clientAddress), express.json({ limit: '1kb' }));
  router.get('/admin/polling', (_req, res) => {
    res.set('Cache-Control', 'no-store').json(state());
  });
  router.post('/admin/polling', async (req, res) => {
    const parsed = pollingChange.safeParse(req.body);
    if (!parsed.success) {
      throw new HttpError(
        400,
        'bad_request',
        'Send {"intervalSeconds": 1–30} and/or {"paused": true|false}.',
      );
    }
    const { intervalSeconds, paused } = parsed.data;
    if (intervalSeconds !== undefined) await polling.setIntervalMs(intervalSeconds * 1000);
    if (paused === true) await polling.pause();
    if (paused === false) await polling.resume();
    res.set('Cache-Control', 'no-store').json(state());
  });
  return router;
}
