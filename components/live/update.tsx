import type { ReactNode } from 'react';

/**
 * `<Update>` in the MDX registry. A live story's page renders each update from the parsed
 * coverage (newest first, see LiveCoverageView); this form only keeps the text readable wherever
 * a body is rendered whole.
 */
export function Update({ title, children }: { title?: string; children?: ReactNode }) {
  return (
    <section className="live-update">
      {title && <h3 className="live-update__title">{title}</h3>}
      {children}
    </section>
  );
}
