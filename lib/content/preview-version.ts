import { splitFrontmatter } from './source';

const PREVIEW_VERSION_LINE = /^previewVersion\s*:\s*(\d+)/;

/**
 * The article file text with `previewVersion` raised by one (added as 2 when absent), every other
 * line as it was: the edit that revokes a story's preview links.
 */
export function bumpPreviewVersion(text: string): { text: string; version: number } {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const source = text.slice(bom.length);
  if (typeof splitFrontmatter(source) !== 'object') {
    throw new Error('the file has no frontmatter between two --- lines to add previewVersion to');
  }
  const lines = source.split('\n');
  const end = lines.findIndex((line, index) => index > 0 && line.trimEnd() === '---');
  const eol = lines[end]?.endsWith('\r') ? '\r' : '';
  for (let index = 1; index < end; index++) {
    const match = PREVIEW_VERSION_LINE.exec(lines[index] ?? '');
    if (match) {
      const version = Number(match[1]) + 1;
      lines[index] = (lines[index] ?? '').replace(PREVIEW_VERSION_LINE, `previewVersion: ${version}`);
      return { text: bom + lines.join('\n'), version };
    }
  }
  lines.splice(end, 0, `previewVersion: 2${eol}`);
  return { text: bom + lines.join('\n'), version: 2 };
}
