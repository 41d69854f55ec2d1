/** Best-interests assessments with their versions, and meeting records: what other features may use. */
export { caseLinks, caseReferenceOf, canSeeRecord } from './case-access.ts';
export { Assessments, MeetingRecords, type Assessment, type AssessmentVersion, type MeetingRecord } from './repository.ts';
export { ASSESSMENT_FORM, assessmentForm, currentAnswers } from './workflow.ts';
export { assessments, assessmentVersions, meetingRecords } from './tables.ts';
export { resealMeetingRecords } from './reseal.ts';
