export function PullQuote({ quote, attribution }: { quote?: string; attribution?: string }) {
  if (!quote) return null;
  return (
    <figure className="mdx-pull-quote">
      <blockquote>
        <p>{quote}</p>
      </blockquote>
      {attribution && <figcaption>{attribution}</figcaption>}
    </figure>
  );
}
