import { describe, expect, it } from 'vitest';
import { checkDocs, checkDocument, headingAnchors, linkTargets } from '@/scripts/check-docs.mjs';

const files: Record<string, string> = {
  'README.md': '# The Meridian\n',
  'docs/writing.md': '# Writing\n\n## The `npm run new` scaffold\n\n## Images in the body\n',
  'docs/images/article-light.png': '',
  'content/articles/guide.mdx': '',
};
const repo = {
  exists: (file: string) => file in files || file === 'docs',
  read: (file: string) => files[file] ?? '',
  scripts: new Set(['build', 'new', 'bench:cards']),
};
const problems = (text: string, file = 'docs/performance.md') =>
  checkDocument(file, text, repo).map((problem) => `${problem.line}: ${problem.message}`);

describe('docs check', () => {
  it('accepts links to files and headings that exist, and external links', () => {
    const text = [
      'See [writing](writing.md), [images](writing.md#images-in-the-body) and',
      '[the scaffold](./writing.md#the-npm-run-new-scaffold), ![light](images/article-light.png),',
      '[the guide](../content/articles/guide.mdx), [home](../README.md#the-meridian),',
      '[Next](https://nextjs.org/docs), [mail](mailto:desk@example.com), [top](#performance).',
      '',
      '# Performance',
      '',
      'Run `npm run build`, then `npm run bench:cards -- --out /tmp/cards`.',
    ].join('\n');
    expect(problems(text)).toEqual([]);
  });

  it('names the file, line and target of a link to a missing file or heading', () => {
    const text = 'One [gone](deployment.md).\nTwo [moved](writing.md#the-file).\n[up](../../x.md)';
    expect(problems(text)).toEqual([
      '1: link to deployment.md: docs/deployment.md does not exist',
      '2: link to writing.md#the-file: docs/writing.md has no heading #the-file',
      '3: link to ../../x.md: ../x.md does not exist',
    ]);
  });

  it('names an npm script that package.json does not have', () => {
    expect(problems('Run `npm run bench:card` and\n\n```sh\nnpm run deploy\n```\n')).toEqual([
      '1: "npm run bench:card": package.json has no script "bench:card"',
      '4: "npm run deploy": package.json has no script "deploy"',
    ]);
  });

  it('ignores links written as code, in spans and fenced blocks', () => {
    const text = 'Body images (`![…](…)`) and\n\n```md\n[x](nowhere.md)\n```\n';
    expect(linkTargets(text)).toEqual([]);
  });

  it("gives headings GitHub's anchors, repeated ones numbered", () => {
    const anchors = headingAnchors('# A `code` [link](x.md)\n## Same\n## Same\n```\n# not\n```\n');
    expect([...anchors]).toEqual(['a-code-link', 'same', 'same-1']);
  });

  it('finds no problem in the repository', () => {
    expect(checkDocs(process.cwd())).toEqual([]);
  });
});
