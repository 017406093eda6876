import type { ComponentChildren } from 'preact';
import type { MessageKey, Translate } from '../lib/i18n';
import { describeSource } from '../lib/profiles/register';
import type { Contact, Profile, Source, Text } from '../lib/profiles/schema';
import { categoryNames, categoryTerm, pick, retentionLines, type Lang } from './text';

type Basis = NonNullable<Profile['legalBases']>[number]['basis'];

export const BASIS: Record<Basis, MessageKey> = {
  consent: 'basisConsent',
  contract: 'basisContract',
  'legal-obligation': 'basisLegalObligation',
  'vital-interests': 'basisVitalInterests',
  'public-task': 'basisPublicTask',
  'legitimate-interests': 'basisLegitimateInterests',
};

interface Props {
  t: Translate;
  lang: Lang;
  profile: Profile;
  /** The print page shows every detail open. */
  expanded?: boolean;
  /** Where "open all details" leads (the printable page); none on that page itself. */
  fullUrl?: string;
  /** The printable parents' letter of this profile. */
  letterUrl?: string;
}

/** Where each fact comes from: the document's title, issuer and section, linked where it is online. */
function Sources({ t, sources }: { t: Translate; sources: readonly Source[] }) {
  return (
    <ul class="sources">
      {sources.map((s, i) => {
        const { label, url } = describeSource(s);
        return (
          <li key={i}>
            {url ? (
              <a href={url} target="_blank" rel="noreferrer">
                {t('summarySource', label)}
              </a>
            ) : (
              t('summarySource', label)
            )}
          </li>
        );
      })}
    </ul>
  );
}

function ContactLines({ contact }: { contact: Contact }) {
  return (
    <>
      <span>{contact.name}</span>
      {contact.address && <span>, {contact.address}</span>}
      {contact.email && (
        <>
          {' · '}
          <a href={`mailto:${contact.email}`}>{contact.email}</a>
        </>
      )}
      {contact.phone && <span> · {contact.phone}</span>}
    </>
  );
}

