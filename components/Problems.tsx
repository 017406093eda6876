import type { MessageKey, Translate } from '../lib/i18n';
import type { PolicyProblem, PolicyProblemCode } from '../lib/policy';

const MESSAGE: Record<PolicyProblemCode, MessageKey> = {
  tooLarge: 'errTooLarge',
  notJson: 'errNotJson',
  notObject: 'errNotObject',
  missing: 'errMissing',
  unknownField: 'errUnknownField',
  wrongType: 'errWrongType',
  empty: 'errEmpty',
  tooLong: 'errTooLong',
  tooMany: 'errTooMany',
  choice: 'errChoice',
  number: 'errNumber',
  range: 'errRange',
  format: 'errFormat',
  https: 'errHttps',
  url: 'errUrl',
  email: 'errEmail',
  host: 'errHost',
  hostTooLong: 'errHostTooLong',
  labelTooLong: 'errLabelTooLong',
  publicSuffix: 'errPublicSuffix',
  id: 'errId',
  phone: 'errPhone',
  control: 'errControl',
  bidi: 'errBidi',
  invisible: 'errInvisible',
  encoding: 'errEncoding',
  unknownKey: 'policyErrUnknownKey',
  allHosts: 'policyErrAllHosts',
  origin: 'policyErrOrigin',
  scheme: 'policyErrScheme',
  path: 'policyErrPath',
  credentials: 'policyErrCredentials',
  port: 'policyErrPort',
  duplicate: 'policyErrDuplicate',
  duplicateProfile: 'policyErrDuplicateProfile',
  lockWithoutRole: 'policyErrLockWithoutRole',
};

const TYPE: Record<string, MessageKey> = { text: 'typeText', number: 'typeNumber', boolean: 'typeBoolean', object: 'typeObject', list: 'typeList' };

/** The message's detail in the reader's language (a type name, a line and column) or as given. */
function detailOf(t: Translate, problem: PolicyProblem): string {
  if (problem.code === 'wrongType') return t(TYPE[problem.detail ?? ''] ?? 'typeText');
  if (problem.code === 'notJson') {
    const [line, column] = (problem.detail ?? '').split(':');
    return line && column ? t('jsonPlace', [line, column]) : t('jsonPlaceUnknown');
  }
  return problem.detail ?? '';
}

/** One problem in plain words: where (a path) and what is wrong. */
export function explainProblem(t: Translate, problem: PolicyProblem, whole: MessageKey = 'importWhole'): { where: string; what: string } {
  return { where: problem.path || t(whole), what: t(MESSAGE[problem.code], detailOf(t, problem)) };
}

/** Problems of an import or a policy, each with its path. */
export function ProblemList({ t, problems, whole, testId }: { t: Translate; problems: readonly PolicyProblem[]; whole?: MessageKey; testId?: string }) {
  return (
    <ul class="errors" data-testid={testId}>
      {problems.map((problem, i) => {
        const { where, what } = explainProblem(t, problem, whole);
        return (
          <li key={i} data-path={problem.path}>
            <code>
              <bdi>{where}</bdi>
            </code>
            : {what}
          </li>
        );
      })}
    </ul>
  );
}
