import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../../env.ts';
import type { Municipality, Store } from '../../storage/store.ts';

export interface StaffScope {
  municipality: Municipality;
  store: Store;
  /** The staff pages' prefix for this municipality (and section). */
  base: string;
}

/** The municipality in the path of a staff page, its data, and the link prefix to use. */
export async function staffScope<E extends AppEnv>(c: Context<E>, section = ''): Promise<StaffScope> {
  const municipality = await c.var.directory.municipality(c.req.param('municipality') ?? '');
  if (!municipality) throw new HTTPException(404, { message: 'notFound' });
  return { municipality, store: c.var.openStore(municipality), base: `/staff/m/${municipality.id}${section}` };
}
