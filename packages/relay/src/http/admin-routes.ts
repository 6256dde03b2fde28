import { createHash, timingSafeEqual } from 'node:crypto';
import express, { type RequestHandler, Router } from 'express';
import { z } from 'zod';
import { HttpError } from './errors.js';

/** What the admin routes may change: the poller's pace, at runtime. */
export interface PollingControls {
  readonly intervalMs: number;
  readonly paused: boolean;
  setIntervalMs(ms: number): void;
  pause(): void;
  resume(): void;
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Accepts `Authorization: Bearer <token>`, compared in constant time (hashes have one length). */
function requireToken(token: string): RequestHandler {
  const expected = digest(token);
  return (req, _res, next) => {
    const given = req.get('authorization')?.match(/^Bearer (.+)$/)?.[1] ?? '';
    if (!timingSafeEqual(digest(given), expected)) {
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
export function adminRoutes(token: string | undefined, polling: PollingControls): Router {
  const router = Router();
  if (!token) return router;
  const state = () => ({ intervalSeconds: polling.intervalMs / 1000, paused: polling.paused });
  router.use('/admin', requireToken(token), express.json({ limit: '1kb' }));
  router.get('/admin/polling', (_req, res) => {
    res.set('Cache-Control', 'no-store').json(state());
  });
  router.post('/admin/polling', (req, res) => {
    const parsed = pollingChange.safeParse(req.body);
    if (!parsed.success) {
      throw new HttpError(
        400,
        'bad_request',
        'Send {"intervalSeconds": 1–30} and/or {"paused": true|false}.',
      );
    }
    const { intervalSeconds, paused } = parsed.data;
    if (intervalSeconds !== undefined) polling.setIntervalMs(intervalSeconds * 1000);
    if (paused === true) polling.pause();
    if (paused === false) polling.resume();
    res.set('Cache-Control', 'no-store').json(state());
  });
  return router;
}
