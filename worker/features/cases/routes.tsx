/**
 * The case workspace: an overview with flagged responses first (each with the date it must be
 * reviewed by), and one page per case reference with everything of the case in time order.
 */
import { Hono, type Context } from 'hono';
import { refuse } from '../../core/refusals.ts';
import { visibleLinks } from '../../core/policy.ts';
import { staffScope, type StaffScope } from '../../platform/middleware/municipality/index.ts';
import { page, redirect } from '../../platform/render.ts';
import { Audit } from '../audit/index.ts';
import { Assessments, caseLinks, caseReferenceOf, canSeeRecord, MeetingRecords } from '../assessment/index.ts';
import { Links } from '../links/index.ts';
import { Responses, type ResponseSummary } from '../respond/index.ts';
import { requireAbility, staffActor, type StaffEnv } from '../staff/index.ts';
import { CasePage, type CaseEvent } from '../../../web/cases/case-page.tsx';
import { CasesOverview } from '../../../web/cases/overview.tsx';
import { Reviews, type Review } from './repository.ts';
import { addWorkingDays } from './working-days.ts';

type C = Context<StaffEnv>;

export const cases = new Hono<StaffEnv>();
// Only its own paths: the sub-app is mounted at the municipality's root beside other features.
for (const path of ['/cases', '/cases/*']) cases.use(path, requireAbility('links'));

const actor = (c: C) => staffActor(c.var.staff!);
const caseHref = (where: StaffScope, ref: string) => `${where.base}/cases/${encodeURIComponent(ref)}`;

/** A flagged response waits for review until someone marks it reviewed; it is due so many working days after it came in. */
function flagState(response: ResponseSummary, reviews: Review[], days: number) {
  const reviewed = reviews.some((review) => review.responseId === response.id);
  const reviewBy = response.flagged && response.submittedAt ? addWorkingDays(response.submittedAt, days) : undefined;
  return { reviewed, reviewBy };
}

cases.get('/cases', async (c) => {
  const where = await staffScope(c);
  const links = await new Links(where.database).list(where.municipality.id, { visibleTo: visibleLinks(actor(c), where.municipality) }, 500);
  const responses = await new Responses(where.database).summaries(links.flatMap((link) => (link.responseId ? [link.responseId] : [])));
  const reviews = new Reviews(where.database);
  const [done, days] = await Promise.all([reviews.of(responses.filter((response) => response.flagged).map((response) => response.id)), reviews.reviewDays(where.municipality.id)]);
  const caseOf = new Map(links.map((link) => [link.id, link.caseReference]));
  const flagged = responses
    .map((response) => ({ response, ...flagState(response, done, days), caseReference: caseOf.get(response.linkId ?? '') ?? '' }))
    .filter((item) => item.response.flagged && !item.reviewed)
    .sort((a, b) => (a.reviewBy?.getTime() ?? 0) - (b.reviewBy?.getTime() ?? 0))
    .map((item) => ({ caseReference: item.caseReference, href: caseHref(where, item.caseReference), submittedAt: item.response.submittedAt, reviewBy: item.reviewBy, overdue: !!item.reviewBy && item.reviewBy < c.var.now }));
  const seen = new Map<string, Date>();
  for (const link of links) if (!seen.has(link.caseReference)) seen.set(link.caseReference, link.createdAt);
  const all = [...seen].map(([caseReference, latest]) => ({ caseReference, href: caseHref(where, caseReference), latest }));
  return page(c, <CasesOverview ui={c.var.ui} name={c.var.staff!.person.name} linksHref={`${where.base}/links`} flagged={flagged} cases={all} />);
});

/** Everything of one case the person may see, in time order; 404 when they see nothing of it. */
async function caseFile(c: C, where: StaffScope, caseReference: string) {
  const links = await caseLinks(where.database, where.municipality, actor(c), caseReference);
  const [assessments, meetings] = await Promise.all([
    new Assessments(where.database).forCase(where.municipality.id, caseReference),
    new MeetingRecords(where.database).forCase(where.municipality.id, caseReference),
  ]);
  const visibleAssessments = assessments.filter((assessment) => canSeeRecord(actor(c), where.municipality, assessment));
  const visibleMeetings = meetings.filter((meeting) => canSeeRecord(actor(c), where.municipality, meeting));
  if (!links.length && !visibleAssessments.length && !visibleMeetings.length) refuse('notFound');
  const responses = await new Responses(where.database).summaries(links.flatMap((link) => (link.responseId ? [link.responseId] : [])));
  return { links, responses, assessments: visibleAssessments, meetings: visibleMeetings };
}

