import localFont from 'next/font/local';

export const sans = localFont({
  src: [
    { path: './fonts/inter-latin-400-normal.woff2', weight: '400', style: 'normal' },
    { path: './fonts/inter-latin-600-normal.woff2', weight: '600', style: 'normal' },
    { path: './fonts/inter-latin-700-normal.woff2', weight: '700', style: 'normal' },
  ],
  variable: '--font-sans',
  // 'optional' never swaps fonts after the first paint, so text never moves (CLS 0). Only the
  // serif (headlines, the largest text on every page) is preloaded: six preloaded files (134 KB)
  // competed with the page itself on a mobile connection. On a first visit the sans text may
  // therefore keep its metric-matched fallback; the font is cached for the next page.
  display: 'optional',
  preload: false,
  fallback: ['system-ui', 'Segoe UI', 'Roboto', 'Noto Sans KR', 'Arial', 'sans-serif'],
});

export const serif = localFont({
  src: [
    { path: './fonts/source-serif-4-latin-400-normal.woff2', weight: '400', style: 'normal' },
    { path: './fonts/source-serif-4-latin-400-italic.woff2', weight: '400', style: 'italic' },
    { path: './fonts/source-serif-4-latin-700-normal.woff2', weight: '700', style: 'normal' },
  ],
  variable: '--font-serif',
  display: 'optional',
  adjustFontFallback: 'Times New Roman',
  fallback: ['Georgia', 'Noto Serif KR', 'Times New Roman', 'serif'],
});
