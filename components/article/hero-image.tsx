import { SiteImage } from '@/components/media/site-image';
import type { Article } from '@/lib/content';

export function HeroImage({ article }: { article: Article }) {
  if (!article.image) return null;
  return (
    <figure className="hero">
      <div className="hero__frame">
        <SiteImage
          src={article.image}
          alt={article.imageAlt ?? ''}
          cover
          priority
          sizes="(min-width: 60rem) 60rem, 100vw"
        />
      </div>
      {(article.imageCaption || article.imageCredit) && (
        <figcaption>
          {article.imageCaption}
          {article.imageCredit && <span className="hero__credit">{article.imageCredit}</span>}
        </figcaption>
      )}
    </figure>
  );
}
