import { describe, expect, it } from 'vitest';
import { canSeeLink, isMember, may, maySignIn, rolesIn, senderUnit, tokenActor, visibleLinks, type Actor, type Member } from '../../worker/core/policy.ts';

// The people of test/worker/setup.ts, with their memberships as the directory holds them.
const member = (municipalityId: string, role: Member['role'], unitId: string | null = null): Member => ({ municipalityId, role, unitId });
const person = (id: string, ...memberships: Member[]): Actor => ({ id, memberships });
const ansatt = person('demo-ansatt', member('demo', 'staff', 'demo-skole'));
const helse = person('demo-helse', member('demo', 'staff', 'demo-helsestasjon'));
const planner = person('demo-planlegger', member('demo', 'planner'));
const admin = person('demo-admin', member('demo', 'admin'));
const andre = person('andre-ansatt', member('andre', 'staff', 'andre-skole'), member('andre', 'admin'));
const felles = person('felles-barnevern', member('demo', 'staff'), member('andre', 'staff'));
const strengA = person('streng-a', member('streng', 'staff', 'streng-skule'));
const nobody = person('uten-rolle');

const demo = { id: 'demo', linkVisibility: 'unit' } as const;
const streng = { id: 'streng', linkVisibility: 'sender' } as const;
const andreKommune = { id: 'andre', linkVisibility: 'unit' } as const;
const link = (municipalityId: string, createdBy: string, unitId: string | null = null) => ({ municipalityId, createdBy, unitId });

describe('roles per municipality', () => {
  it('gives each role its own abilities, only where it is held', () => {
    expect(may(ansatt.memberships, 'links', 'demo')).toBe(true);
    expect(may(ansatt.memberships, 'administer', 'demo')).toBe(false);
    expect(may(admin.memberships, 'administer', 'demo')).toBe(true);
    expect(may(admin.memberships, 'administer', 'andre')).toBe(false);
    // Planners have no link pages (insight is not built yet).
    expect(may(planner.memberships, 'links', 'demo')).toBe(false);
    expect(rolesIn(andre.memberships, 'andre').sort()).toEqual(['admin', 'staff']);
    expect(may(nobody.memberships, 'links', 'demo')).toBe(false);
  });

  it('lets the inter-municipal member work with links in both municipalities, and administer neither', () => {
    for (const municipality of ['demo', 'andre']) {
      expect(may(felles.memberships, 'links', municipality)).toBe(true);
      expect(may(felles.memberships, 'administer', municipality)).toBe(false);
      expect(isMember(felles.memberships, municipality)).toBe(true);
    }
    expect(isMember(felles.memberships, 'nynorsk')).toBe(false);
  });

  it('sends a sign-in link only to someone with a role somewhere', () => {
    expect(maySignIn(planner.memberships)).toBe(true);
    expect(maySignIn(nobody.memberships)).toBe(false);
  });
});

describe('which links someone sees', () => {
  it('shows an admin only what the visibility rule shows everyone, unless the municipality grants reading every answer', () => {
    expect(visibleLinks(admin, demo)).toEqual({ personId: 'demo-admin', unitIds: [] });
    expect(canSeeLink(admin, demo, link('demo', 'demo-helse', 'demo-helsestasjon'))).toBe(false);
    expect(canSeeLink(admin, demo, link('demo', 'demo-admin'))).toBe(true);
    const granted = person('demo-admin', { ...member('demo', 'admin'), readsAnswers: true });
    expect(visibleLinks(granted, demo)).toBeUndefined();
    expect(canSeeLink(granted, demo, link('demo', 'demo-helse', 'demo-helsestasjon'))).toBe(true);
    expect(canSeeLink(granted, demo, link('andre', 'andre-ansatt'))).toBe(false);
    // The grant is an admin's only: on a staff role it reads nothing more.
    expect(visibleLinks(person('demo-ansatt', { ...member('demo', 'staff', 'demo-skole'), readsAnswers: true }), demo)).toEqual({ personId: 'demo-ansatt', unitIds: ['demo-skole'] });
  });

  it('with the unit rule, shows staff their own links and their unit’s, not another unit’s', () => {
    expect(visibleLinks(ansatt, demo)).toEqual({ personId: 'demo-ansatt', unitIds: ['demo-skole'] });
    expect(canSeeLink(ansatt, demo, link('demo', 'demo-kollega', 'demo-skole'))).toBe(true);
    expect(canSeeLink(ansatt, demo, link('demo', 'demo-helse', 'demo-helsestasjon'))).toBe(false);
    expect(canSeeLink(helse, demo, link('demo', 'demo-ansatt', 'demo-skole'))).toBe(false);
  });

  it('with the sender rule, shows staff only the links they made, even in their own unit', () => {
    expect(visibleLinks(strengA, streng)).toEqual({ personId: 'streng-a', unitIds: [] });
    expect(canSeeLink(strengA, streng, link('streng', 'streng-a', 'streng-skule'))).toBe(true);
    expect(canSeeLink(strengA, streng, link('streng', 'streng-b', 'streng-skule'))).toBe(false);
  });

  it('keeps the inter-municipal member’s links apart: each municipality shows only its own', () => {
    expect(visibleLinks(felles, demo)).toEqual({ personId: 'felles-barnevern', unitIds: [] });
    expect(canSeeLink(felles, demo, link('demo', 'felles-barnevern'))).toBe(true);
    expect(canSeeLink(felles, andreKommune, link('demo', 'felles-barnevern'))).toBe(false);
    // No unit of their own, so a school's links stay the school's.
    expect(canSeeLink(felles, demo, link('demo', 'demo-ansatt', 'demo-skole'))).toBe(false);
  });

  it('shows nothing to someone without a role there, not even a link they once made', () => {
    expect(canSeeLink(nobody, demo, link('demo', 'uten-rolle'))).toBe(false);
    expect(canSeeLink(planner, demo, link('demo', 'demo-planlegger'))).toBe(false);
  });

  it('files a new link under the sender’s unit in that municipality, or none', () => {
    expect(senderUnit(ansatt.memberships, 'demo')).toBe('demo-skole');
    expect(senderUnit(andre.memberships, 'andre')).toBe('andre-skole');
    expect(senderUnit(felles.memberships, 'demo')).toBeNull();
    expect(senderUnit(ansatt.memberships, 'andre')).toBeNull();
  });
});

describe('an API token', () => {
  const token = tokenActor({ id: 'tok-1', municipalityId: 'demo' });

  it('acts as the admin of its own municipality and has no role anywhere else', () => {
    expect(token.id).toBe('token:tok-1');
    expect(may(token.memberships, 'links', 'demo')).toBe(true);
    expect(visibleLinks(token, demo)).toBeUndefined();
    expect(canSeeLink(token, demo, link('demo', 'demo-helse', 'demo-helsestasjon'))).toBe(true);
    expect(may(token.memberships, 'links', 'andre')).toBe(false);
    expect(canSeeLink(token, andreKommune, link('andre', 'token:tok-1'))).toBe(false);
    expect(senderUnit(token.memberships, 'demo')).toBeNull();
  });
});
