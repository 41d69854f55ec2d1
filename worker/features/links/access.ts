import type { Municipality } from '../../core/municipality.ts';
import type { FormLink, LinkFilter } from './repository.ts';
import type { Staff } from '../staff/index.ts';

/** The units a person works in within one municipality. */
const unitsIn = (staff: Staff, municipalityId: string) =>
  staff.memberships.flatMap((membership) => (membership.municipalityId === municipalityId && membership.unitId ? [membership.unitId] : []));

const isAdmin = (staff: Staff, municipalityId: string) =>
  staff.memberships.some((membership) => membership.municipalityId === municipalityId && membership.role === 'admin');

/**
 * Which links (and so which answers) a person may see: admins all of their municipality's;
 * staff their own, and their unit's where the municipality has chosen that rule.
 */
export function visibilityFilter(staff: Staff, municipality: Municipality): LinkFilter['visibleTo'] {
  if (isAdmin(staff, municipality.id)) return undefined;
  return { personId: staff.person.id, unitIds: municipality.linkVisibility === 'unit' ? unitsIn(staff, municipality.id) : [] };
}

export function canSeeLink(staff: Staff, municipality: Municipality, link: FormLink): boolean {
  if (link.municipalityId !== municipality.id) return false;
  const visibleTo = visibilityFilter(staff, municipality);
  if (!visibleTo) return true;
  return link.createdBy === visibleTo.personId || (!!link.unitId && visibleTo.unitIds.includes(link.unitId));
}

/** The unit a new link is filed under: the sender's unit in this municipality, if they have one. */
export const senderUnit = (staff: Staff, municipalityId: string) => unitsIn(staff, municipalityId)[0] ?? null;
