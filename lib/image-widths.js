// The widths next/image may ask for, shared by next.config.js and the export's image variants
// (app/img/[width]/[...path]/route.ts). Images are at most a 60rem column, so 1920 covers 2x.
export const deviceSizes = [640, 828, 1200, 1920];
export const imageSizes = [96, 256, 384];
