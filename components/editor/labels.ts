import type { MessageKey, Translate } from '../../lib/i18n';
import { PLATFORM_NAME } from '../../lib/platforms';
import type { Art13Item } from '../../lib/profiles/art13';
import { HOUSE_RULES, RECORDING_POLICIES, type ProfilePlatform } from '../../lib/profiles/schema';
import { parsePath } from '../../lib/editor/path';
import { BASIS } from '../Summary';
import { categoryTerm, UNTIL_LABEL } from '../text';

/** The form's name for each field of the format, also used to say where an error is. */
export const FIELD_LABEL: Record<string, MessageKey> = {
  $schema: 'edFieldSchema',
  format: 'edFieldFormat',
  id: 'edFieldId',
  version: 'edFieldVersion',
  kind: 'edFieldKind',
  language: 'edFieldLanguage',
  institution: 'edInstitution',
  name: 'edFieldName',
  town: 'edFieldTown',
  state: 'edFieldState',
  address: 'edFieldAddress',
  source: 'edSources',
  document: 'edFieldDocument',
  section: 'edFieldSection',
  url: 'edFieldUrl',
  deployments: 'edDeployments',
  platform: 'edFieldPlatform',
  hosts: 'edHosts',
  controller: 'art13controller',
  dpo: 'art13dpo',
  office: 'summaryOffice',
  email: 'edFieldEmail',
  phone: 'edFieldPhone',
  purposes: 'edPurposes',
  legalBases: 'edLegalBases',
  basis: 'summaryLegalBasis',
  dataCategories: 'edDataCategories',
  category: 'edFieldCategory',
  access: 'edAccess',
  processors: 'edProcessors',
  location: 'edFieldLocation',
  hosting: 'summaryHosting',
  thirdCountryTransfer: 'art13thirdCountry',
  retention: 'art13retention',
  maxDays: 'edFieldMaxDays',
  exceptions: 'edFieldExceptions',
  until: 'edFieldUntil',
  recording: 'summaryRecording',
  policy: 'edFieldRecordingPolicy',
  houseRules: 'summaryHouseRules',
  rule: 'edFieldRule',
  sanction: 'edFieldSanction',
  studentSanction: 'edFieldStudentSanction',
  rights: 'art13rights',
  withdrawConsent: 'art13withdrawConsent',
  complaint: 'art13complaint',
  authority: 'edFieldAuthority',
  askSchool: 'edAskSchool',
  text: 'edFieldText',
  de: 'edLangDe',
  en: 'edLangEn',
};

/** One entry of each list, as buttons and announcements name it ("Zweck 2 entfernen"). */
export const ENTRY_NOUN: Record<string, MessageKey> = {
  deployments: 'edNounDeployment',
  hosts: 'edNounHost',
  source: 'edNounSource',
  purposes: 'edNounPurpose',
  legalBases: 'edNounLegalBasis',
  dataCategories: 'edNounDataCategory',
  access: 'edNounAccess',
  processors: 'edNounProcessor',
  retention: 'edNounRetention',
  houseRules: 'edNounHouseRule',
};

/** Where an error is, in the form's words: "Zweck 2 › Text › Deutsch". */
export function describePath(t: Translate, path: string): string {
  const parts: string[] = [];
  let list: string | null = null;
  for (const key of parsePath(path)) {
    if (typeof key === 'number') {
      const noun = list ? ENTRY_NOUN[list] : undefined;
      if (noun) parts[parts.length - 1] = `${t(noun)} ${key + 1}`;
      else parts.push(String(key + 1));
      continue;
    }
    list = key;
    const label = FIELD_LABEL[key];
    parts.push(label ? t(label) : key);
  }
  return parts.join(' › ') || t('importWhole');
}

const RECORDING: Record<(typeof RECORDING_POLICIES)[number], MessageKey> = {
  forbidden: 'edRecordingForbidden',
  disabled: 'edRecordingDisabled',
  allowed: 'edRecordingAllowed',
  unknown: 'edRecordingUnknown',
};

const RULE: Record<(typeof HOUSE_RULES)[number], MessageKey> = {
  'no-recording': 'ruleNameNoRecording',
  'family-privacy': 'ruleNameFamilyPrivacy',
  'keep-private': 'ruleNameKeepPrivate',
  'no-full-names': 'edRuleNoFullNames',
  'camera-off': 'edRuleCameraOff',
  'usage-agreement': 'edRuleUsageAgreement',
  'leave-last': 'edRuleLeaveLast',
  password: 'edRulePassword',
};

/** The words for each value of a choice field, by the field's name. */
export function choiceLabel(t: Translate, field: string, value: string): string {
  switch (field) {
    case 'platform':
      return t(PLATFORM_NAME[value as ProfilePlatform]);
    case 'basis':
      return t(BASIS[value as keyof typeof BASIS]);
    case 'category':
      return categoryTerm(t, value as Parameters<typeof categoryTerm>[1]);
    case 'until':
      return t(UNTIL_LABEL[value as keyof typeof UNTIL_LABEL]);
    case 'policy':
      return t(RECORDING[value as keyof typeof RECORDING]);
    case 'rule':
      return t(RULE[value as keyof typeof RULE]);
    case 'kind':
      return t(value === 'generic' ? 'edKindGeneric' : 'edKindInstitution');
    case 'language':
      return t(value === 'en' ? 'edLanguageEn' : 'edLanguageDe');
    default:
      return value;
  }
}

/** The Art. 13 items in the law's words (as the options page names them), and what each asks for in one plain line. */
export { ITEM as ART13_NAME } from '../ProfilesSettings';

export const ART13_HINT: Record<Art13Item, MessageKey> = {
  controller: 'edHintController',
  dpo: 'edHintDpo',
  purposes: 'edHintPurposes',
  legalBasis: 'edHintLegalBasis',
  recipients: 'edHintRecipients',
  thirdCountry: 'edHintThirdCountry',
  retention: 'edHintRetention',
  rights: 'edHintRights',
  withdrawConsent: 'edHintWithdrawConsent',
  complaint: 'edHintComplaint',
};