cases.get('/cases/:ref', async (c) => {
  const where = await staffScope(c);
  const caseReference = caseReferenceOf(c.req.param('ref'));
  const file = await caseFile(c, where, caseReference);
  const reviews = new Reviews(where.database);
  const assessments = new Assessments(where.database);
  const meetings = new MeetingRecords(where.database);
  const [done, days, members, versions, meetingVersions] = await Promise.all([
    reviews.of(file.responses.map((response) => response.id)),
    reviews.reviewDays(where.municipality.id),
    c.var.people.members(where.municipality.id),
    Promise.all(file.assessments.map((assessment) => assessments.versions(assessment.id))),
    Promise.all(file.meetings.map((meeting) => meetings.versions(meeting.id))),
  ]);
  const names = new Map(members.map((member) => [member.person.id, member.person.name]));
  const who = (id: string) => names.get(id) ?? id;
  const events: CaseEvent[] = [
    ...file.links.map((link): CaseEvent => ({ at: link.createdAt, kind: 'link', by: who(link.createdBy), formId: link.formId, href: `${where.base}/links/${link.id}` })),
    ...file.responses.map((response): CaseEvent => {
      const state = flagState(response, done, days);
      return { at: response.submittedAt ?? new Date(0), kind: 'response', href: `${where.base}/responses/${response.id}`, responseId: response.id, flagged: response.flagged, reviewed: state.reviewed, reviewBy: state.reviewBy, assisted: response.assisted };
    }),
    ...done.map((review): CaseEvent => ({ at: review.reviewedAt, kind: 'review', by: who(review.reviewedBy) })),
    ...file.assessments.flatMap((assessment, index) =>
      (versions[index] ?? []).map((version): CaseEvent => ({ at: version.savedAt, kind: 'assessment', by: who(version.savedBy), href: `${where.base}/assessments/${assessment.id}`, number: version.number, status: version.status })),
    ),
    ...file.assessments.flatMap((assessment): CaseEvent[] => (assessment.feedbackSentAt ? [{ at: assessment.feedbackSentAt, kind: 'feedback', href: `${where.base}/assessments/${assessment.id}` }] : [])),
    ...file.meetings.map((meeting): CaseEvent => ({ at: meeting.createdAt, kind: 'meeting', by: who(meeting.createdBy), href: `${where.base}/meetings/${meeting.id}` })),
    ...file.meetings.flatMap((meeting, index) =>
      (meetingVersions[index] ?? []).map((version): CaseEvent => ({ at: version.savedAt, kind: 'meetingVersion', by: who(version.savedBy), href: `${where.base}/meetings/${meeting.id}/versions/${version.number}`, number: version.number })),
    ),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  return page(
    c,
    <CasePage
      ui={c.var.ui}
      name={c.var.staff!.person.name}
      caseReference={caseReference}
      base={caseHref(where, caseReference)}
      overviewHref={`${where.base}/cases`}
      events={events}
      responses={file.responses.map((response) => ({ id: response.id, submittedAt: response.submittedAt }))}
    />,
  );
});

/** Marks a response of this case reviewed: an event of its own, audited in the same batch. */
cases.post('/cases/:ref/responses/:id/review', async (c) => {
  const where = await staffScope(c);
  const caseReference = caseReferenceOf(c.req.param('ref'));
  const links = await caseLinks(where.database, where.municipality, actor(c), caseReference);
  const responseId = c.req.param('id');
  if (!links.some((link) => link.responseId === responseId)) refuse('notFound');
  const { now } = c.var;
  const personId = c.var.staff!.person.id;
  await where.database.commit([
    new Reviews(where.database).record({ municipalityId: where.municipality.id, responseId, reviewedBy: personId, reviewedAt: now }),
    new Audit(where.database).record({ municipalityId: where.municipality.id, at: now, personId, action: 'response.review', targetType: 'response', targetId: responseId, via: 'web' }),
  ]);
  return redirect(c, caseHref(where, caseReference));
});
