// New passwords: refused when a maintained strength estimator (zxcvbn-ts) finds them common or easy to guess.
import { VALIDATION_MESSAGES } from '../contract/common';
import { fieldError } from '../sqlite/domain-error';

/** zxcvbn's score runs 0–4; below 3 (about 10^8 guesses) the password is a common one, a keyboard run or a repeat. */
const MIN_SCORE = 3;

type Checker = (password: string, userInputs: string[]) => number;
let checker: Promise<Checker> | null = null;

/** The dictionaries are megabytes: loaded on the first new password, once, and never in the renderer's bundle. */
function loadChecker(): Promise<Checker> {
  checker ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]).then(([core, common]) => {
    const factory = new core.ZxcvbnFactory({
      dictionary: { ...common.dictionary },
      graphs: common.adjacencyGraphs,
    });
    return (password, userInputs) => factory.check(password, userInputs).score;
  });
  return checker;
}

/** Refuses (VALIDATION on `password`) a new password that is common or built from the account's own names. */
export async function assertStrongPassword(password: string, userInputs: string[]): Promise<void> {
  const score = (await loadChecker())(password, userInputs);
  if (score < MIN_SCORE) throw fieldError('password', VALIDATION_MESSAGES.commonPassword);
}
