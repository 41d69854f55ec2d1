/** The public page that tells families how to know a message with a link is really from us. */
import { Hono } from 'hono';
import { INTERFACE_LANGUAGES } from '../../core/language.ts';
import { refuse } from '../../core/refusals.ts';
import type { AppEnv } from '../../platform/env.ts';
import { useLanguage } from '../../platform/middleware/ui/index.ts';
import { publicOrigin } from '../../platform/public-origin.ts';
import { page } from '../../platform/render.ts';
import { GenuinePage } from '../../../web/pages/genuine.tsx';
import { codePath } from './message.ts';
import { privacyPath } from '../../core/municipality.ts';

export const genuine = new Hono<AppEnv>();

genuine.get('/', async (c) => {
  const municipality = (await c.var.directory.municipality(c.req.param('municipality') ?? '')) ?? refuse('notFound');
  useLanguage(c, INTERFACE_LANGUAGES, municipality.writtenStandard);
  const units = (await c.var.directory.units(municipality.id)).flatMap((unit) => (unit.contact ? [{ name: unit.name, contact: unit.contact }] : []));
  const host = new URL(publicOrigin(c.env, c.req.url)).host;
  return page(c, <GenuinePage ui={c.var.ui} municipality={municipality.name} host={host} example={`${host}${codePath('/l', municipality.id)}/7K3M-…`} codeAction={codePath('/l', municipality.id)} units={units} privacyHref={privacyPath(municipality.id)} />);
});
