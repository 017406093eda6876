/**
 * The single host element of all in-page UI: `<konferenzlotse-ui>` with an open shadow root.
 *
 * Styles go in as a constructed stylesheet (adoptedStyleSheets), which a page CSP such as
 * `style-src 'self'` does not block; WXT's createShadowRootUi writes an inline <style>, which it
 * may. Key events stop at the shadow root so typing in the overlay never fires the
 * conference's own keyboard shortcuts.
 */
export function mountShadowHost(css: string) {
  const element = document.createElement('konferenzlotse-ui');
  const shadow = element.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  shadow.adoptedStyleSheets = [sheet];
  const container = document.createElement('div');
  container.className = 'root';
  shadow.append(container);
  for (const type of ['keydown', 'keyup', 'keypress'] as const) {
    shadow.addEventListener(type, (event) => event.stopPropagation());
  }
  (document.body ?? document.documentElement).append(element);
  return { element, container, remove: () => element.remove() };
}
