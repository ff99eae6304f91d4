import type { Article } from '@/lib/content';
import { formatted, t } from '@/lib/i18n/request';

export function CorrectionsNotice({ corrections }: { corrections: Article['corrections'] }) {
  if (corrections.length === 0) return null;
  const heading = t(corrections.length === 1 ? 'article.correction' : 'article.corrections');
  return (
    <section className="corrections" aria-labelledby="corrections-heading">
      <h2 id="corrections-heading">{heading}</h2>
      <ul>
        {corrections.map((correction) => (
          <li key={`${correction.date}-${correction.text}`}>
            <time dateTime={correction.date}>
              {formatted('dateTime', new Date(correction.date))}
            </time>
            : {correction.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
