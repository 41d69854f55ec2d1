/** A draft's answers as the app reads them: an identifiable form's draft is sealed at rest. */
import { env } from 'cloudflare:test';
import { open } from '../../worker/core/sealed.ts';
import { draftAnswersContext } from '../../worker/features/respond/answers-context.ts';
import { keyringFor } from '../../worker/platform/keys.ts';

export async function draftAnswers(row: Record<string, unknown>): Promise<Record<string, unknown>> {
  const stored = JSON.parse(String(row.answers)) as unknown;
  if (typeof stored !== 'string') return stored as Record<string, unknown>;
  return JSON.parse(await open(await keyringFor(env), stored, draftAnswersContext(String(row.id)))) as Record<string, unknown>;
}
