import type { ComponentChildren } from 'preact';
import type { MessageKey, Translate } from '../lib/i18n';
import { PLATFORM_NAME } from '../lib/platforms';
import { plural } from '../lib/plural';
import { checkArt13 } from '../lib/profiles/art13';
import { describeSource } from '../lib/profiles/register';
import type { Contact, Profile, Retention, Source, Text } from '../lib/profiles/schema';
import { BASIS } from './Summary';
import { categoryNames, categoryTerm, pick, retentionLines, UNTIL_LABEL, type Lang } from './text';

interface Props {
  t: Translate;
  lang: Lang;
  profile: Profile;
}

/** "A, B and C" in the reader's language. */
const listOf = (lang: Lang, items: readonly string[]) => new Intl.ListFormat(lang, { type: 'conjunction' }).format(items);

/** What the profile does not say, shown as such: never filled in. */
function Gap({ t, what }: { t: Translate; what: string }) {
  return (
    <span class="gap" data-gap={what}>
      {t('letterGap')}
    </span>
  );
}

function ContactBlock({ t, contact }: { t: Translate; contact: Contact }) {
  return (
    <p class="contact">
      <strong>{contact.name}</strong>
      {contact.address && (
        <>
          <br />
          {contact.address}
        </>
      )}
      {contact.email && (
        <>
          <br />
          {t('letterEmail', contact.email)}
        </>
      )}
      {contact.phone && (
        <>
          <br />
          {t('letterPhone', contact.phone)}
        </>
      )}
      {contact.url && (
        <>
          <br />
          {contact.url}
        </>
      )}
    </p>
  );
}

function Part({ n, title, law, name, children }: { n: number; title: string; law?: string; name: string; children: ComponentChildren }) {
  return (
    <section class="letter-part" data-part={name} aria-labelledby={`part-${name}`}>
      <h2 id={`part-${name}`}>
        {n}. {title}
        {law && <span class="law"> ({law})</span>}
      </h2>
      {children}
    </section>
  );
}

/** How long one kind of data is kept, as the entry states it: its text, then the period it names. */
function retentionPeriod(t: Translate, entry: Retention): string {
  const parts: string[] = [];
  if (entry.maxDays !== undefined) parts.push(t('letterAtMost', plural(t, 'countDays', entry.maxDays)));
  if (entry.until) parts.push(t(UNTIL_LABEL[entry.until]));
  if (entry.exceptions) parts.push(t('letterExceptions'));
  return parts.join(', ');
}

/** Every document the profile cites, once, as people read them (title and issuer; the sections stay in the summary). */
function allDocuments(profile: Profile): string[] {
  const found: Source[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (key === 'source' && Array.isArray(child)) found.push(...(child as Source[]));
        else walk(child);
      }
    }
  };
  walk(profile);
  return [...new Set(found.map((s) => describeSource({ document: s.document }).label))];
}

/**
 * The parents' letter: the Art. 13 information in the order the article lists it, the rules of
 * the conference, and, where consent is a legal basis, a consent form to sign and return.
 * What the profile does not say is printed as "nicht angegeben".
 */
