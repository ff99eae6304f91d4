import { MDXRemote } from 'next-mdx-remote/rsc';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeHighlight from 'rehype-highlight';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import { mdxComponents } from '@/components/mdx/mdx-components';
import { remarkImageSizes } from '@/lib/content/images';
import { remarkSafeMdx } from '@/lib/content/mdx';

// rehype-highlight registers its 37 grammars each time the plugin is attached, which MDXRemote
// does for every article: that was half of each article's compile time. The transformer holds
// no per-file state, so one instance serves every article.
const highlight = rehypeHighlight();
const rehypeHighlightShared = () => highlight;

export function ArticleBody({ source }: { source: string }) {
  return (
    <div className="prose">
      <MDXRemote
        source={source}
        components={mdxComponents}
        options={{
          mdxOptions: {
            remarkPlugins: [remarkSafeMdx, remarkGfm, remarkImageSizes],
            rehypePlugins: [
              rehypeSlug,
              [rehypeAutolinkHeadings, { behavior: 'wrap', properties: { className: 'anchor' } }],
              rehypeHighlightShared,
            ],
          },
        }}
      />
    </div>
  );
}
