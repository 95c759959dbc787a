import type { Page } from 'playwright-core';

/** What the focused element is and how it looks, measured in the page. */
export interface FocusState {
  /** e.g. `<a href="#main"> "Skip to main content"`, for messages. */
  description: string;
  /** Whether it is a link to the page's `main` element (a skip link). */
  linksToMain: boolean;
  /** Whether it is the `main` element itself. */
  isMain: boolean;
  box: { x: number; y: number; width: number; height: number };
  viewport: { width: number; height: number };
  /** Hidden in a way a bounding box does not show (opacity 0, visibility hidden, clipped away). */
  hiddenByStyle: boolean;
  outline: { style: string; width: number; color: string };
  boxShadow: string;
  /** Contrast between the outline colour and the background around the element (WCAG 1.4.11 asks for 3:1). */
  outlineContrast: number;
}

/**
 * Runs in the page: describes `document.activeElement`, or returns null when nothing (or only the body) has focus.
 * Self-contained on purpose, as Playwright sends its source to the page.
 */
function describeFocus(): FocusState | null {
  const element = document.activeElement as HTMLElement | null;
  if (!element || element === document.body || element === document.documentElement) return null;
  const rect = element.getBoundingClientRect();
  const style = getComputedStyle(element);
  const rgba = (color: string): number[] => {
    const parts = /rgba?\(([^)]+)\)/.exec(color)?.[1]?.split(/[\s,/]+/).filter(Boolean).map(Number) ?? [0, 0, 0, 0];
    return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
  };
  const luminance = ([r, g, b]: number[]) => {
    const channel = (value: number) => {
      const c = value / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
  };
  const backgroundOf = (nodes: Element[]): number[] => {
    for (const node of nodes) {
      const color = rgba(getComputedStyle(node).backgroundColor);
      if (color[3]! > 0) return color;
    }
    return [255, 255, 255, 1];
  };
  const contrast = (a: number[], b: number[]) => {
    const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (light! + 0.05) / (dark! + 0.05);
  };
  // The ring is painted around the element, over whatever lies behind it there: for a positioned element (the skip
  // link sits over the header) that is not its parent. Look under the middle of each side of the ring.
  const outlineColor = rgba(style.outlineColor);
  const ring = (parseFloat(style.outlineOffset) || 0) + (parseFloat(style.outlineWidth) || 0) / 2;
  const [midX, midY] = [rect.left + rect.width / 2, rect.top + rect.height / 2];
  const behind = [[rect.left - ring, midY], [rect.right + ring, midY], [midX, rect.top - ring], [midX, rect.bottom + ring]]
    .map(([x, y]) => document.elementsFromPoint(x!, y!).filter((node) => !element.contains(node)))
    .filter((nodes) => nodes.length > 0);
  const ancestors: Element[] = [];
  for (let node = element.parentElement; node; node = node.parentElement) ancestors.push(node);
  const backgrounds = (behind.length > 0 ? behind : [ancestors]).map(backgroundOf);
  const outlineContrast = outlineColor[3] === 0 ? 1 : Math.min(...backgrounds.map((background) => contrast(outlineColor, background)));
  const href = element.getAttribute('href');
  const target = href?.startsWith('#') ? document.getElementById(decodeURIComponent(href.slice(1))) : null;
  const isMainElement = (node: Element | null) => !!node && (node.tagName === 'MAIN' || node.getAttribute('role') === 'main');
  const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 50);
  return {
    description: `<${element.tagName.toLowerCase()}${href ? ` href="${href}"` : ''}${element.getAttribute('class') ? ` class="${element.getAttribute('class')}"` : ''}> "${text}"`,
    linksToMain: element.tagName === 'A' && isMainElement(target),
    isMain: isMainElement(element),
    box: { x: rect.x, y: rect.y, width: rect.width, height: rect.height },
    viewport: { width: window.innerWidth, height: window.innerHeight },
    hiddenByStyle: style.visibility !== 'visible' || Number(style.opacity) === 0 || (style.clipPath !== 'none' && style.clipPath !== '') || (style.clip !== 'auto' && style.clip !== ''),
    outline: { style: style.outlineStyle, width: parseFloat(style.outlineWidth) || 0, color: style.outlineColor },
    boxShadow: style.boxShadow,
    outlineContrast,
  };
}

