// @vitest-environment node
/**
 * The privacy check runs on every keystroke: its cost on a 10,000-character
 * note, ordinary and hostile. Figures only, never a pass mark (npm run bench:privacy).
 */
import { bench, describe } from 'vitest';
import { checkPrivacy } from '../../src/domain/privacy';

const N = 10_000;
const fill = (unit: string) => unit.repeat(Math.ceil(N / unit.length)).slice(0, N);

const NOTES: Record<string, string> = {
  'workshop notes': fill(
    'Outcome: fewer Black boys excluded in Ward X by 2027 (28% of parents trusted police data, Edwards et al., 2023). Budget £1,234,567; review 01/04/2026 with the Director. ',
  ),
  'notes full of personal data': fill('Mrs Begum 07700 900123 jo@mail.com DOB 1/1/2000 E1 6AN 943 476 5919 AB123456C. '),
  'hostile: digits and spaces': fill('07 '),
  'hostile: at signs': fill('a@'),
  'hostile: titles': fill('Mr A. '),
};

describe('checkPrivacy on 10,000 characters', () => {
  for (const [name, text] of Object.entries(NOTES)) bench(name, () => void checkPrivacy(text));
});