export function Letter({ t, lang, profile: p }: Props) {
  const status = Object.fromEntries(checkArt13(p).map((r) => [r.item, r.status]));
  const consent = p.legalBases?.some((b) => b.basis === 'consent') ?? false;
  const platforms = listOf(lang, [...new Set(p.deployments.map((d) => t(PLATFORM_NAME[d.platform])))]);
  const place = [p.institution.address ?? p.institution.town, p.institution.address ? undefined : p.institution.state].filter(Boolean).join(', ');
  const gap = (what: string) => <Gap t={t} what={what} />;
  const facts = <T extends { text: Text }>(items: readonly T[] | undefined, what: string, label?: (item: T) => string) =>
    items?.length ? (
      <ul>
        {items.map((item, i) => (
          <li key={i}>
            {label && <strong>{label(item)}: </strong>}
            {pick(item.text, lang)}
          </li>
        ))}
      </ul>
    ) : (
      <p>{gap(what)}</p>
    );
  const fact = (item: { text: Text } | undefined, what: string) => <p>{item ? pick(item.text, lang) : gap(what)}</p>;
  const law = (key: MessageKey) => t(key);

  return (
    <article class="letter" data-testid="letter" data-profile={p.id}>
      <header class="letter-head">
        <p class="sender">
          <strong>{p.institution.name}</strong>
          {place && (
            <>
              <br />
              {place}
            </>
          )}
        </p>
      </header>
      <h1>{t('letterTitle')}</h1>
      <p class="subtitle">{t('letterSubtitle')}</p>
      <p>{t('letterGreeting')}</p>
      <p>{t('letterIntro', [p.institution.name, platforms])}</p>
      {p.kind === 'generic' && <p class="note">{t('summaryGeneric')}</p>}
      {p.askSchool && <p class="note">{pick(p.askSchool, lang)}</p>}

      <Part n={1} name="controller" title={t('art13controller')} law={law('edLaw13_1a')}>
        {p.controller ? <ContactBlock t={t} contact={p.controller} /> : <p>{gap('controller')}</p>}
        {p.office && (
          <>
            <h3>{t('summaryOffice')}</h3>
            <ContactBlock t={t} contact={p.office} />
          </>
        )}
      </Part>
      <Part n={2} name="dpo" title={t('art13dpo')} law={law('edLaw13_1b')}>
        {p.dpo ? <ContactBlock t={t} contact={p.dpo} /> : <p>{gap('dpo')}</p>}
      </Part>
      <Part n={3} name="purposes" title={t('art13purposes')} law={law('edLaw13_1c')}>
        {facts(p.purposes, 'purposes')}
      </Part>
      <Part n={4} name="legalBasis" title={t('art13legalBasis')} law={law('edLaw13_1c')}>
        {facts(p.legalBases, 'legalBasis', (b) => t(BASIS[b.basis]))}
      </Part>
      <Part n={5} name="data" title={t('letterData')}>
        {facts(p.dataCategories, 'data', (c) => categoryTerm(t, c.category))}
      </Part>
      <Part n={6} name="recipients" title={t('letterRecipients')} law={law('edLaw13_1e')}>
        {p.access?.length || p.processors?.length ? (
          <>
            {p.access?.length ? facts(p.access, 'access') : null}
            {p.processors?.length ? (
              <>
                <h3>{t('summaryProcessors')}</h3>
                <ul>
                  {p.processors.map((proc, i) => (
                    <li key={i}>
                      <strong>{proc.name}</strong>
                      {proc.location && ` (${pick(proc.location, lang)})`}: {pick(proc.text, lang)}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        ) : (
          <p>{gap('recipients')}</p>
        )}
        {p.hosting && (
          <>
            <h3>{t('summaryHosting')}</h3>
            {fact(p.hosting, 'hosting')}
          </>
        )}
      </Part>
      <Part n={7} name="thirdCountry" title={t('art13thirdCountry')} law={law('edLaw13_1f')}>
        {fact(p.thirdCountryTransfer, 'thirdCountry')}
      </Part>
      <Part n={8} name="retention" title={t('art13retention')} law={law('edLaw13_2a')}>
        {p.retention?.length ? (
          <ul>
            {p.retention.map((entry, i) => {
              const period = retentionPeriod(t, entry);
              return (
                <li key={i} data-testid="letter-retention">
                  <strong>{categoryTerm(t, entry.category)}:</strong> {pick(entry.text, lang)}
                  {period && <> ({period})</>}
                </li>
              );
            })}
          </ul>
        ) : (
          <p>{gap('retention')}</p>
        )}
      </Part>
      <Part n={9} name="rights" title={t('art13rights')} law={law('edLaw13_2b')}>
        {fact(p.rights, 'rights')}
      </Part>
      <Part n={10} name="withdrawConsent" title={t('art13withdrawConsent')} law={law('edLaw13_2c')}>
        {status.withdrawConsent === 'not-applicable' ? <p>{t('letterNoConsent')}</p> : fact(p.withdrawConsent, 'withdrawConsent')}
      </Part>
      <Part n={11} name="complaint" title={t('art13complaint')} law={law('edLaw13_2d')}>
        {p.complaint?.authority && <p>{t('summaryAuthority', p.complaint.authority)}</p>}
        {fact(p.complaint, 'complaint')}
      </Part>
      <Part n={12} name="rules" title={t('letterRules')}>
        <h3>{t('summaryRecording')}</h3>
        {fact(p.recording, 'recording')}
        <h3>{t('summaryHouseRules')}</h3>
        {p.houseRules?.length ? (
          <ul>
            {p.houseRules.map((rule, i) => (
              <li key={i}>
                {pick(rule.text, lang)}
                {rule.sanction && <> {t('summarySanction', pick(rule.sanction, lang))}</>}
              </li>
            ))}
          </ul>
        ) : (
          <p>{gap('houseRules')}</p>
        )}
      </Part>

      <footer class="letter-foot">
        <p>{t('letterMadeWith', [p.institution.name, String(p.version)])}</p>
        <h2>{t('letterSources')}</h2>
        <ul class="sources">
          {allDocuments(p).map((label) => (
            <li key={label}>{label}</li>
          ))}
        </ul>
      </footer>

      {consent && (
        <section class="consent" data-testid="letter-consent" aria-labelledby="consent-title">
          <h2 id="consent-title">{t('letterConsentTitle')}</h2>
          <p>{t('letterConsentTo', p.institution.name)}</p>
          <p>{t('letterConsentStatement', [p.institution.name, platforms])}</p>
          <ul class="covers">
            <li>
              <strong>{t('letterCoversPurposes')}</strong> {p.purposes?.length ? p.purposes.map((f) => pick(f.text, lang)).join(' ') : gap('consent-purposes')}
            </li>
            <li>
              <strong>{t('letterCoversData')}</strong> {p.dataCategories?.length ? categoryNames(t, p) : gap('consent-data')}
            </li>
            <li>
              <strong>{t('letterCoversRecipients')}</strong>{' '}
              {p.access?.length || p.processors?.length
                ? [t('letterSeeRecipients'), ...(p.processors?.length ? [t('letterProcessorsNamed', listOf(lang, p.processors.map((proc) => proc.name)))] : [])].join('; ')
                : gap('consent-recipients')}
            </li>
            <li>
              <strong>{t('letterCoversRetention')}</strong> {p.retention?.length ? retentionLines(t, p).join(' ') : gap('consent-retention')}
            </li>
          </ul>
          <p>{t('letterConsentVoluntary')}</p>
          <p>
            <strong>{t('letterConsentHowWithdraw')}</strong> {p.withdrawConsent ? pick(p.withdrawConsent.text, lang) : gap('consent-withdraw')}
          </p>
          <div class="sign-lines">
            {(['letterLineChild', 'letterLineClass', 'letterLinePlaceDate', 'letterLineParents', 'letterLineStudent'] as const).map((key) => (
              <div class="sign-line" key={key}>
                <span class="line" aria-hidden="true" />
                <span class="line-label">{t(key)}</span>
              </div>
            ))}
          </div>
          <p class="return-note">{t('letterConsentReturn')}</p>
        </section>
      )}
    </article>
  );
}
