import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { isDevelopment } from '../mail/index.ts';
import { OutboxMailer } from '../mail/dev-outbox.ts';
import { page } from '../render.ts';
import { OutboxPage } from '../../../web/staff/outbox.tsx';

/** Pages that exist only in development; in any other environment they are not found. */
export const dev = new Hono<AppEnv>();

dev.use('*', async (c, next) => (isDevelopment(c.env) ? next() : c.notFound()));

dev.get('/outbox', async (c) => page(c, <OutboxPage ui={c.var.ui} mails={await new OutboxMailer(c.env.DB).latest()} />));
