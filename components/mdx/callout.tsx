import type { ReactNode } from 'react';
import { calloutLabel, calloutType } from '@/lib/content/body-components';

interface Props {
  type?: string;
  title?: string;
  children?: ReactNode;
}

export function Callout({ type, title, children }: Props) {
  const label = calloutLabel(type, title);
  return (
    <div className={`mdx-callout mdx-callout--${calloutType(type)}`} role="note" aria-label={label}>
      <p className="mdx-callout__label">{label}</p>
      {children}
    </div>
  );
}
