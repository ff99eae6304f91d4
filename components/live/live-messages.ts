import type { ClientMessages, MessageKey } from '@/lib/i18n/messages';

// Not in the client module: a server component importing a 'use client' file gets references.
/** What the live follower says, in the page's language (LiveCoverageView passes them). */
export const LIVE_FOLLOWER_MESSAGES = [
  'live.show.one',
  'live.show.other',
  'live.added.one',
  'live.added.other',
  'live.hasEnded',
  'live.offered',
  'live.reload',
  'live.keyEvent',
  'live.link',
] as const satisfies readonly MessageKey[];

export type LiveFollowerMessages = ClientMessages<typeof LIVE_FOLLOWER_MESSAGES>;
