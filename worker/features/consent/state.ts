/**
 * The state of a consent, computed from its event log and nothing else, so the register, the
 * check and the receipt can never disagree with the history. Pure: no clock, no storage.
 */
import type { ConsentEventRow } from './tables.ts';
import type { Decision, ServiceState, ShareAnswer, ShareReason, SignerRole, SignerScope } from './vocabulary.ts';

/** What the log's events carry that the state reads. */
export type LogEvent = Pick<ConsentEventRow, 'kind' | 'at' | 'signerId' | 'service' | 'notRelevant' | 'subject' | 'periodFrom' | 'periodUntil'>;

export interface TermsSigner {
  id: string;
  role: SignerRole;
  scope: SignerScope;
}

/** What was fixed when the consent was started. */
export interface ConsentTerms {
  services: readonly { id: string; health: boolean }[];
  signers: readonly TermsSigner[];
  expiresAt: Date;
}

export type SignerDecision = Decision | 'withdrawn';

export interface ServiceStatus {
  state: ServiceState;
  /** Each signer's answer that counts, including a child's recorded view. */
  decisions: Record<string, SignerDecision>;
}

export interface ConsentState {
  status: 'partial' | 'complete' | 'withdrawn' | 'expired';
  /** Signers who have signed, in the order they did. */
  signed: string[];
  /** Required signers who have not signed yet. */
  waitingFor: string[];
  services: Record<string, ServiceStatus>;
  /** Subjects the consent is limited to (empty: no subject limit). */
  subjects: string[];
  validFrom: Date | null;
  /** The end of the consent: its lapse or an earlier end set by a signer. */
  validUntil: Date;
  expiredAt: Date | null;
}

/** Does this signer's answer decide this service? A child's view (scope `view`) is recorded but decides nothing. */
export const decides = (signer: TermsSigner, service: { health: boolean }) => signer.scope === 'all' || (signer.scope === 'health' && service.health);

const byTime = (events: readonly LogEvent[], at: Date) => events.filter((event) => event.at.getTime() <= at.getTime()).sort((a, b) => a.at.getTime() - b.at.getTime());

export function consentState(terms: ConsentTerms, events: readonly LogEvent[], at: Date): ConsentState {
  const log = byTime(events, at);
  const signersById = new Map(terms.signers.map((signer) => [signer.id, signer]));
  const decisions = new Map<string, Map<string, SignerDecision>>(terms.services.map((service) => [service.id, new Map()]));
  const signed: string[] = [];
  const subjects = new Set<string>();
  let validFrom: Date | null = null;
  let validUntil = terms.expiresAt;
  let expiredAt: Date | null = at.getTime() >= terms.expiresAt.getTime() ? terms.expiresAt : null;

  for (const event of log) {
    const signer = event.signerId ? signersById.get(event.signerId) : undefined;
    const perService = event.service ? decisions.get(event.service) : undefined;
    switch (event.kind) {
      case 'signed':
      case 'declined': {
        if (!signer || !perService) break;
        if (!signed.includes(signer.id)) signed.push(signer.id);
        // A signer's first answer for a service is the one that counts; withdrawal is the only way on.
        if (!perService.has(signer.id)) perService.set(signer.id, event.kind === 'signed' ? 'approve' : event.notRelevant ? 'not-relevant' : 'decline');
        break;
      }
      case 'withdrawn': {
        if (!signer) break;
        for (const [serviceId, answers] of decisions) {
          if (!event.service || event.service === serviceId) answers.set(signer.id, 'withdrawn');
        }
        break;
      }
      case 'limited': {
        if (!signer) break;
        if (event.subject) subjects.add(event.subject);
        if (event.periodFrom && (!validFrom || event.periodFrom > validFrom)) validFrom = event.periodFrom;
        if (event.periodUntil && event.periodUntil < validUntil) validUntil = event.periodUntil;
        break;
      }
      case 'expired':
        expiredAt ??= event.at;
        break;
      case 'requested':
        break;
    }
  }

  const services: Record<string, ServiceStatus> = {};
  for (const service of terms.services) {
    const answers = decisions.get(service.id)!;
    const required = terms.signers.filter((signer) => decides(signer, service)).map((signer) => answers.get(signer.id));
    const state: ServiceState = required.includes('withdrawn')
      ? 'withdrawn'
      : required.includes('decline')
        ? 'declined'
        : required.includes('not-relevant')
          ? 'not-relevant'
          : required.length > 0 && required.every((answer) => answer === 'approve')
            ? 'approved'
            : 'pending';
    services[service.id] = { state, decisions: Object.fromEntries(answers) };
  }

  const waitingFor = terms.signers.filter((signer) => signer.scope !== 'view' && !signed.includes(signer.id)).map((signer) => signer.id);
  const allWithdrawn = Object.values(services).every((service) => service.state === 'withdrawn');
  const status = expiredAt ? 'expired' : allWithdrawn ? 'withdrawn' : waitingFor.length ? 'partial' : 'complete';
  return { status, signed, waitingFor, services, subjects: [...subjects], validFrom, validUntil, expiredAt };
}

export interface ShareVerdict {
  answer: ShareAnswer;
  reason: ShareReason;
  /** Until when the answer holds, when it is yes or partly. */
  until?: Date;
  subjects?: string[];
}

const REFUSED: Partial<Record<ServiceState, ShareReason>> = {
  withdrawn: 'withdrawn',
  declined: 'declined',
  'not-relevant': 'notRelevant',
  pending: 'pending',
};

/** May this service share information about the child at this moment, and why (not)? */
export function mayShare(terms: ConsentTerms, events: readonly LogEvent[], service: string, at: Date): ShareVerdict {
  const state = consentState(terms, events, at);
  const status = state.services[service];
  if (!status) return { answer: 'no', reason: 'notInConsent' };
  if (state.expiredAt) return { answer: 'no', reason: 'expired' };
  const refused = REFUSED[status.state];
  if (refused) return { answer: 'no', reason: refused };
  if ((state.validFrom && at < state.validFrom) || at > state.validUntil) return { answer: 'no', reason: 'outsidePeriod' };
  if (state.subjects.length) return { answer: 'partly', reason: 'limitedSubject', until: state.validUntil, subjects: state.subjects };
  return { answer: 'yes', reason: 'approved', until: state.validUntil };
}

const RANK: Record<ShareAnswer, number> = { yes: 2, partly: 1, no: 0 };

/**
 * The answer for a case, which may have several consents (a new one after a withdrawal): the
 * most permissive consent in force decides, and with none the answer is no.
 */
export function mayShareInCase(consents: readonly { terms: ConsentTerms; events: readonly LogEvent[] }[], service: string, at: Date): ShareVerdict {
  const verdicts = consents.map(({ terms, events }) => mayShare(terms, events, service, at));
  const best = verdicts.reduce<ShareVerdict | undefined>((kept, verdict) => (!kept || RANK[verdict.answer] > RANK[kept.answer] ? verdict : kept), undefined);
  return best ?? { answer: 'no', reason: 'noConsent' };
}
