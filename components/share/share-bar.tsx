import { absoluteUrl } from '@/lib/site';
import { SHARE_LABELS, SHARE_PLATFORMS, shareLinks, type Shareable } from '@/lib/share';
import { messages, t } from '@/lib/i18n/request';
import { ShareActions } from './share-actions';
import { SHARE_ACTION_MESSAGES } from './share-messages';

interface ShareBarProps {
  item: Shareable;
  position: 'top' | 'bottom';
}

export function ShareBar({ item, position }: ShareBarProps) {
  const links = shareLinks(item);
  const headingId = `share-${position}`;
  return (
    <section className="share-bar" aria-labelledby={headingId}>
      <h2 id={headingId} className="share-bar__heading">
        {t('share.heading')}
      </h2>
      <ul>
        {SHARE_PLATFORMS.map((platform) => (
          <li key={platform}>
            <a
              href={links[platform]}
              className={`share-bar__link share-bar__link--${platform}`}
              {...(platform === 'email' ? {} : { target: '_blank', rel: 'noopener noreferrer' })}
              aria-label={
                platform === 'email'
                  ? t('share.email')
                  : t('share.on', { platform: SHARE_LABELS[platform] })
              }
            >
              {SHARE_LABELS[platform]}
            </a>
          </li>
        ))}
        <ShareActions
          url={absoluteUrl(item.url)}
          title={item.title}
          summary={item.summary}
          text={messages(SHARE_ACTION_MESSAGES)}
        />
      </ul>
    </section>
  );
}
