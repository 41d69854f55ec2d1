/** The versions of a staff document (an assessment, a meeting record): who saved each, when, and which fields changed. */
import type { FormDefinition } from '../../worker/engine/schema.ts';
import { formatDate } from '../../worker/core/i18n/format.ts';
import { Table } from '../components/table.tsx';
import { localized, type Ui } from '../ui.ts';
import type { VersionView } from './records.ts';

/** The label of a changed field: a question's, or a repeatable page's title for its rows. */
export const fieldLabel = (ui: Ui, form: FormDefinition, field: string) => {
  const question = form.pages.flatMap((page) => page.questions).find((candidate) => candidate.id === field);
  const page = form.pages.find((candidate) => candidate.id === field);
  return question ? localized(ui, question.label).text : page ? localized(ui, page.title).text : field;
};

export interface VersionsTableProps {
  ui: Ui;
  versions: (Omit<VersionView, 'status'> & { status?: VersionView['status'] })[];
  /** Where one version is read. */
  href: (number: number) => string;
  /** What a field change says, as a sentence part. */
  describe: (change: VersionView['changes'][number]) => string;
}

export function VersionsTable({ ui, versions, href, describe }: VersionsTableProps) {
  const { t, lang } = ui;
  return (
    <Table caption={t('assessment.versions')} headers={[t('assessment.version'), t('assessment.savedAt'), t('assessment.savedBy'), t('assessment.changes')]}>
      {versions.map((version) => (
        <tr>
          <td>
            <a href={href(version.number)}>{version.number}</a>
            {version.status && ` (${t(`assessment.statuses.${version.status}`)})`}
          </td>
          <td>{formatDate(version.savedAt, lang)}</td>
          <td>{version.savedBy}</td>
          <td>{version.changes.length === 0 ? t(`assessment.noChanges.${version.status ?? 'draft'}`) : version.changes.map(describe).join('; ')}</td>
        </tr>
      ))}
    </Table>
  );
}
