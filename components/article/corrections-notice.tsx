import type { Article } from '@/lib/content';
import { formatDateTime } from '@/lib/format';

export function CorrectionsNotice({ corrections }: { corrections: Article['corrections'] }) {
  if (corrections.length === 0) return null;
  const heading = corrections.length === 1 ? 'Correction' : 'Corrections';
  return (
    <section className="corrections" aria-labelledby="corrections-heading">
      <h2 id="corrections-heading">{heading}</h2>
      <ul>
        {corrections.map((correction) => (
          <li key={`${correction.date}-${correction.text}`}>
            <time dateTime={correction.date}>{formatDateTime(new Date(correction.date))}</time>:{' '}
            {correction.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
