import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { Database, Statement } from '../../platform/storage/database.ts';
import { withChanges, type Change } from './changes.ts';
import { assessments, assessmentVersions, meetingRecords, meetingRecordVersions } from './tables.ts';

export type Assessment = typeof assessments.$inferSelect;
export type MeetingRecord = typeof meetingRecords.$inferSelect;
type VersionRow = typeof assessmentVersions.$inferSelect;
export type AssessmentVersion = Omit<VersionRow, 'changes'> & { changes: Change[] };
export type MeetingVersion = Omit<typeof meetingRecordVersions.$inferSelect, 'changes'> & { changes: Change[] };

const toVersion = (row: VersionRow): AssessmentVersion => withChanges(row);

/** A version to store: its sealed document, and the change of the assessment's state it comes with. */
export interface NewVersion {
  number: number;
  status: 'draft' | 'completed';
  document: string;
  changes: Change[];
  savedBy: string;
  savedAt: Date;
}

/** Assessments and their versions. Reads return rows; changes return statements to commit. */
export class Assessments {
  constructor(private readonly database: Database) {}

  private get db() {
    return this.database.db;
  }

  async byId(id: string): Promise<Assessment | undefined> {
    const [row] = await this.db.select().from(assessments).where(eq(assessments.id, id));
    return row;
  }

  forCase(municipalityId: string, caseReference: string): Promise<Assessment[]> {
    return this.db.select().from(assessments).where(and(eq(assessments.municipalityId, municipalityId), eq(assessments.caseReference, caseReference))).orderBy(desc(assessments.createdAt));
  }

  /** Newest first. */
  async versions(id: string): Promise<AssessmentVersion[]> {
    return (await this.db.select().from(assessmentVersions).where(eq(assessmentVersions.assessmentId, id)).orderBy(desc(assessmentVersions.number))).map(toVersion);
  }

  async version(id: string, number: number): Promise<AssessmentVersion | undefined> {
    const [row] = await this.db.select().from(assessmentVersions).where(and(eq(assessmentVersions.assessmentId, id), eq(assessmentVersions.number, number)));
    return row && toVersion(row);
  }

  /** The newest assessment whose feedback was sent to the child through this link. */
  async feedbackFor(linkId: string): Promise<Assessment | undefined> {
    const [row] = await this.db.select().from(assessments).where(and(eq(assessments.linkId, linkId), isNotNull(assessments.feedbackVersion))).orderBy(desc(assessments.feedbackSentAt)).limit(1);
    return row;
  }

  create(assessment: Assessment, first: NewVersion): Statement[] {
    return [this.db.insert(assessments).values(assessment), this.insertVersion(assessment, first)];
  }

  private insertVersion(assessment: Pick<Assessment, 'id' | 'municipalityId'>, version: NewVersion): Statement {
    return this.db.insert(assessmentVersions).values({ ...version, assessmentId: assessment.id, municipalityId: assessment.municipalityId });
  }

  /**
   * Stores the next version and moves the assessment to it, guarded by the version it was read
   * at: if someone saved in between, the new version's number is taken and the batch fails.
   */
  next(assessment: Assessment, version: NewVersion): Statement[] {
    return [
      this.insertVersion(assessment, version),
      this.db
        .update(assessments)
        .set({ version: version.number, status: version.status, updatedAt: version.savedAt, completedAt: version.status === 'completed' ? version.savedAt : assessment.completedAt })
        .where(and(eq(assessments.id, assessment.id), eq(assessments.version, version.number - 1))),
    ];
  }

  sendFeedback(assessment: Assessment, at: Date): Statement {
    return this.db.update(assessments).set({ feedbackVersion: assessment.version, feedbackSentAt: at }).where(and(eq(assessments.id, assessment.id), eq(assessments.status, 'completed'), eq(assessments.version, assessment.version)));
  }
}

/** Meeting records of a municipality. */
export class MeetingRecords {
  constructor(private readonly database: Database) {}

  private get db() {
    return this.database.db;
  }

  async byId(id: string): Promise<MeetingRecord | undefined> {
    const [row] = await this.db.select().from(meetingRecords).where(eq(meetingRecords.id, id));
    return row;
  }

  forCase(municipalityId: string, caseReference: string): Promise<MeetingRecord[]> {
    return this.db.select().from(meetingRecords).where(and(eq(meetingRecords.municipalityId, municipalityId), eq(meetingRecords.caseReference, caseReference))).orderBy(desc(meetingRecords.createdAt));
  }

  create(record: MeetingRecord): Statement {
    return this.db.insert(meetingRecords).values(record);
  }

  /** Newest first. */
  async versions(id: string): Promise<MeetingVersion[]> {
    return (await this.db.select().from(meetingRecordVersions).where(eq(meetingRecordVersions.meetingId, id)).orderBy(desc(meetingRecordVersions.number))).map(withChanges);
  }

  async version(id: string, number: number): Promise<MeetingVersion | undefined> {
    const [row] = await this.db.select().from(meetingRecordVersions).where(and(eq(meetingRecordVersions.meetingId, id), eq(meetingRecordVersions.number, number)));
    return row && withChanges(row);
  }

  /**
   * Writes the record as saved and keeps it as version `revision + 1`, guarded by the revision
   * it was read at: after someone else's save the update changes nothing and that version
   * number is taken, so the batch fails.
   */
  save(record: MeetingRecord, saved: Pick<MeetingRecord, 'document' | 'responseId' | 'assessmentId'>, version: { changes: Change[]; savedBy: string; savedAt: Date; document: string }): Statement[] {
    const number = record.revision + 1;
    return [
      this.db
        .update(meetingRecords)
        .set({ ...saved, revision: number, updatedAt: version.savedAt })
        .where(and(eq(meetingRecords.id, record.id), eq(meetingRecords.revision, record.revision))),
      this.db.insert(meetingRecordVersions).values({ ...version, meetingId: record.id, number, municipalityId: record.municipalityId, responseId: saved.responseId, assessmentId: saved.assessmentId }),
    ];
  }
}
