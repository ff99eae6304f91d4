import localFont from 'next/font/local';

// Five faces, not six: text set at 600 is drawn with the 700 face. Each file is subset to the Latin
// range with only the layout features the pages use, a quarter smaller (docs/decisions/0902).
export const sans = localFont({
  src: [
    { path: './fonts/inter-latin-400-normal.woff2', weight: '400', style: 'normal' },
    { path: './fonts/inter-latin-700-normal.woff2', weight: '700', style: 'normal' },
  ],
  variable: '--font-sans',
  // 'optional' never swaps fonts after the first paint, so text never moves (CLS 0); the fonts
  // are preloaded and usually arrive within the 100 ms the browser waits for them. (Without the
  // preload a font that arrives within those 100 ms re-lays out the header: a layout shift.)
  display: 'optional',
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

// Only the Arabic pages use it (SiteDocument adds the variable for a right-to-left language), so
// it is never preloaded: the default language's pages do not pay for it.
export const arabic = localFont({
  src: [
    { path: './fonts/noto-sans-arabic-arabic-400-normal.woff2', weight: '400', style: 'normal' },
    { path: './fonts/noto-sans-arabic-arabic-700-normal.woff2', weight: '700', style: 'normal' },
  ],
  variable: '--font-arabic',
  display: 'swap',
  preload: false,
  fallback: ['Noto Sans Arabic', 'Segoe UI', 'Tahoma', 'sans-serif'],
});
