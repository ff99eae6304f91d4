'use client';

import NextLink from 'next/link';
import { type ComponentProps, useState } from 'react';

/**
 * `next/link` that prefetches a page once the reader shows intent (pointer, touch or focus)
 * rather than as soon as it scrolls into view: a front page shows dozens of links, and fetching
 * and decoding each one's payload kept a phone's main thread busy for most of a second
 * (docs/performance.md). Next's own pattern, docs "Hover-triggered prefetch".
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
