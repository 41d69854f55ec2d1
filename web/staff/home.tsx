import { may } from '../../worker/core/policy.ts';
import type { MembershipView as Membership } from './records.ts';
import type { Ui } from '../ui.ts';
import { StaffLayout } from './staff-layout.tsx';

export function StaffHome({ ui, name, memberships }: { ui: Ui; name: string; memberships: Membership[] }) {
  const { t } = ui;
  const byMunicipality = new Map<string, Membership[]>();
  for (const membership of memberships) byMunicipality.set(membership.municipalityId, [...(byMunicipality.get(membership.municipalityId) ?? []), membership]);
  return (
    <StaffLayout ui={ui} title={t('staff.home.title')} name={name}>
      <h1>{t('staff.home.title')}</h1>
      {byMunicipality.size === 0 ? (
        <p>{t('staff.home.noMemberships')}</p>
      ) : (
        <ul class="cards">
          {[...byMunicipality.values()].map((held) => (
            <li>
              <h2>{held[0]?.municipalityName}</h2>
              <p>{t('staff.home.roles', { roles: held.map((membership) => t(`staff.roles.${membership.role}`)).join(', ') })}</p>
              {may(held, 'administer', held[0]?.municipalityId ?? '') && (
                <p>
                  <a href={`/staff/m/${held[0]?.municipalityId}/admin/people`}>{t('admin.title')}</a>
                </p>
              )}
              {may(held, 'insight', held[0]?.municipalityId ?? '') && (
                <p>
                  <a href={`/staff/m/${held[0]?.municipalityId}/insight`}>{t('insight.home.link')}</a>
                </p>
              )}
              {may(held, 'links', held[0]?.municipalityId ?? '') && (
                <ul>
                  <li>
                    <a href={`/staff/m/${held[0]?.municipalityId}/links`}>{t('links.overview.title')}</a>
                  </li>
                  <li>
                    <a href={`/staff/m/${held[0]?.municipalityId}/links/new`}>{t('links.new.title')}</a>
                  </li>
                  <li>
                    <a href={`/staff/m/${held[0]?.municipalityId}/consents`}>{t('consent.list.title')}</a>
                  </li>
                  <li>
                    <a href={`/staff/m/${held[0]?.municipalityId}/cases`}>{t('cases.overview')}</a>
                  </li>
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      <h2>{t('staff.home.securityTitle')}</h2>
      <p>{t('staff.home.securityText')}</p>
      <form method="post" action="/staff/sign-out-everywhere">
        <button class="button button--secondary" type="submit">
          {t('staff.signOutEverywhere')}
        </button>
      </form>
    </StaffLayout>
  );
}
