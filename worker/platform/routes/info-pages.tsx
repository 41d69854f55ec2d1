import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { page } from '../render.ts';
import { MessagePage } from '../../../web/pages/message.tsx';
import { PrivacyPage } from '../../../web/pages/privacy.tsx';
import { refuse } from '../../core/refusals.ts';

/** Pages made only of interface text: the front page, the accessibility statement, privacy. */
export const infoPages = new Hono<AppEnv>();

for (const [path, key] of [
  ['/', 'home'],
  ['/accessibility', 'accessibility'],
  ['/privacy', 'privacy'],
] as const) {
  infoPages.get(path, (c) => {
    const { t } = c.var.ui;
    const body = t(`${key}.body`).split('\n\n');
    return page(c, <MessagePage ui={c.var.ui} title={t(`${key}.title`)} body={body} />);
  });
}

/** One municipality's privacy page: controller, legal bases, its retention, rights, its data protection officer. */
infoPages.get('/privacy/:municipality', async (c) => {
  const municipality = await c.var.directory.municipality(c.req.param('municipality'));
  if (!municipality) refuse('notFound');
  return page(c, <PrivacyPage ui={c.var.ui} municipality={municipality} />);
});
