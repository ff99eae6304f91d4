import { isSafeUrl } from '@/lib/content/urls';

interface Props {
  src?: string;
  alt?: string;
  caption?: string;
  credit?: string;
}

export function Figure({ src, alt = '', caption, credit }: Props) {
  if (!src || !isSafeUrl(src, 'image')) return null;
  return (
    <figure className="mdx-figure">
      {/* eslint-disable-next-line @next/next/no-img-element -- editors' images have no known size */}
      <img src={src} alt={alt} loading="lazy" decoding="async" />
      {(caption || credit) && (
        <figcaption>
          {caption}
          {credit && <span className="mdx-figure__credit">{credit}</span>}
        </figcaption>
      )}
    </figure>
  );
}
