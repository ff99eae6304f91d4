import type { ReactNode } from 'react';

export function Aside({ title, children }: { title?: string; children?: ReactNode }) {
  return (
    <div className="mdx-aside" role="note" aria-label={title ?? 'Aside'}>
      {title && <p className="mdx-aside__title">{title}</p>}
      {children}
    </div>
  );
}
