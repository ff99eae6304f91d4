import type { ReactNode } from 'react';
import { t } from '@/lib/i18n/request';

export function Aside({ title, children }: { title?: string; children?: ReactNode }) {
  return (
    <div className="mdx-aside" role="note" aria-label={title ?? t('body.aside')}>
      {title && <p className="mdx-aside__title">{title}</p>}
      {children}
    </div>
  );
}
