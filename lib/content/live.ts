import type { Root, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import { site } from '../site';
import { markdown } from './pipeline';
import { dateTime } from './schema';
import type { SourceProblem } from './source';

export const UPDATE_COMPONENT = 'Update';

export interface LiveUpdate {
  /** The anchor on the story page, `update-YYYYMMDD-HHMMSS` in UTC. */
  id: string;
  /** As the editor typed it, with its offset. */
  time: string;
  date: Date;
  title: string;
  pinned: boolean;
  /** The update's MDX, dedented, ready to render on its own. */
  body: string;
  bodyLine: number;
  /** The line of its `<Update` tag. */
  line: number;
  /** The story's URL with the update's anchor. */
  path: string;
}

export interface LiveCoverage {
  start: string;
  /** `live.end`, or the last update when the coverage went idle (see `coverageEnd`). */
  end?: string;
  startDate: Date;
  endDate?: Date;
  /** Coverage had ended when the site was built. */
  ended: boolean;
  /** Ended because nobody updated it for `site.liveIdleHours`, not by `live.end`. */
  idle: boolean;
  /** The body outside the updates. */
  intro: { body: string; bodyLine: number };
  /** Newest first, whatever order they were typed in. */
  updates: LiveUpdate[];
  keyEvents: LiveUpdate[];
  newest?: LiveUpdate;
}

export interface LiveFrontmatter {
  start: string;
  end?: string;
}

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

function isUpdate(node: { type: string; name?: unknown }): node is JsxElement {
  return (
    (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') &&
    node.name === UPDATE_COMPONENT
  );
}

function parse(body: string): Root | undefined {
  try {
    return markdown.parse(body);
  } catch {
    // The content check reports MDX that does not parse, with its position.
    return undefined;
  }
}

export function updateId(date: Date): string {
  const iso = date.toISOString();
  return `update-${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}`;
}

function dedent(text: string): string {
  const lines = text.split('\n');
  const indents = lines
    .filter((line) => line.trim())
    .map((line) => /^[ \t]*/.exec(line)?.[0].length ?? 0);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines
    .map((line) => line.slice(Math.min(cut, /^[ \t]*/.exec(line)?.[0].length ?? 0)))
    .join('\n')
    .trim();
}

/** The update's own MDX and the body line it starts on (for positions when it is rendered). */
function childrenSource(body: string, element: JsxElement): { body: string; line: number } {
  const firstChild = element.children[0]?.position?.start;
  const last = element.children[element.children.length - 1]?.position?.end.offset;
  if (firstChild?.offset === undefined || last === undefined) return { body: '', line: 1 };
  const first = firstChild.offset;
  const lineStart =
    element.type === 'mdxJsxFlowElement' ? body.lastIndexOf('\n', first - 1) + 1 : first;
  return { body: dedent(body.slice(lineStart, last)), line: firstChild.line };
}

/** A top-level `<Update>`, written as a block or on one line (then Markdown wraps it in a paragraph). */
function topLevelUpdate(node: RootContent): JsxElement | undefined {
  if (isUpdate(node)) return node;
  if (node.type !== 'paragraph') return undefined;
  const content = node.children.filter((child) => child.type !== 'text' || child.value.trim());
  const [only] = content;
  return content.length === 1 && only && isUpdate(only) ? only : undefined;
}

function attribute(element: JsxElement, name: string): MdxJsxAttribute | undefined {
  return element.attributes.find(
    (entry): entry is MdxJsxAttribute => entry.type === 'mdxJsxAttribute' && entry.name === name,
  );
}

/** `<Update>` elements in a story that is not live: each is an error. */
export function strayUpdates(body: string, bodyLine: number): SourceProblem[] {
  if (!body.includes(`<${UPDATE_COMPONENT}`)) return [];
  const tree = parse(body);
  if (!tree) return [];
  const problems: SourceProblem[] = [];
  visit(tree, (node) => {
    if (!isUpdate(node)) return;
    problems.push({
      line: (node.position?.start.line ?? 1) + bodyLine - 1,
      column: node.position?.start.column ?? 1,
      message:
        '<Update> is only for live stories: add live: { start: … } to the frontmatter to make this one',
    });
  });
  return problems;
}

export interface CoverageEnd {
  ended: boolean;
  idle: boolean;
  end?: string;
  endDate?: Date;
}

/**
 * The one rule that decides whether live coverage runs at `now`. An explicit `live.end` ends it at
 * that moment. Without one, coverage with no update for `idleHours` is treated as ended at its last
 * update (or its start when it has none): newsrooms forget to close live stories, and a story
 * labelled Live for weeks misleads readers and search engines.
 */
export function coverageEnd(
  live: LiveFrontmatter,
  newest: { time: string; date: Date } | undefined,
  now: Date,
  idleHours: number,
): CoverageEnd {
  if (live.end) {
    const endDate = new Date(live.end);
    return { ended: endDate <= now, idle: false, end: live.end, endDate };
  }
  const last = newest ?? { time: live.start, date: new Date(live.start) };
  if (now.getTime() - last.date.getTime() > idleHours * 3_600_000) {
    return { ended: true, idle: true, end: last.time, endDate: last.date };
  }
  return { ended: false, idle: false };
}

/** What the content check says about coverage the idle rule has ended, in words an editor acts on. */
export function idleWarning(coverage: LiveCoverage, now: Date): string | undefined {
  if (!coverage.idle || !coverage.endDate) return undefined;
  const hours = Math.floor((now.getTime() - coverage.endDate.getTime()) / 3_600_000);
  return `live coverage has had no update for ${hours} hours (since ${coverage.end}), more than the ${site.liveIdleHours} in liveIdleHours (lib/site.ts): it is shown as ended at that time. Add an <Update> if the story is still running, or close it with live.end: ${coverage.end}`;
}

/**
 * Splits a live story's body into its introduction and its updates, once, when content loads, and
 * reports every update the story cannot publish. `now` is the build time.
 */
export function parseLive(
  live: LiveFrontmatter,
  body: string,
  bodyLine: number,
  now: Date,
  url: string,
  idleHours = site.liveIdleHours,
): { coverage: LiveCoverage; problems: SourceProblem[] } {
  const startDate = new Date(live.start);
  const endDate = live.end ? new Date(live.end) : undefined;
  const problems: SourceProblem[] = [];
  const updates: LiveUpdate[] = [];
  const removed: [number, number][] = [];
  const tree = parse(body);
  const at = (node: { position?: { start: { line: number; column: number } } }) => ({
    line: (node.position?.start.line ?? 1) + bodyLine - 1,
    column: node.position?.start.column ?? 1,
  });
  const seen = new Map<number, number>();
  const topLevel = new Set<JsxElement>();

  for (const node of tree?.children ?? []) {
    const element = topLevelUpdate(node);
    if (!element) continue;
    topLevel.add(element);
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start !== undefined && end !== undefined) removed.push([start, end]);
    const problem = (where: { position?: JsxElement['position'] }, message: string) =>
      problems.push({ ...at(where.position ? where : element), message });

    const timeAttribute = attribute(element, 'time');
    const titleAttribute = attribute(element, 'title');
    const pinnedAttribute = attribute(element, 'pinned');
    const time = timeAttribute?.value;
    const title = titleAttribute?.value;
    let valid = true;
    if (timeAttribute === undefined || time === null || time === '') {
      valid = false;
      problem(
        timeAttribute ?? element,
        '<Update> needs time="…": the moment of the update with its time-zone offset, like 2026-11-28T09:30:00+00:00',
      );
    }
    if (titleAttribute === undefined || title === null || (typeof title === 'string' && !title.trim())) {
      valid = false;
      problem(titleAttribute ?? element, '<Update> needs title="…": a short headline for the update');
    }
    let pinned = false;
    if (pinnedAttribute) {
      const value = pinnedAttribute.value;
      if (value === null || value === 'true') pinned = true;
      else if (value !== 'false') {
        problem(
          pinnedAttribute,
          `<Update> pinned="${typeof value === 'string' ? value : '…'}" must be pinned (or pinned="true") to make the update a key event, or left out`,
        );
      }
    }
    // Expression values are reported by the content check's MDX inspection.
    if (typeof time !== 'string' || typeof title !== 'string' || !valid) continue;
    const parsed = dateTime.safeParse(time);
    if (!parsed.success) {
      problem(timeAttribute ?? element, `<Update> time="${time}" ${parsed.error.issues[0]?.message ?? 'is not a date and time'}`);
      continue;
    }
    const date = new Date(time);
    const timeProblem = (message: string) => problem(timeAttribute ?? element, `<Update> time="${time}" ${message}`);
    if (date < startDate) {
      timeProblem(`is before live.start (${live.start}); an update cannot come before the coverage starts`);
      continue;
    }
    if (endDate && date > endDate) {
      timeProblem(`is after live.end (${live.end}); move live.end later or remove the update`);
      continue;
    }
    if (date > now) {
      timeProblem(
        `is in the future (the build ran at ${now.toISOString()}); add the update when it has happened`,
      );
      continue;
    }
    const twin = seen.get(date.getTime());
    if (twin !== undefined) {
      timeProblem(`is the same moment as the update on line ${twin}; give each update its own time`);
      continue;
    }
    const line = at(element).line;
    seen.set(date.getTime(), line);
    const source = childrenSource(body, element);
    const id = updateId(date);
    updates.push({
      id,
      time,
      date,
      title: title.trim(),
      pinned,
      body: source.body,
      bodyLine: source.line + bodyLine - 1,
      line,
      path: `${url}#${id}`,
    });
  }

  if (tree) {
    visit(tree, (node) => {
      if (isUpdate(node) && !topLevel.has(node)) {
        problems.push({
          ...at(node),
          message:
            '<Update> must stand on its own at the top level of the body, not inside another element',
        });
      }
    });
  }

  let intro = '';
  let from = 0;
  for (const [start, end] of removed) {
    intro += body.slice(from, start);
    from = end;
  }
  intro = (intro + body.slice(from)).replace(/\n{3,}/g, '\n\n').trim();
  updates.sort((a, b) => b.date.getTime() - a.date.getTime());
  return {
    coverage: {
      start: live.start,
      startDate,
      ...coverageEnd(live, updates[0], now, idleHours),
      intro: { body: intro, bodyLine },
      updates,
      keyEvents: updates.filter((update) => update.pinned),
      newest: updates[0],
    },
    problems,
  };
}
