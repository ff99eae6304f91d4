import Link from 'next/link';
import { getSections } from '@/lib/content';

export function SectionLinks() {
  return (
    <ul>
      {getSections().map((section) => (
        <li key={section.slug}>
          <Link href={section.url}>{section.name}</Link>
        </li>
      ))}
    </ul>
  );
}
