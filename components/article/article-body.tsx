import { compileMDX } from 'next-mdx-remote/rsc';
import type { ReactElement } from 'react';
import type { BodySource } from '@/lib/content/body';
import { rehypePlugins, remarkPlugins } from '@/lib/content/pipeline';
import { bodyComponents } from '@/components/mdx/mdx-components';

/**
 * MDX compiled on the server from the sanitised tree, with expressions blocked: the reader gets
 * HTML only. A body that does not compile reaches this point only when refused bodies are
 * rendered (UNSAFE_RENDER_REFUSED_BODIES, tests): it shows a notice, not an error page.
 */
async function compiled(body: string): Promise<ReactElement> {
  try {
    const { content } = await compileMDX({
      source: body,
      components: bodyComponents,
      options: { blockJS: true, mdxOptions: { remarkPlugins, rehypePlugins } },
    });
    return content;
  } catch {
    return <p className="body-unavailable">This text could not be shown.</p>;
  }
}

/** An article body, live update or author bio, rendered by next-mdx-remote. */
export async function ArticleBody({ source }: { source: BodySource }) {
  return <div className="prose">{await compiled(source.body)}</div>;
}
