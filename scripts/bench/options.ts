export interface Options {
  articles: number;
  port: number;
  duration: number;
  connections: number;
  rebuilds: boolean;
  serve: boolean;
  liveEdit: boolean;
  keep: boolean;
  reuseBuild: boolean;
  prerenderNewest?: number;
}

export function parseArgs(argv: string[]): Options {
  const value = (name: string) => {
    const at = argv.indexOf(name);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const options = {
    articles: Number(value('--articles') ?? 1000),
    port: Number(value('--port') ?? process.env.BENCH_PORT ?? 3116),
    duration: Number(value('--duration') ?? 10),
    connections: Number(value('--connections') ?? 10),
    rebuilds: !argv.includes('--no-rebuilds'),
    serve: !argv.includes('--no-serve'),
    liveEdit: !argv.includes('--no-live-edit'),
    keep: argv.includes('--keep'),
    reuseBuild: argv.includes('--reuse-build'),
    prerenderNewest:
      value('--prerender-newest') === undefined ? undefined : Number(value('--prerender-newest')),
  };
  if (!Number.isInteger(options.articles) || options.articles < 1) {
    throw new Error('--articles must be a positive whole number');
  }
  return options;
}
