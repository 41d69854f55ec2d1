import type { Ui } from '../ui.ts';

/** The buttons under a respondent's page: continue, or save and come back later. */
export function PageActions({ ui }: { ui: Ui }) {
  return (
    <div class="actions">
      <button class="button" type="submit" name="_action" value="continue">
        {ui.t('page.continue')}
      </button>
      <button class="button button--secondary" type="submit" name="_action" value="save-later">
        {ui.t('page.saveLater')}
      </button>
    </div>
  );
}
