import { render, type ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Translate } from '../../lib/i18n';
import { plural } from '../../lib/plural';
import type { Profile } from '../../lib/profiles/schema';
import { JoinNotice } from '../JoinNotice';
import { Summary } from '../Summary';
import type { Lang } from '../text';

/** Shows the panel in place instead of pinned to the window, as the conference page would. */
const IN_PLACE = ':host { position: static; inset: auto; z-index: auto; } .notice { max-height: none; box-shadow: none; }';

/** The join notice in a shadow root with the conference overlay's own stylesheet: it looks as it does there. */
function OverlayFrame({ css, children }: { css: string; children: ComponentChildren }) {
  const host = useRef<HTMLDivElement>(null);
  const [root, setRoot] = useState<HTMLElement | null>(null);
  useLayoutEffect(() => {
    const element = host.current;
    if (!element || element.shadowRoot) return;
    const shadow = element.attachShadow({ mode: 'open' });
    shadow.adoptedStyleSheets = [css, IN_PLACE].map((text) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(text);
      return sheet;
    });
    const container = document.createElement('div');
    container.className = 'root';
    shadow.append(container);
    setRoot(container);
  }, []);
  // Drawn into the shadow root as a tree of its own, again whenever the preview changes.
  useLayoutEffect(() => {
    if (root) render(children, root);
  });
  useEffect(() => () => root && render(null, root), [root]);
  return <div ref={host} class="overlay-frame" data-testid="preview-notice" />;
}

const nothing = () => {};

interface Props {
  t: Translate;
  lang: Lang;
  profile: Profile;
  platformName: string;
  /** Paths of the draft left out because they have errors. */
  omitted: readonly string[];
  /** The conference overlay's stylesheet. */
  overlayCss: string;
}

/**
 * What students and parents would see of the draft, drawn by the same components as in the
 * conference and in the popup. Parts with errors are left out and counted.
 */
export function Preview({ t, lang, profile, platformName, omitted, overlayCss }: Props) {
  return (
    <section class="preview" aria-labelledby="preview-heading" data-testid="preview">
      <h2 id="preview-heading">{t('edPreviewHeading')}</h2>
      {omitted.length > 0 && (
        <p class="note" data-testid="preview-omitted">
          {plural(t, 'edPreviewOmitted', omitted.length)}
        </p>
      )}
      <h3>{t('edPreviewStudents')}</h3>
      <OverlayFrame css={overlayCss}>
        <JoinNotice t={t} lang={lang} platformName={platformName} profile={profile} role="student" autoFocus={false} onAcknowledge={nothing} onClose={nothing} onMore={nothing} />
      </OverlayFrame>
      <h3>{t('edPreviewParents')}</h3>
      <div class="preview-summary" data-testid="preview-summary">
        <Summary t={t} lang={lang} profile={profile} />
      </div>
    </section>
  );
}
