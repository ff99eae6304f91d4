import { Link } from '@/components/navigation/link';
import { type Article, getTranslations, isLive } from '@/lib/content';
import { SitePage } from '@/components/layout/site-page';
import { LiveCoverageView } from '@/components/live/live-coverage';
import { LiveLabel } from '@/components/live/live-label';
import { ShareBar } from '@/components/share/share-bar';
import { ArticleBody } from './article-body';
import { ArticleMeta } from './article-meta';
import { Byline } from './byline';
import { CorrectionsNotice } from './corrections-notice';
import { HeroImage } from './hero-image';
import { RelatedArticles } from './related-articles';
import { StatusBanner } from './status-banner';
import { TagList } from './tag-list';
import { TranslationLinks } from './translation-links';
import { localHref, localName, t } from '@/lib/i18n/request';

interface Props {
  article: Article;
  related: Article[];
  /** A signed preview link (app/preview): a banner with its expiry, and nothing to share. */
  preview?: { expires: Date };
}

export function ArticleView({ article, related, preview }: Props) {
  return (
    <SitePage translations={preview ? [] : getTranslations(article)}>
      <article className="article">
        <StatusBanner article={article} previewExpires={preview?.expires} />
        <header className="article__header">
          <p className="kicker">
            <LiveLabel article={article} />
            <Link href={localHref(article.section.url)}>{localName(article.section)}</Link>
          </p>
          <h1 className="article__title">{article.title}</h1>
          <p className="article__summary">{article.summary}</p>
          <Byline authors={article.authors} />
          <ArticleMeta article={article} />
          <TranslationLinks article={article} />
          {article.sampleTranslation && (
            <p className="article__sample-note">{t('article.sampleTranslation')}</p>
          )}
        </header>
        <CorrectionsNotice corrections={article.corrections} />
        <HeroImage article={article} />
        {!preview && <ShareBar item={article} position="top" />}
        {isLive(article) ? (
          <>
            <ArticleBody source={article.live.intro} />
            <LiveCoverageView article={article} />
          </>
        ) : (
          <ArticleBody source={article} />
        )}
        <TagList tags={article.tags} />
        {!preview && <ShareBar item={article} position="bottom" />}
      </article>
      <RelatedArticles articles={related} />
    </SitePage>
  );
}
