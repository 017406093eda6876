import { render } from 'preact';
import { browser } from 'wxt/browser';
import { downloadProfile } from '../../components/download';
import { Editor } from '../../components/editor/Editor';
import { t } from '../../lib/state/i18n';
import { loadDraft, loadProfileSources, storeDraft } from '../../lib/state/editor';
import { saveImportedProfile } from '../../lib/state/profiles';
import { profilePageUrl } from '../../lib/state/pages';
import overlayCss from '../overlay.content/style.css?inline';

const lang = t('htmlLang') === 'en' ? 'en' : 'de';

/** Leaving with changes not saved as a profile asks first (the draft itself is kept either way). */
let dirty = false;
addEventListener('beforeunload', (event) => {
  if (!dirty) return;
  event.preventDefault();
  event.returnValue = '';
});

async function main() {
  const [initial, sources] = await Promise.all([loadDraft(), loadProfileSources()]);
  render(
    <Editor
      t={t}
      lang={lang}
      initial={initial}
      sources={sources}
      extensionId={browser.runtime.id}
      overlayCss={overlayCss}
      onStore={storeDraft}
      onDirty={(value) => {
        dirty = value;
      }}
      onSave={saveImportedProfile}
      onExport={downloadProfile}
      letterUrl={(key) => profilePageUrl('/letter.html', key)}
      copy={(text) => navigator.clipboard.writeText(text)}
      confirm={(question) => window.confirm(question)}
    />,
    document.getElementById('app')!,
  );
}

document.documentElement.lang = lang;
document.title = t('edTitle');
void main();
