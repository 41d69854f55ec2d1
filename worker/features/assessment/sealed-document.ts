import * as v from 'valibot';
import { Answers } from '../../engine/answer.ts';
import { open, seal, type Keyring } from '../../core/sealed.ts';

/** Where a document is stored, bound into its seal so a copy in another row does not open. */
export const versionContext = (assessmentId: string, number: number) => `assessment_versions.document:${assessmentId}/${number}`;
export const meetingContext = (id: string) => `meeting_records.document:${id}`;
export const meetingVersionContext = (id: string, number: number) => `meeting_record_versions.document:${id}/${number}`;

export const sealAnswers = (keyring: Keyring, answers: Answers, context: string) => seal(keyring, JSON.stringify(answers), context);

export const openAnswers = async (keyring: Keyring, sealed: string, context: string): Promise<Answers> => v.parse(Answers, JSON.parse(await open(keyring, sealed, context)));
