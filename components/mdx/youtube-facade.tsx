'use client';

import { useState } from 'react';
import { fill } from '@/lib/i18n/fill';

interface Props {
  src: string;
  watchUrl: string;
  title: string;
  /** "Play video: {title}", the privacy note and "Watch on YouTube" in the page's language. */
  text: Record<'video.play' | 'video.note' | 'video.watch', string>;
}

export function YouTubeFacade({ src, watchUrl, title, text }: Props) {
  const [playing, setPlaying] = useState(false);
  if (playing) {
    return (
      <iframe
        className="mdx-embed__frame"
        src={src}
        title={title}
        allow="autoplay; encrypted-media; picture-in-picture; fullscreen"
        referrerPolicy="strict-origin-when-cross-origin"
        sandbox="allow-scripts allow-same-origin allow-presentation allow-popups"
      />
    );
  }
  return (
    <div className="mdx-embed__facade">
      <button type="button" className="mdx-embed__play" onClick={() => setPlaying(true)}>
        <span aria-hidden="true">▶</span> {fill(text['video.play'], { title })}
      </button>
      <p className="mdx-embed__note">
        {text['video.note']}{' '}
        <a href={watchUrl} rel="noopener noreferrer">
          {text['video.watch']}
        </a>
      </p>
    </div>
  );
}
