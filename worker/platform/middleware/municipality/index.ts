import type { Context } from 'hono';
import { refuse } from '../../../core/refusals.ts';
import type { AppEnv } from '../../env.ts';
import type { Municipality } from '../../../core/municipality.ts';
import type { Database } from '../../storage/database.ts';

export interface StaffScope {
  municipality: Municipality;
  database: Database;
  /** The staff pages' prefix for this municipality (and section). */
  base: string;
}

/** The municipality in the path of a staff page, its data, and the link prefix to use. */
export async function staffScope<E extends AppEnv>(c: Context<E>, section = ''): Promise<StaffScope> {
  const municipality = await c.var.directory.municipality(c.req.param('municipality') ?? '');
  if (!municipality) refuse('notFound');
  return { municipality, database: c.var.openDatabase(municipality), base: `/staff/m/${municipality.id}${section}` };
}
