'use client';

import NextLink from 'next/link';
import { type ComponentProps, useState } from 'react';

/**
 * `next/link` that prefetches a page once the reader shows intent (pointer, touch or focus)
 * rather than as soon as it scrolls into view: fetching and decoding a payload for every link on
 * the front page was about half of its blocking time on a phone (decision 0904). Next's own
 * pattern, docs "Hover-triggered prefetch".
 */
export function Link({
  prefetch,
  onMouseEnter,
  onTouchStart,
  onFocus,
  ...props
}: ComponentProps<typeof NextLink>) {
  const [intent, setIntent] = useState(false);
  return (
    <NextLink
      {...props}
      prefetch={intent && prefetch !== false ? null : false}
      onMouseEnter={(event) => {
        setIntent(true);
        onMouseEnter?.(event);
      }}
      onTouchStart={(event) => {
        setIntent(true);
        onTouchStart?.(event);
      }}
      onFocus={(event) => {
        setIntent(true);
        onFocus?.(event);
      }}
    />
  );
}
