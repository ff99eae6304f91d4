import { Link } from '@/components/navigation/link';
import type { Tag } from '@/lib/content';
import { localName, t } from '@/lib/i18n/request';

export function TagList({ tags }: { tags: Tag[] }) {
  if (tags.length === 0) return null;
  return (
    <nav aria-label={t('article.tags')} className="tag-list">
      <ul>
        {tags.map((tag) => (
          <li key={tag.slug}>
            <Link href={tag.url}>{localName(tag)}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
