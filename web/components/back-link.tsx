import type { Ui } from '../ui.ts';

export const BackLink = ({ ui, href }: { ui: Ui; href: string }) => (
  <a class="back" href={href}>
    {ui.t('page.back')}
  </a>
);
