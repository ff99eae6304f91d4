import { getImageProps } from 'next/image';
import { preload } from 'react-dom';
import { imageSize } from '@/lib/content/images';

interface Props {
  src: string;
  alt: string;
  /** The `sizes` attribute: how wide the image is drawn, for choosing from the srcset. */
  sizes: string;
  /** Fixed display size (avatars); otherwise the image's intrinsic size is read from the file. */
  width?: number;
  height?: number;
  /** Fills its (aspect-ratio) frame, cropped, instead of flowing at its own ratio. */
  cover?: boolean;
  /** Above the fold: loaded at once and first. */
  priority?: boolean;
  className?: string;
  title?: string;
}

// A plain <img> from next/image's getImageProps: the same srcset and loader as <Image>, rendered on
// the server with no client component, and always with width and height so nothing moves.
export async function SiteImage({ src, sizes, width, height, cover, priority, ...rest }: Props) {
  const size = width && height ? { width, height } : await imageSize(src);
  const className = [cover ? 'site-image--cover' : undefined, rest.className]
    .filter(Boolean)
    .join(' ');
  const loading = priority ? 'eager' : 'lazy';
  if (!size) {
    // A remote image: its size is unknown at build time, so it keeps the frame's or text's layout.
    return (
      // eslint-disable-next-line @next/next/no-img-element
      <img
        src={src}
        alt={rest.alt}
        title={rest.title}
        loading={loading}
        decoding="async"
        className={className || undefined}
      />
    );
  }
  const { props } = getImageProps({
    src,
    alt: rest.alt,
    width: size.width,
    height: size.height,
    sizes,
    loading,
    fetchPriority: priority ? 'high' : undefined,
  });
  // The picture above the fold is announced in <head>, ahead of the stylesheet's fonts, instead of
  // being found only when the parser reaches the <img> (Lighthouse's "LCP load delay").
  if (priority) {
    preload(props.src, {
      as: 'image',
      imageSrcSet: props.srcSet,
      imageSizes: props.sizes,
      fetchPriority: 'high',
    });
  }
  return (
    // eslint-disable-next-line @next/next/no-img-element
    <img
      alt={props.alt}
      src={props.src}
      srcSet={props.srcSet}
      sizes={props.sizes}
      width={props.width}
      height={props.height}
      loading={props.loading}
      decoding={props.decoding}
      fetchPriority={props.fetchPriority}
      title={rest.title}
      className={className || undefined}
    />
  );
}