function Row({ label, children, testid }: { label: string; children: ComponentChildren; testid: string }) {
  return (
    <div class="row-item" data-row={testid}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Section({ title, open, children }: { title: string; open: boolean; children: ComponentChildren }) {
  return (
    <details open={open}>
      <summary>{title}</summary>
      <div class="details-body">{children}</div>
    </details>
  );
}

/** The layered summary: one screen first, then every detail with its source. */
export function Summary({ t, lang, profile, expanded = false, fullUrl, letterUrl }: Props) {
  const p = profile;
  const missing = <span class="missing">{t('summaryMissing')}</span>;
  const first = <T,>(items: readonly T[] | undefined): T | undefined => items?.[0];
  const place = [...new Set([p.institution.town, p.institution.state].filter(Boolean))].join(', ');
  const kept = retentionLines(t, p);
  // Withdrawal matters where consent is a legal basis, or may be: a notice that names no basis.
  const consentPossible = !p.legalBases?.length || p.legalBases.some((b) => b.basis === 'consent');

  /** Facts with their sources; a label (category, legal basis) before each where given. */
  const facts = <T extends { text: Text; source: readonly Source[] }>(items: readonly T[] | undefined, label?: (item: T) => string) =>
    items?.length ? (
      <ul class="facts">
        {items.map((item, i) => (
          <li key={i}>
            {label && <strong>{label(item)}: </strong>}
            {pick(item.text, lang)}
            <Sources t={t} sources={item.source} />
          </li>
        ))}
      </ul>
    ) : (
      missing
    );

  return (
    <section class="summary" data-testid="summary" aria-labelledby="kl-summary-title" data-profile={p.id}>
      <h2 id="kl-summary-title">{t('summaryTitle')}</h2>
      <p class="institution">
        {t('summaryFor', place ? `${p.institution.name} (${place})` : p.institution.name)}
      </p>
      {p.kind === 'generic' && <p class="note">{t('summaryGeneric')}</p>}
      {p.askSchool && <p class="note">{pick(p.askSchool, lang)}</p>}

      <dl class="first-layer">
        <Row label={t('summaryWho')} testid="controller">
          {p.controller ? p.controller.name : missing}
        </Row>
        <Row label={t('summaryDpo')} testid="dpo">
          {p.dpo ? <ContactLines contact={{ ...p.dpo, address: undefined, phone: undefined }} /> : missing}
        </Row>
        <Row label={t('summaryPurpose')} testid="purpose">
          {first(p.purposes) ? pick(first(p.purposes)!.text, lang) : missing}
        </Row>
        <Row label={t('summaryData')} testid="data">
          {p.dataCategories?.length ? categoryNames(t, p) : missing}
        </Row>
        <Row label={t('summaryAccess')} testid="access">
          {first(p.access) ? pick(first(p.access)!.text, lang) : missing}
        </Row>
        <Row label={t('summaryRetention')} testid="retention">
          {kept.length ? kept.map((line, i) => <span class="kept-line" key={i}>{line} </span>) : missing}
        </Row>
        <Row label={t('summaryRecording')} testid="recording">
          {p.recording ? pick(p.recording.text, lang) : missing}
        </Row>
        <Row label={t('summaryRights')} testid="rights">
          {p.rights ? pick(p.rights.text, lang) : missing}
        </Row>
        <Row label={t('summaryComplaint')} testid="complaint">
          {p.complaint ? pick(p.complaint.text, lang) : missing}
        </Row>
      </dl>

      {fullUrl && (
        <p>
          <a href={fullUrl} target="_blank" rel="noreferrer">
            {t('summaryOpenFull')}
          </a>
        </p>
      )}
      {letterUrl && (
        <p>
          <a href={letterUrl} target="_blank" rel="noreferrer" data-testid="summary-letter">
            {t('summaryLetter')}
          </a>
        </p>
      )}

      <h3>{t('summaryDetails')}</h3>
      <Section title={t('summaryWho')} open={expanded}>
        {p.institution.source && <Sources t={t} sources={p.institution.source} />}
        {p.controller ? (
          <>
            <ContactLines contact={p.controller} />
            <Sources t={t} sources={p.controller.source} />
          </>
        ) : (
          missing
        )}
        <h4>{t('summaryDpo')}</h4>
        {p.dpo ? (
          <>
            <ContactLines contact={p.dpo} />
            <Sources t={t} sources={p.dpo.source} />
          </>
        ) : (
          missing
        )}
        {p.office && (
          <>
            <h4>{t('summaryOffice')}</h4>
            <ContactLines contact={p.office} />
            <Sources t={t} sources={p.office.source} />
          </>
        )}
      </Section>
      <Section title={t('summaryPurpose')} open={expanded}>
        {facts(p.purposes)}
        <h4>{t('summaryLegalBasis')}</h4>
        {facts(p.legalBases, (b) => t(BASIS[b.basis]))}
      </Section>
      <Section title={t('summaryData')} open={expanded}>
        {facts(p.dataCategories, (c) => categoryTerm(t, c.category))}
      </Section>
      <Section title={t('summaryAccess')} open={expanded}>
        {facts(p.access)}
        <h4>{t('summaryProcessors')}</h4>
        {p.processors?.length ? (
          <ul class="facts">
            {p.processors.map((proc, i) => (
              <li key={i}>
                <strong>{proc.name}</strong>
                {proc.location && ` (${pick(proc.location, lang)})`}: {pick(proc.text, lang)}
                <Sources t={t} sources={proc.source} />
              </li>
            ))}
          </ul>
        ) : (
          missing
        )}
        {p.hosting && (
          <>
            <h4>{t('summaryHosting')}</h4>
            {facts([p.hosting])}
          </>
        )}
        <h4>{t('summaryThirdCountry')}</h4>
        {p.thirdCountryTransfer ? facts([p.thirdCountryTransfer]) : missing}
      </Section>
      <Section title={t('summaryRetention')} open={expanded}>
        {facts(p.retention, (r) => categoryTerm(t, r.category))}
      </Section>
      <Section title={t('summaryRecording')} open={expanded}>
        {p.recording ? facts([p.recording]) : missing}
        <h4>{t('summaryHouseRules')}</h4>
        {p.houseRules?.length ? (
          <ul class="facts">
            {p.houseRules.map((r, i) => (
              <li key={i}>
                {pick(r.text, lang)}
                {r.sanction && <> {t('summarySanction', pick(r.sanction, lang))}</>}
                <Sources t={t} sources={r.source} />
              </li>
            ))}
          </ul>
        ) : (
          missing
        )}
      </Section>
      <Section title={t('summaryRights')} open={expanded}>
        {p.rights ? facts([p.rights]) : missing}
        {(p.withdrawConsent || consentPossible) && (
          <>
            <h4>{t('summaryWithdraw')}</h4>
            {p.withdrawConsent ? facts([p.withdrawConsent]) : missing}
          </>
        )}
        <h4>{t('summaryComplaint')}</h4>
        {p.complaint ? (
          <>
            {p.complaint.authority && <p>{t('summaryAuthority', p.complaint.authority)}</p>}
            {facts([p.complaint])}
          </>
        ) : (
          missing
        )}
      </Section>
    </section>
  );
}
