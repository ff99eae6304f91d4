// The static export has no image optimiser: next/image asks for the resized copies that
// app/img/[width]/[...path]/route.ts writes at build time. Remote images are used as they are.
export default function exportImageLoader({ src, width }) {
  return src.startsWith('/images/') ? `/img/${width}${src}` : src;
}
