import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { page } from '../render.ts';
import { MessagePage } from '../../../web/pages/message.tsx';

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
