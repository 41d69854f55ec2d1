import type { Ui } from '../ui.ts';

export interface Step {
  title: string;
  href: string;
  current: boolean;
}

/** The document's pages as a numbered list of links; the page shown is marked for screen readers. */
export function StepNav({ ui, steps }: { ui: Ui; steps: Step[] }) {
  return (
    <nav class="steps" aria-label={ui.t('assessment.steps')}>
      <ol>
        {steps.map((step) => (
          <li>
            <a href={step.href} aria-current={step.current ? 'step' : undefined}>
              {step.title}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
