import type { ComponentChildren } from 'preact';
import type { MessageKey } from '../../lib/i18n';
import { fieldId } from '../../lib/editor/path';
import { useEditor } from './context';
import {
  CheckField,
  ChoiceField,
  ContactFields,
  FactFields,
  ListField,
  NumberField,
  OptionalGroup,
  SourcesField,
  TextField,
  TextPair,
} from './fields';

/** One part of the form, with the Art. 13 item it answers where it answers one. */
function Section({ name, title, law, hint, children }: { name: string; title: string; law?: string; hint?: string; children: ComponentChildren }) {
  const id = `s-${fieldId(name)}`;
  return (
    <section class="form-section" id={id} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        {title}
        {law && <span class="law"> · {law}</span>}
      </h2>
      {hint && <p class="hint">{hint}</p>}
      {children}
    </section>
  );
}

function ContactSection({ name, title, law, hint, noun }: { name: 'controller' | 'dpo' | 'office'; title: MessageKey; law?: string; hint: MessageKey; noun: MessageKey }) {
  const { t } = useEditor();
  return (
    <Section name={name} title={t(title)} law={law} hint={t(hint)}>
      <OptionalGroup path={[name]} noun={t(noun)}>
        <ContactFields path={[name]} />
      </OptionalGroup>
    </Section>
  );
}

function FactSection({ name, title, law, hint, noun }: { name: 'hosting' | 'thirdCountryTransfer' | 'rights' | 'withdrawConsent'; title: MessageKey; law?: string; hint: MessageKey; noun: MessageKey }) {
  const { t } = useEditor();
  return (
    <Section name={name} title={t(title)} law={law} hint={t(hint)}>
      <OptionalGroup path={[name]} noun={t(noun)}>
        <FactFields path={[name]} label={t('edFieldText')} />
      </OptionalGroup>
    </Section>
  );
}

/** A list of plain facts (purposes, access): each a text with its sources. */
function FactList({ name, title, law, hint }: { name: 'purposes' | 'access'; title: MessageKey; law: string; hint: MessageKey }) {
  const { t } = useEditor();
  return (
    <Section name={name} title={t(title)} law={law}>
      <ListField path={[name]} legend={t(title)} hint={t(hint)}>
        {(item) => <FactFields path={item} label={t('edFieldText')} />}
      </ListField>
    </Section>
  );
}

