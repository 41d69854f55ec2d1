/** Where a code from a letter is typed in. */
import { Hono, type Context } from 'hono';
import { privacyPath, type Municipality } from '../../core/municipality.ts';
import { INTERFACE_LANGUAGES } from '../../core/language.ts';
import { refuse } from '../../core/refusals.ts';
import { groupLinkCode, normalizeLinkCode } from '../../core/secrets.ts';
import type { AppEnv } from '../../platform/env.ts';
import { readForm } from '../../platform/middleware/form-post/index.ts';
import { useLanguage } from '../../platform/middleware/ui/index.ts';
import { page, redirect } from '../../platform/render.ts';
import { LinkCodePage } from '../../../web/pages/genuine.tsx';
import { codePath, genuinePath } from './message.ts';

/**
 * The short address a letter gives (`<path>/<municipality>`), where the code is typed in; a
 * typed code goes on to the link's own address, written the one way links are. `path` is
 * where the links open (`/l`, or a feature's own, like consent's `/c`).
 */
export function codeEntry(path: string) {
  const entry = new Hono<AppEnv>();
  const municipalityOf = async (c: Context<AppEnv>) => {
    const municipality = (await c.var.directory.municipality(c.req.param('municipality') ?? '')) ?? refuse('notFound');
    useLanguage(c, INTERFACE_LANGUAGES, municipality.writtenStandard);
    return municipality;
  };
  const codePage = (c: Context<AppEnv>, municipality: Municipality, typed?: { value: string; error: string }) =>
    page(c, <LinkCodePage ui={c.var.ui} owner={municipality.name} action={codePath(path, municipality.id)} genuineHref={genuinePath(municipality.id)} privacyHref={privacyPath(municipality.id)} {...typed} />, typed ? 422 : 200);

  entry.get('/:municipality', async (c) => codePage(c, await municipalityOf(c)));
  entry.post('/:municipality', async (c) => {
    const municipality = await municipalityOf(c);
    const typed = (await readForm(c)).get('code')?.[0]?.slice(0, 80) ?? '';
    const code = normalizeLinkCode(typed);
    if (code) return redirect(c, `${codePath(path, municipality.id)}/${groupLinkCode(code)}`);
    return codePage(c, municipality, { value: typed, error: c.var.ui.t(typed.trim() ? 'genuine.errors.format' : 'genuine.errors.missing') });
  });
  return entry;
}

