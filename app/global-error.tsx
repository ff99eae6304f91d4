'use client';

// Under `npm run dev` a content file with errors throws ContentError while rendering; its message
// lists every problem as file:line:column, and development forwards it here so the editor sees it
// in the browser. Production never reaches this with a content error (the build stops first) and
// forwards only a generic message.
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const message = error instanceof Error ? error.message : String(error);
  const isContent = error instanceof Error && error.message.startsWith('The content has');
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', margin: '2rem', lineHeight: 1.5 }}>
        <title>{isContent ? 'Content error' : 'Something went wrong'}</title>
        <h1>{isContent ? 'A content file has errors' : 'Something went wrong'}</h1>
        {process.env.NODE_ENV === 'development' && (
          <pre style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{message}</pre>
        )}
        <p>{isContent ? 'Save the fixed file and reload.' : 'Reload to try again.'}</p>
        <button type="button" onClick={() => retry()}>
          Reload
        </button>
      </body>
    </html>
  );
}
