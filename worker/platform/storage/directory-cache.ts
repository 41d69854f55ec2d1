import type { Municipality } from '../../core/municipality.ts';

/** What a journey request needs from the directory: the municipality, and whether it publishes the form. */
export interface JourneyEntry {
  municipality: Municipality;
  published: boolean;
}

/**
 * Directory entries kept in the isolate for a short, stated time, so a journey request reads
 * only its municipality's database. An admin's change to settings clears the municipality's
 * entries at once in the isolate that made it; other isolates see it within `ttlMs`.
 */
export class DirectoryCache {
  private readonly entries = new Map<string, { value: JourneyEntry | undefined; until: number }>();

  async get(municipalityId: string, formId: string, now: number, ttlMs: number, load: () => Promise<JourneyEntry | undefined>) {
    const key = `${municipalityId}/${formId}`;
    const hit = this.entries.get(key);
    if (hit && hit.until > now) return hit.value;
    const value = await load();
    if (ttlMs > 0) this.entries.set(key, { value, until: now + ttlMs });
    return value;
  }

  forget(municipalityId: string) {
    for (const key of this.entries.keys()) if (key.startsWith(`${municipalityId}/`)) this.entries.delete(key);
  }
}
