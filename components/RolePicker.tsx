import type { MessageKey, Translate } from '../lib/i18n';
import type { Role } from '../lib/messages';

const ROLES: [Role, MessageKey, MessageKey][] = [
  ['student', 'roleStudent', 'roleStudentHint'],
  ['teacher', 'roleTeacher', 'roleTeacherHint'],
  ['parent', 'roleParent', 'roleParentHint'],
];

export const roleName = (t: Translate, role: Role) => t(ROLES.find(([r]) => r === role)![1]);

interface Props {
  t: Translate;
  role: Role;
  onChange(role: Role): void;
  /** The onboarding page asks as its main question (h1); the options page as a section (h2). */
  level: 1 | 2;
  /** The school's policy set the role: shown, not changeable. */
  locked?: boolean;
}

/** Student, teacher or parent: a radio group, so arrow keys and Tab work as everywhere. */
export function RolePicker({ t, role, onChange, level, locked = false }: Props) {
  const Heading = level === 1 ? 'h1' : 'h2';
  return (
    <section aria-labelledby="role-heading" data-testid="role">
      <Heading id="role-heading">{t('roleHeading')}</Heading>
      <p>{t('roleIntro')}</p>
      {locked && (
        <p class="note" id="role-locked" data-testid="role-locked">
          {t('roleLockedNote')}
        </p>
      )}
      <fieldset class="roles" disabled={locked} aria-describedby={locked ? 'role-locked' : undefined}>
        <legend class="sr-only">{t('roleHeading')}</legend>
        {ROLES.map(([value, label, hint]) => (
          <div class="role" key={value}>
            <input type="radio" id={`role-${value}`} name="role" value={value} checked={role === value} aria-describedby={`role-${value}-hint`} onChange={() => onChange(value)} />
            <label for={`role-${value}`}>{t(label)}</label>
            <p id={`role-${value}-hint`} class="muted">
              {t(hint)}
            </p>
          </div>
        ))}
      </fieldset>
    </section>
  );
}
