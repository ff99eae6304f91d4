/** The secret the e2e server build signs preview links with (playwright.config.ts). */
export const E2E_PREVIEW_SECRET = 'e2e-preview-secret-not-for-production-0123456789';
