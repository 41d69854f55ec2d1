import type { ComponentChildren } from 'preact';

/** A data table that scrolls sideways on its own at 320 px, with a caption for screen readers. */
export function Table({ caption, headers, children }: { caption: string; headers: string[]; children: ComponentChildren }) {
  return (
    <div class="table-wrap">
      <table class="table">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {headers.map((header) => (
              <th scope="col">{header}</th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