/** The focused element, measured (null when nothing has focus). */
export function focusState(page: Page): Promise<FocusState | null> {
  return page.evaluate(describeFocus);
}

function isInsideViewport(state: FocusState): boolean {
  const { box, viewport } = state;
  return box.width > 0 && box.height > 0 && box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height;
}

/** Problems with how focus shows on this element: no visible indicator, or one that does not stand out 3:1. */
export function focusIndicatorProblems(state: FocusState): string[] {
  const { outline, boxShadow } = state;
  const hasOutline = outline.style !== 'none' && outline.width >= 2;
  if (!hasOutline && boxShadow === 'none') {
    const shown = outline.style === 'none' ? 'none' : `${outline.style} ${outline.width}px`;
    return [`${state.description}: no visible focus indicator (outline ${shown}, no box-shadow)`];
  }
  if (hasOutline && state.outlineContrast < 3) {
    return [`${state.description}: focus outline ${outline.color} has contrast ${state.outlineContrast.toFixed(2)}:1 with the background around it (3:1 needed)`];
  }
  return [];
}

/**
 * Presses Tab once from the top of a freshly loaded page and checks the skip link: it is the first element focused,
 * it is visible (non-zero size, wholly inside the viewport, not hidden by style) with a focus ring once focused, and
 * Enter moves focus to `main`. Returns the problems found, an empty list when all is well.
 */
export async function checkSkipLink(page: Page): Promise<string[]> {
  await page.keyboard.press('Tab');
  const first = await focusState(page);
  if (!first) return ['Tab from the top of the page focuses nothing'];
  const problems: string[] = [];
  if (!first.linksToMain) problems.push(`the first element Tab reaches is ${first.description}, not a skip link to the main content`);
  if (!isInsideViewport(first) || first.hiddenByStyle) {
    problems.push(`${first.description} is not visible when focused (box ${JSON.stringify(first.box)} in a ${first.viewport.width}×${first.viewport.height} viewport${first.hiddenByStyle ? ', hidden by style' : ''})`);
  }
  problems.push(...focusIndicatorProblems(first));
  // Enter on anything but a skip link would leave the page: there is nothing more to check then.
  if (!first.linksToMain) return problems;
  await page.keyboard.press('Enter');
  const after = await focusState(page);
  if (!after?.isMain) problems.push(`Enter on ${first.description} moves focus to ${after?.description ?? 'nothing'}, not to main`);
  return problems;
}

/**
 * Tabs through a freshly loaded page from the top, up to `maxStops` elements, and checks at each stop that the focused
 * element shows a focus indicator that stands out, and is at least partly inside the viewport once focused (the
 * browser scrolls to it; WCAG 2.4.11). Returns the problems and the number of elements visited.
 */
export async function checkFocusIndicators(page: Page, maxStops = 80): Promise<{ problems: string[]; stops: number }> {
  const problems: string[] = [];
  let first: string | undefined;
  let stops = 0;
  for (; stops < maxStops; stops++) {
    await page.keyboard.press('Tab');
    const state = await focusState(page);
    // Past the last element focus leaves the page (or comes round again): the whole page was visited.
    if (!state || state.description === first) break;
    first ??= state.description;
    problems.push(...focusIndicatorProblems(state));
    const { box, viewport } = state;
    const partlyVisible = box.width > 0 && box.height > 0 && box.x < viewport.width && box.x + box.width > 0 && box.y < viewport.height && box.y + box.height > 0;
    if (!partlyVisible || state.hiddenByStyle) problems.push(`${state.description}: focused but not visible (box ${JSON.stringify(box)})`);
  }
  return { problems, stops };
}

/**
 * Presses Tab until the focused element matches `selector` (at most `maxStops` times); true when it got there.
 * Proves the element is reachable from the keyboard, in the page's own Tab order.
 */
export async function tabTo(page: Page, selector: string, maxStops = 60): Promise<boolean> {
  for (let stop = 0; stop < maxStops; stop++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return true;
  }
  return false;
}
