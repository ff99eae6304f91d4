import { Link } from '@/components/navigation/link';
import { getArticlesBySection, getSections, type Page, type Article } from '@/lib/content';
import { SitePage } from '@/components/layout/site-page';
import { everyLocalePage } from '@/lib/i18n/alternates';
import { localHref, localName, requestLocale, t } from '@/lib/i18n/request';
import { LeadStory } from './lead-story';
import { Pagination } from './pagination';
import { StoryCard } from './story-card';
import { StoryList } from './story-list';

const SECTION_BLOCK_SIZE = 3;

export function HomeView({ page }: { page: Page<Article> }) {
  const [lead, ...latest] = page.items;
  return (
    <SitePage translations={everyLocalePage('/')}>
      <div className="home">
        <h1 className="visually-hidden">{t('home.title')}</h1>
        {lead && <LeadStory article={lead} />}
        {latest.length > 0 && (
          <section aria-labelledby="latest-heading" className="home__latest">
            <h2 id="latest-heading" className="block-heading">
              {t('listing.latest')}
            </h2>
            <StoryList articles={latest} />
          </section>
        )}
        <Pagination basePath={localHref('/')} page={page.page} totalPages={page.totalPages} />
        {getSections().map((section) => {
          const stories = getArticlesBySection(section.slug, requestLocale()).slice(
            0,
            SECTION_BLOCK_SIZE,
          );
          if (stories.length === 0) return null;
          return (
            <section
              key={section.slug}
              aria-labelledby={`section-${section.slug}`}
              className="home__section"
            >
              <h2 id={`section-${section.slug}`} className="block-heading">
                <Link href={localHref(section.url)}>{localName(section)}</Link>
              </h2>
              <ul className="story-grid">
                {stories.map((article) => (
                  <li key={article.slug}>
                    <StoryCard article={article} headingLevel={3} showImage={false} />
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </SitePage>
  );
}
