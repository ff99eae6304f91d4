import { Link } from '@/components/navigation/link';
import { getArticle } from '@/lib/content';
import { classifyEmbed, youtubeEmbedUrl } from '@/lib/embed';
import { localName, messages, t } from '@/lib/i18n/request';
import { YouTubeFacade } from './youtube-facade';

export function Embed({ url, title }: { url?: string; title?: string }) {
  const target = url ? classifyEmbed(url) : undefined;
  if (!target) return null;
  switch (target.kind) {
    case 'youtube':
      return (
        <figure className="mdx-embed mdx-embed--video">
          <YouTubeFacade
            src={youtubeEmbedUrl(target.id)}
            watchUrl={target.url}
            title={title ?? t('video.title')}
            text={messages(['video.play', 'video.note', 'video.watch'])}
          />
        </figure>
      );
    case 'post':
      return (
        <blockquote className="mdx-embed mdx-embed--post" cite={target.url}>
          {title && <p>{title}</p>}
          <p>
            <a href={target.url} rel="noopener noreferrer">
              {t('embed.post', { author: target.author })}
            </a>
          </p>
        </blockquote>
      );
    case 'article': {
      const article = getArticle(target.slug);
      if (!article) return null;
      return (
        <div className="mdx-embed mdx-embed--card">
          <p className="mdx-embed__host">{localName(article.section)}</p>
          <p className="mdx-embed__title">
            <Link href={article.url}>{title ?? article.title}</Link>
          </p>
          <p className="mdx-embed__summary">{article.summary}</p>
        </div>
      );
    }
    case 'link':
      return (
        <div className="mdx-embed mdx-embed--card">
          <p className="mdx-embed__host">{target.host}</p>
          <p className="mdx-embed__title">
            <a href={target.url} rel="noopener noreferrer">
              {title ?? target.url}
            </a>
          </p>
        </div>
      );
  }
}
