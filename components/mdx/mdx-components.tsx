import Link from 'next/link';
import type { Components } from 'hast-util-to-jsx-runtime';
import type { ComponentPropsWithoutRef, ComponentType, ReactNode } from 'react';
import type { BodyComponentName, BodyComponentProps } from '@/lib/content/body-components';
import { isSafeUrl } from '@/lib/content/urls';
import { Aside } from './aside';
import { Callout } from './callout';
import { Embed } from './embed';
import { Figure } from './figure';
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

function Img({ alt = '', src, ...props }: ComponentPropsWithoutRef<'img'>) {
  if (typeof src !== 'string' || !isSafeUrl(src, 'image')) return null;
  // eslint-disable-next-line @next/next/no-img-element
  return <img alt={alt} src={src} loading="lazy" decoding="async" {...props} />;
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
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Table">
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
} satisfies {
  [N in BodyComponentName]: ComponentType<BodyComponentProps<N> & { children?: ReactNode }>;
};

export const bodyComponents: Partial<Components> = {
  a: Anchor,
  blockquote: Blockquote,
  img: Img,
  li: ListItem,
  pre: Pre,
  table: Table,
  ...editorComponents,
};
