import { Layout } from '../components/layout.tsx';
import type { Ui } from '../ui.ts';

export interface PrivacyPageProps {
  ui: Ui;
  municipality: { name: string; responseRetentionMonths: number; draftTtlDays: number; dpoContact: string | null };
}

/** The form families a municipality collects answers with, each with its legal basis. */
const FAMILIES = ['childsVoice', 'assessment', 'consent', 'insight'] as const;
/** The rights a person has over what is stored about them, each with what it lets them ask for. */
const RIGHTS = ['access', 'rectification', 'erasure', 'restriction', 'objection', 'complaint'] as const;

/**
 * One municipality's privacy page: who is responsible (the municipality), on what basis each
 * kind of form is answered, how long answers are kept (its own settings), the person's rights
 * and how to use them, and how to reach its data protection officer.
 */
export function PrivacyPage({ ui, municipality }: PrivacyPageProps) {
  const { t } = ui;
  const name = municipality.name;
  return (
    <Layout ui={ui} title={t('privacy.title')} owner={name}>
      <h1>{t('privacy.municipal.title', { municipality: name })}</h1>
      <p>{t('privacy.municipal.controller', { municipality: name })}</p>
      <h2>{t('privacy.municipal.basisTitle')}</h2>
      <dl class="summary">
        {FAMILIES.map((family) => (
          <div class="summary-row">
            <dt>{t(`privacy.municipal.families.${family}.name`)}</dt>
            <dd>{t(`privacy.municipal.families.${family}.basis`)}</dd>
          </div>
        ))}
      </dl>
      <h2>{t('privacy.municipal.retentionTitle')}</h2>
      <p>{t('privacy.municipal.retention', { months: municipality.responseRetentionMonths, days: municipality.draftTtlDays })}</p>
      <p>{t('privacy.municipal.anonymous')}</p>
      <h2>{t('privacy.municipal.rightsTitle')}</h2>
      <ul>
        {RIGHTS.map((right) => (
          <li>{t(`privacy.municipal.rights.${right}`)}</li>
        ))}
      </ul>
      <p>{t('privacy.municipal.howTo', { municipality: name })}</p>
      <h2>{t('privacy.municipal.dpoTitle')}</h2>
      <p>{municipality.dpoContact ? t('privacy.municipal.dpo', { contact: municipality.dpoContact }) : t('privacy.municipal.dpoMissing', { municipality: name })}</p>
    </Layout>
  );
}
