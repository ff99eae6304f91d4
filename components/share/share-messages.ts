import type { MessageKey, MessageText } from '@/lib/i18n/messages';

// Not in the client module: a server component importing a 'use client' file gets references.
/** What the share bar's client part says, in the page's language (ShareBar passes them). */
export const SHARE_ACTION_MESSAGES = [
  'share.native',
  'share.copy',
  'share.copied',
  'share.copyFailed',
] as const satisfies readonly MessageKey[];

export type ShareActionText = MessageText<typeof SHARE_ACTION_MESSAGES>;
