import type { ReactNode } from 'react';

interface Props {
  type?: string;
  title?: string;
  children?: ReactNode;
}

export function Callout({ type, title, children }: Props) {
  const kind = type === 'warning' ? 'warning' : 'note';
  const label = title ?? (kind === 'warning' ? 'Warning' : 'Note');
  return (
    <div className={`mdx-callout mdx-callout--${kind}`} role="note" aria-label={label}>
      <p className="mdx-callout__label">{label}</p>
      {children}
    </div>
  );
}
