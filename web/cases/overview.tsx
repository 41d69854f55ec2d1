/** The case overview: flagged responses waiting for review first, by the date they are due, then every case. */
import { formatDate } from '../../worker/core/i18n/format.ts';
import { Table } from '../components/table.tsx';
import type { Ui } from '../ui.ts';
import { StaffLayout } from '../staff/staff-layout.tsx';

export interface FlaggedItem {
  caseReference: string;
  href: string;
  submittedAt: Date | null;
  reviewBy?: Date;
  overdue: boolean;
}

export function CasesOverview({ ui, name, linksHref, flagged, cases }: { ui: Ui; name: string; linksHref: string; flagged: FlaggedItem[]; cases: { caseReference: string; href: string; latest: Date }[] }) {
  const { t, lang } = ui;
  return (
    <StaffLayout ui={ui} title={t('cases.overview')} name={name}>
      <h1>{t('cases.overview')}</h1>
      <p>
        <a href={linksHref}>{t('links.overview.title')}</a>
      </p>
      <h2>{t('cases.flaggedTitle')}</h2>
      {flagged.length === 0 ? (
        <p>{t('cases.flaggedNone')}</p>
      ) : (
        <Table caption={t('cases.flaggedTitle')} headers={[t('cases.caseReference'), t('cases.submitted'), t('cases.reviewBy')]}>
          {flagged.map((item) => (
            <tr>
              <td>
                <a href={item.href}>{item.caseReference}</a>
              </td>
              <td>{item.submittedAt ? formatDate(item.submittedAt, lang) : ''}</td>
              <td>
                {item.reviewBy ? formatDate(item.reviewBy, lang) : ''}
                {item.overdue && <strong class="status status--flag"> {t('cases.overdue')}</strong>}
              </td>
            </tr>
          ))}
        </Table>
      )}
      <h2>{t('cases.allTitle')}</h2>
      {cases.length === 0 ? (
        <p>{t('cases.none')}</p>
      ) : (
        <ul>
          {cases.map((item) => (
            <li>
              <a href={item.href}>{item.caseReference}</a> ({formatDate(item.latest, lang)})
            </li>
          ))}
        </ul>
      )}
    </StaffLayout>
  );
}
