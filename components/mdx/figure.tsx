import { SiteImage } from '@/components/media/site-image';
import { isSafeUrl } from '@/lib/content/urls';

interface Props {
  src?: string;
  alt?: string;
  caption?: string;
  credit?: string;
}

/** How wide body images are drawn: the text column, or the screen below it. */
export const BODY_IMAGE_SIZES = '(min-width: 42rem) 42rem, 100vw';

export function Figure({ src, alt = '', caption, credit }: Props) {
  if (!src || !isSafeUrl(src, 'image')) return null;
  return (
    <figure className="mdx-figure">
      <SiteImage src={src} alt={alt} sizes={BODY_IMAGE_SIZES} />
      {(caption || credit) && (
        <figcaption>
          {caption}
          {credit && <span className="mdx-figure__credit">{credit}</span>}
        </figcaption>
      )}
    </figure>
  );
}
