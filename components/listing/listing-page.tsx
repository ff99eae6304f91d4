import { ArticleBody } from '@/components/article/article-body';
import { SiteImage } from '@/components/media/site-image';
import { SitePage } from '@/components/layout/site-page';
import { localName, t } from '@/lib/i18n/request';
import { type ListingPageView, listingVersions } from '@/lib/listings';
import { ListingView } from './listing-view';

export function ListingPage({ view }: { view: ListingPageView }) {
  const { listing, page } = view;
  const author = listing.author;
  const intro = author ? (
    <div className="author-intro">
      {author.avatar && (
        <SiteImage
          src={author.avatar}
          alt=""
          width={96}
          height={96}
          sizes="96px"
          className="author-intro__avatar"
        />
      )}
      <div>
        <ArticleBody source={author} />
        {Object.keys(author.links).length > 0 && (
          <ul
            className="author-intro__links"
            aria-label={t('author.elsewhere', { name: localName(author) })}
          >
            {Object.entries(author.links).map(([name, url]) => (
              <li key={name}>
                <a href={url} rel="me noopener noreferrer">
                  {linkLabel(name)}
                </a>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  ) : (
    <p className="listing__description">{listing.description}</p>
  );
  return (
    <SitePage translations={listingVersions(listing)}>
      <ListingView
        title={listing.title}
        kicker={listing.kicker}
        intro={intro}
        basePath={listing.basePath}
        page={page}
      />
    </SitePage>
  );
}

function linkLabel(name: string): string {
  const known: Record<string, string> = {
    x: 'X',
    website: t('author.website'),
    linkedin: 'LinkedIn',
  };
  return known[name] ?? name.charAt(0).toUpperCase() + name.slice(1);
}
