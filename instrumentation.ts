/**
 * Loads the content when the server starts, so the revalidate hook (app/api/revalidate) can tell
 * what an editor changed afterwards: prerendered pages are served without reading content/. In
 * production, puts the request gate (lib/request-gate.ts) in front of Next's router.
 */
export async function register() {
  if (
    process.env.NEXT_RUNTIME !== 'nodejs' ||
    process.env.NEXT_PHASE === 'phase-production-build'
  ) {
    return;
  }
  if (process.env.NODE_ENV === 'production') {
    const { installRequestGate } = await import('@/lib/request-gate');
    installRequestGate();
  }
  const { getArticles } = await import('@/lib/content');
  try {
    getArticles();
  } catch (error) {
    // Content that no longer loads must not stop the server serving what the build prerendered.
    console.error(error);
  }
}
