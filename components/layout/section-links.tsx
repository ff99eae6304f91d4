import { Link } from '@/components/navigation/link';
import { getSections } from '@/lib/content';
import { localHref, localName } from '@/lib/i18n/request';

export function SectionLinks() {
  return (
    <ul>
      {getSections().map((section) => (
        <li key={section.slug}>
          <Link href={localHref(section.url)}>{localName(section)}</Link>
        </li>
      ))}
    </ul>
  );
}
