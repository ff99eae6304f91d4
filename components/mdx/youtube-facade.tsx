'use client';

import { useState } from 'react';

interface Props {
  src: string;
  watchUrl: string;
  title: string;
}

export function YouTubeFacade({ src, watchUrl, title }: Props) {
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
        <span aria-hidden="true">▶</span> Play video: {title}
      </button>
      <p className="mdx-embed__note">
        Playing loads the video from YouTube (privacy-enhanced mode).{' '}
        <a href={watchUrl} rel="noopener noreferrer">
          Watch on YouTube
        </a>
      </p>
    </div>
  );
}
