import type { Page } from 'playwright-core';

/**
 * Whether the page scrolls sideways at the current viewport width (at 320 CSS pixels, WCAG 1.4.10 asks that it
 * does not), with the elements that stick out the furthest, for the message. `undefined` when it fits.
 * Wide content inside its own scrolling box (a data table) is fine: only the page itself must not scroll.
 */
export async function sidewaysScroll(page: Page): Promise<string | undefined> {
  const result = await page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return undefined;
    const width = root.clientWidth;
    const culprits = [...document.body.querySelectorAll('*')]
      .map((element) => ({ element, rect: element.getBoundingClientRect() }))
      .filter(({ rect }) => rect.width > 0 && (rect.right > width + 1 || rect.left < -1))
      .sort((a, b) => Math.max(b.rect.right - width, -b.rect.left) - Math.max(a.rect.right - width, -a.rect.left))
      .slice(0, 3)
      .map(({ element, rect }) => `<${element.tagName.toLowerCase()}${element.getAttribute('class') ? ` class="${element.getAttribute('class')}"` : ''}> from ${Math.round(rect.left)} to ${Math.round(rect.right)}`);
    return `${location.pathname}${location.search}: the page is ${root.scrollWidth}px wide in a ${width}px viewport; sticking out: ${culprits.join('; ')}`;
  });
  return result ?? undefined;
}
