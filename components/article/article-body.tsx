import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { bodyOf, type BodySource } from '@/lib/content/body';
import { bodyComponents } from '@/components/mdx/mdx-components';

/** An article body or author bio, rendered from the sanitised tree of lib/content/body.ts. */
export function ArticleBody({ source }: { source: BodySource }) {
  return (
    <div className="prose">
      {toJsxRuntime(bodyOf(source).tree, { Fragment, jsx, jsxs, components: bodyComponents })}
    </div>
  );
}
