import { Link } from '@/components/navigation/link';
import type { MDXComponents } from 'mdx/types';
import type { ComponentPropsWithoutRef, ComponentType, ReactNode } from 'react';
import type { BodyComponentName, BodyComponentProps } from '@/lib/content/body-components';
import { SiteImage } from '@/components/media/site-image';
import { isSafeUrl } from '@/lib/content/urls';
import { t } from '@/lib/i18n/request';
import { Update } from '@/components/live/update';
import { Aside } from './aside';
import { Callout } from './callout';
import { Embed } from './embed';
import { BODY_IMAGE_SIZES, Figure } from './figure';
import { PullQuote } from './pull-quote';

function Anchor({ href = '', ...props }: ComponentPropsWithoutRef<'a'>) {
  if (!isSafeUrl(href)) return <span>{props.children}</span>;
  if (href.startsWith('/') && !href.startsWith('//')) return <Link href={href} {...props} />;
  if (href.startsWith('#')) return <a href={href} {...props} />;
  return <a href={href} rel="noopener noreferrer" {...props} />;
}

function Blockquote(props: ComponentPropsWithoutRef<'blockquote'>) {
  return <blockquote className="pull-quote" {...props} />;
}

// Body images get their intrinsic size from the file (SiteImage), whatever the editor wrote.
function Img({ alt = '', src, title, className }: ComponentPropsWithoutRef<'img'>) {
  if (typeof src !== 'string' || !isSafeUrl(src, 'image')) return null;
  return (
    <SiteImage src={src} alt={alt} title={title} className={className} sizes={BODY_IMAGE_SIZES} />
  );
}

function Pre(props: ComponentPropsWithoutRef<'pre'>) {
  return <pre tabIndex={0} {...props} />;
}

function ListItem({ className, children, ...props }: ComponentPropsWithoutRef<'li'>) {
  if (className?.split(' ').includes('task-list-item')) {
    return (
      <li className={className} {...props}>
        <label>{children}</label>
      </li>
    );
  }
  return (
    <li className={className} {...props}>
      {children}
    </li>
  );
}

function Table(props: ComponentPropsWithoutRef<'table'>) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={t('body.table')}>
      <table {...props} />
    </div>
  );
}

export const editorComponents = {
  Aside,
  Callout,
  Embed,
  Figure,
  PullQuote,
  Update,
} satisfies {
  [N in BodyComponentName]: ComponentType<BodyComponentProps<N> & { children?: ReactNode }>;
};

export const bodyComponents: MDXComponents = {
  a: Anchor,
  blockquote: Blockquote,
  img: Img,
  li: ListItem,
  pre: Pre,
  table: Table,
  ...editorComponents,
};
