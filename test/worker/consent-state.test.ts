import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consentState, decides, mayShare, type ConsentTerms, type LogEvent } from '../../worker/features/consent/state.ts';

const t0 = Date.UTC(2026, 0, 1);
const day = 86_400_000;
const at = (days: number) => new Date(t0 + days * day);

const terms: ConsentTerms = {
  services: [
    { id: 'school', health: false },
    { id: 'gp', health: true },
  ],
  signers: [
    { id: 'g1', role: 'guardian', scope: 'all' },
    { id: 'g2', role: 'guardian', scope: 'all' },
    { id: 'child', role: 'child', scope: 'health' },
  ],
  expiresAt: at(365),
};

const event = (partial: Partial<LogEvent> & Pick<LogEvent, 'kind'>): LogEvent => ({
  at: at(1),
  signerId: null,
  service: null,
  notRelevant: false,
  subject: null,
  periodFrom: null,
  periodUntil: null,
  ...partial,
});
const sign = (signerId: string, day: number, answers: Record<string, 'approve' | 'decline' | 'not-relevant'>) =>
  Object.entries(answers).map(([service, answer]) =>
    event({ kind: answer === 'approve' ? 'signed' : 'declined', notRelevant: answer === 'not-relevant', signerId, service, at: at(day) }),
  );

describe('the consent state, from the log alone', () => {
  it('is partial until every required signer has signed, and a service is approved only where all approved', () => {
    const one = sign('g1', 1, { school: 'approve', gp: 'approve' });
    expect(consentState(terms, one, at(2))).toMatchObject({ status: 'partial', waitingFor: ['g2', 'child'] });
    expect(mayShare(terms, one, 'school', at(2))).toEqual({ answer: 'no', reason: 'pending' });

    const both = [...one, ...sign('g2', 2, { school: 'approve', gp: 'decline' })];
    expect(mayShare(terms, both, 'school', at(3))).toMatchObject({ answer: 'yes', reason: 'approved', until: at(365) });
    expect(mayShare(terms, both, 'gp', at(3))).toEqual({ answer: 'no', reason: 'declined' });
  });

  it('needs the child of 16 for a health service only; a child of 12 is heard but decides nothing', () => {
    const guardians = [...sign('g1', 1, { school: 'approve', gp: 'approve' }), ...sign('g2', 1, { school: 'approve', gp: 'approve' })];
    expect(mayShare(terms, guardians, 'school', at(2)).answer).toBe('yes');
    expect(mayShare(terms, guardians, 'gp', at(2))).toEqual({ answer: 'no', reason: 'pending' });
    expect(mayShare(terms, [...guardians, ...sign('child', 2, { gp: 'approve' })], 'gp', at(3)).answer).toBe('yes');

    const heard: ConsentTerms = { ...terms, signers: [...terms.signers.slice(0, 2), { id: 'child', role: 'child', scope: 'view' }] };
    const withView = [...guardians, ...sign('child', 2, { gp: 'decline' })];
    expect(mayShare(heard, withView, 'gp', at(3)).answer).toBe('yes');
    expect(consentState(heard, withView, at(3)).services.gp?.decisions.child).toBe('decline');
  });

  it('answers partly within a subject limit, no outside the period, no after withdrawal and after expiry', () => {
    const signed = [
      ...sign('g1', 1, { school: 'approve', gp: 'approve' }),
      ...sign('g2', 1, { school: 'approve', gp: 'approve' }),
      ...sign('child', 1, { gp: 'approve' }),
      event({ kind: 'limited', signerId: 'g2', at: at(1), subject: 'Lesing', periodUntil: at(100) }),
    ];
    expect(mayShare(terms, signed, 'school', at(2))).toMatchObject({ answer: 'partly', reason: 'limitedSubject', subjects: ['Lesing'], until: at(100) });
    expect(mayShare(terms, signed, 'school', at(101))).toEqual({ answer: 'no', reason: 'outsidePeriod' });
    const withdrawn = [...signed, event({ kind: 'withdrawn', signerId: 'g1', service: 'school', at: at(5) })];
    expect(mayShare(terms, withdrawn, 'school', at(4)).answer).toBe('partly');
    expect(mayShare(terms, withdrawn, 'school', at(6))).toEqual({ answer: 'no', reason: 'withdrawn' });
    expect(mayShare(terms, withdrawn, 'gp', at(6)).answer).toBe('partly');
    expect(mayShare(terms, signed, 'gp', at(366))).toEqual({ answer: 'no', reason: 'expired' });
    expect(mayShare(terms, signed, 'nav', at(2))).toEqual({ answer: 'no', reason: 'notInConsent' });
  });

  it('counts a signer’s first answer: a later "signed" event cannot turn a no into a yes', () => {
    const log = [...sign('g1', 1, { school: 'decline' }), ...sign('g1', 2, { school: 'approve' }), ...sign('g2', 1, { school: 'approve' })];
    expect(mayShare(terms, log, 'school', at(3))).toEqual({ answer: 'no', reason: 'declined' });
  });
});

const signers = terms.signers.map((signer) => signer.id);
const services = terms.services.map((service) => service.id);
const anEvent = fc.record({
  kind: fc.constantFrom('requested', 'signed', 'declined', 'limited', 'withdrawn', 'expired' as const),
  day: fc.integer({ min: 0, max: 400 }),
  signerId: fc.option(fc.constantFrom(...signers, 'stranger'), { nil: null }),
  service: fc.option(fc.constantFrom(...services, 'nav'), { nil: null }),
  notRelevant: fc.boolean(),
  subject: fc.option(fc.constantFrom('Lesing', 'Helse'), { nil: null }),
  from: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
  until: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
});
const aLog = fc.array(anEvent, { maxLength: 30 }).map((events) =>
  events.map(({ day, from, until, ...rest }) =>
    event({ ...rest, at: at(day), periodFrom: from === null ? null : at(from), periodUntil: until === null ? null : at(until) }),
  ),
);

describe('mayShare over random logs (fast-check)', () => {
  it('never says yes for a service a required signer declined or withdrew, after expiry, or outside a limit', () => {
    fc.assert(
      fc.property(aLog, fc.constantFrom(...services), fc.integer({ min: 0, max: 420 }), (log, service, day) => {
        const now = at(day);
        const verdict = mayShare(terms, log, service, now);
        if (verdict.answer === 'no') return;
        const past = log.filter((entry) => entry.at <= now);
        const required = terms.signers.filter((signer) => decides(signer, terms.services.find((entry) => entry.id === service)!));
        for (const signer of required) {
          const first = past.find((entry) => entry.signerId === signer.id && entry.service === service && (entry.kind === 'signed' || entry.kind === 'declined'));
          expect(first?.kind).toBe('signed');
          expect(past.some((entry) => entry.kind === 'withdrawn' && entry.signerId === signer.id && (entry.service === null || entry.service === service))).toBe(false);
        }
        expect(past.some((entry) => entry.kind === 'expired')).toBe(false);
        expect(now < terms.expiresAt).toBe(true);
        for (const limit of past.filter((entry) => entry.kind === 'limited' && entry.signerId && signers.includes(entry.signerId))) {
          if (limit.periodFrom) expect(now >= limit.periodFrom).toBe(true);
          if (limit.periodUntil) expect(now <= limit.periodUntil).toBe(true);
          if (limit.subject) expect(verdict.answer).toBe('partly');
        }
      }),
      { numRuns: 500 },
    );
  });
});
