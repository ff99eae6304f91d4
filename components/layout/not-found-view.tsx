import { Link } from '@/components/navigation/link';
import { requestLocale, t } from '@/lib/i18n/request';
import { localePath } from '@/lib/site';
import { SitePage } from './site-page';

export function NotFoundView() {
  return (
    <SitePage>
      <div className="not-found">
        <h1>{t('notFound.title')}</h1>
        <p>{t('notFound.text')}</p>
        <p>
          <Link href={localePath(requestLocale(), '/')}>{t('nav.home')}</Link>
        </p>
      </div>
    </SitePage>
  );
}
