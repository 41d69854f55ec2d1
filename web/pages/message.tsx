import { Layout } from '../components/layout.tsx';
import type { Ui } from '../ui.ts';

export interface MessagePageProps {
  ui: Ui;
  title: string;
  /** Paragraphs of plain text. */
  body: string[];
  owner?: string;
  link?: { href: string; text: string };
}

/** Errors, expired drafts and the static pages: a heading, some text and a way on. */
export function MessagePage({ ui, title, body, owner, link }: MessagePageProps) {
  return (
    <Layout ui={ui} title={title} owner={owner}>
      <h1>{title}</h1>
      {body.map((paragraph) => (
        <p>{paragraph}</p>
      ))}
      {link && (
        <p>
          <a href={link.href}>{link.text}</a>
        </p>
      )}
    </Layout>
  );
}