/** The whole profile format as a form, in the order of a notice: who, what for, which data, who sees it, how long, which rights. */
export function ProfileForm() {
  const { t } = useEditor();
  return (
    <div class="profile-form">
      <Section name="basics" title={t('edBasics')}>
        <div class="cols">
          <TextField path={['id']} label={t('edFieldId')} hint={t('edHintId')} required />
          <NumberField path={['version']} label={t('edFieldVersion')} hint={t('edHintVersion')} required />
        </div>
        <div class="cols">
          <ChoiceField path={['kind']} label={t('edFieldKind')} noEmpty required />
          <ChoiceField path={['language']} label={t('edFieldLanguage')} hint={t('edHintLanguage')} noEmpty required />
        </div>
      </Section>

      <Section name="institution" title={t('edInstitution')}>
        <TextField path={['institution', 'name']} label={t('edFieldName')} hint={t('edHintInstitutionName')} required />
        <div class="cols">
          <TextField path={['institution', 'town']} label={t('edFieldTown')} />
          <TextField path={['institution', 'state']} label={t('edFieldState')} />
        </div>
        <TextField path={['institution', 'address']} label={t('edFieldAddress')} />
        <SourcesField path={['institution']} />
      </Section>

      <Section name="deployments" title={t('edDeployments')}>
        <ListField path={['deployments']} legend={t('edDeployments')} hint={t('edHintDeployments')}>
          {(item) => (
            <>
              <ChoiceField path={[...item, 'platform']} label={t('edFieldPlatform')} required />
              <ListField path={[...item, 'hosts']} legend={t('edHosts')} hint={t('edHintHosts')} inline>
                {(host, name) => <TextField path={host} label={name} />}
              </ListField>
              <SourcesField path={item} />
            </>
          )}
        </ListField>
      </Section>

      <ContactSection name="controller" title="art13controller" law={t('edLaw13_1a')} hint="edHintController" noun="edNounController" />
      <ContactSection name="dpo" title="art13dpo" law={t('edLaw13_1b')} hint="edHintDpo" noun="edNounDpo" />
      <ContactSection name="office" title="summaryOffice" hint="edHintOffice" noun="edNounOffice" />

      <FactList name="purposes" title="edPurposes" law={t('edLaw13_1c')} hint="edHintPurposes" />

      <Section name="legalBases" title={t('edLegalBases')} law={t('edLaw13_1c')}>
        <ListField path={['legalBases']} legend={t('edLegalBases')} hint={t('edHintLegalBasis')}>
          {(item) => (
            <>
              <ChoiceField path={[...item, 'basis']} label={t('summaryLegalBasis')} required />
              <FactFields path={item} label={t('edFieldText')} />
            </>
          )}
        </ListField>
      </Section>

      <Section name="dataCategories" title={t('edDataCategories')}>
        <ListField path={['dataCategories']} legend={t('edDataCategories')} hint={t('edHintDataCategories')}>
          {(item) => (
            <>
              <ChoiceField path={[...item, 'category']} label={t('edFieldCategory')} required />
              <FactFields path={item} label={t('edFieldText')} />
            </>
          )}
        </ListField>
      </Section>

      <FactList name="access" title="edAccess" law={t('edLaw13_1e')} hint="edHintAccess" />

      <Section name="processors" title={t('edProcessors')} law={t('edLaw13_1e')}>
        <ListField path={['processors']} legend={t('edProcessors')} hint={t('edHintProcessors')}>
          {(item) => (
            <>
              <TextField path={[...item, 'name']} label={t('edFieldName')} required />
              <TextPair path={[...item, 'location']} label={t('edFieldLocation')} rows={1} />
              <FactFields path={item} label={t('edFieldText')} />
            </>
          )}
        </ListField>
      </Section>

      <FactSection name="hosting" title="summaryHosting" hint="edHintHosting" noun="edNounHosting" />
      <FactSection name="thirdCountryTransfer" title="art13thirdCountry" law={t('edLaw13_1f')} hint="edHintThirdCountry" noun="edNounThirdCountry" />

      <Section name="retention" title={t('art13retention')} law={t('edLaw13_2a')}>
        <ListField path={['retention']} legend={t('art13retention')} hint={t('edHintRetention')}>
          {(item) => (
            <>
              <ChoiceField path={[...item, 'category']} label={t('edFieldCategory')} required />
              <div class="cols">
                <NumberField path={[...item, 'maxDays']} label={t('edFieldMaxDays')} hint={t('edHintMaxDays')} />
                <ChoiceField path={[...item, 'until']} label={t('edFieldUntil')} hint={t('edHintUntil')} />
              </div>
              <CheckField path={[...item, 'exceptions']} label={t('edFieldExceptions')} />
              <FactFields path={item} label={t('edFieldText')} />
            </>
          )}
        </ListField>
      </Section>

      <Section name="recording" title={t('summaryRecording')} hint={t('edHintRecording')}>
        <OptionalGroup path={['recording']} noun={t('edNounRecording')}>
          <ChoiceField path={['recording', 'policy']} label={t('edFieldRecordingPolicy')} required />
          <FactFields path={['recording']} label={t('edFieldText')} />
        </OptionalGroup>
      </Section>

      <Section name="houseRules" title={t('summaryHouseRules')}>
        <ListField path={['houseRules']} legend={t('summaryHouseRules')} hint={t('edHintHouseRules')}>
          {(item) => (
            <>
              <ChoiceField path={[...item, 'rule']} label={t('edFieldRule')} required />
              <TextPair path={[...item, 'text']} label={t('edFieldText')} required />
              <TextPair path={[...item, 'sanction']} label={t('edFieldSanction')} hint={t('edHintSanction')} rows={2} />
              <TextPair path={[...item, 'studentSanction']} label={t('edFieldStudentSanction')} hint={t('edHintStudentSanction')} rows={2} />
              <SourcesField path={item} />
            </>
          )}
        </ListField>
      </Section>

      <FactSection name="rights" title="art13rights" law={t('edLaw13_2b')} hint="edHintRights" noun="edNounRights" />
      <FactSection name="withdrawConsent" title="art13withdrawConsent" law={t('edLaw13_2c')} hint="edHintWithdrawConsent" noun="edNounWithdraw" />

      <Section name="complaint" title={t('art13complaint')} law={t('edLaw13_2d')} hint={t('edHintComplaint')}>
        <OptionalGroup path={['complaint']} noun={t('edNounComplaint')}>
          <TextField path={['complaint', 'authority']} label={t('edFieldAuthority')} />
          <FactFields path={['complaint']} label={t('edFieldText')} />
        </OptionalGroup>
      </Section>

      <Section name="askSchool" title={t('edAskSchool')} hint={t('edHintAskSchool')}>
        <TextPair path={['askSchool']} label={t('edAskSchool')} rows={2} />
      </Section>
    </div>
  );
}
