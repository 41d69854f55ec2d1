import { eq, inArray } from 'drizzle-orm';
import type { Database, Statement } from '../../platform/storage/database.ts';
import { caseSettings, responseReviews } from './tables.ts';

export type Review = typeof responseReviews.$inferSelect;

/** Without a setting of its own, a municipality reviews flagged responses within two working days. */
export const DEFAULT_REVIEW_WORKING_DAYS = 2;

/** Reviews of responses, and the municipality's case settings. */
export class Reviews {
  constructor(private readonly database: Database) {}

  private get db() {
    return this.database.db;
  }

  record(review: Omit<Review, 'id'>): Statement {
    return this.db.insert(responseReviews).values(review);
  }

  of(responseIds: string[]): Promise<Review[]> {
    if (!responseIds.length) return Promise.resolve([]);
    return this.db.select().from(responseReviews).where(inArray(responseReviews.responseId, responseIds));
  }

  async reviewDays(municipalityId: string): Promise<number> {
    const [row] = await this.db.select().from(caseSettings).where(eq(caseSettings.municipalityId, municipalityId));
    return row?.flagReviewWorkingDays ?? DEFAULT_REVIEW_WORKING_DAYS;
  }

  /** Sets the municipality's review period, making its row on first use. */
  setReviewDays(municipalityId: string, days: number): Statement {
    return this.db.insert(caseSettings).values({ municipalityId, flagReviewWorkingDays: days }).onConflictDoUpdate({ target: caseSettings.municipalityId, set: { flagReviewWorkingDays: days } });
  }
}
