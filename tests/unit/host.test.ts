import { afterEach, describe, expect, it, vi } from 'vitest';
import { keepShadowHost, type HostKeeper } from '../../entrypoints/overlay.content/host';
import { HOST_NAME } from '../../lib/messages';

/** MutationObserver callbacks run as microtasks: let them. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

let keeper: HostKeeper | null = null;
afterEach(() => {
  keeper?.dispose();
  keeper = null;
  document.body.replaceChildren();
});

describe('the host element', () => {
  it('hangs from <html> with an open shadow root, its box pinned with !important', () => {
    keeper = keepShadowHost(':host { display: block }', () => {});
    const { element, shadow, container } = keeper.host;
    expect(element.tagName.toLowerCase()).toBe(HOST_NAME);
    expect(element.parentElement).toBe(document.documentElement);
    expect(element.shadowRoot).toBe(shadow);
    expect(container.parentNode).toBe(shadow);
    expect(element.style.getPropertyValue('position')).toBe('fixed');
    expect(element.style.getPropertyPriority('position')).toBe('important');
  });

  it('comes back, the same element with its content, when the page removes it or re-renders <body>', async () => {
    keeper = keepShadowHost('', () => {});
    const { element, container } = keeper.host;
    container.textContent = 'state';
    element.remove();
    await settle();
    expect(element.parentElement).toBe(document.documentElement);
    document.body.append(element);
    await settle();
    expect(element.parentElement).toBe(document.documentElement);
    document.body.innerHTML = '<div id="app"></div>';
    await settle();
    expect(keeper.host.element).toBe(element);
    expect(keeper.host.container.textContent).toBe('state');
  });

  it('puts back its content and styles where the page took them from the open shadow root', () => {
    keeper = keepShadowHost('.x { color: red }', () => {});
    const { shadow, container } = keeper.host;
    shadow.replaceChildren();
    shadow.adoptedStyleSheets = [];
    keeper.check();
    expect(container.parentNode).toBe(shadow);
    expect(shadow.adoptedStyleSheets).toHaveLength(1);
  });

  it('takes a name of its own when the page keeps removing it', async () => {
    const renamed = vi.fn();
    keeper = keepShadowHost('', renamed);
    const first = keeper.host;
    for (let i = 0; i < 6; i++) {
      keeper.host.element.remove();
      await settle();
    }
    expect(renamed).toHaveBeenCalledTimes(1);
    const [host, old] = renamed.mock.calls[0]!;
    expect(old).toBe(first);
    expect(host.element.tagName.toLowerCase()).toMatch(new RegExp(`^${HOST_NAME}-[a-z0-9]+$`));
    expect(host.element.isConnected).toBe(true);
    expect(first.element.isConnected).toBe(false);
  });
});
