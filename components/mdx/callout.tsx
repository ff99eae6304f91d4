import type { ReactNode } from 'react';
import { calloutType } from '@/lib/content/body-components';
import { t } from '@/lib/i18n/request';

interface Props {
  type?: string;
  title?: string;
  children?: ReactNode;
}

export function Callout({ type, title, children }: Props) {
  const kind = calloutType(type);
  const label = title ?? t(`callout.${kind}`);
  return (
    <div className={`mdx-callout mdx-callout--${kind}`} role="note" aria-label={label}>
      <p className="mdx-callout__label">{label}</p>
      {children}
    </div>
  );
}
