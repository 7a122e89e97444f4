// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PRIVACY_RULES,
  PRIVACY_RULE_TEXT,
  PRIVACY_SCAN_PATTERNS,
  checkPrivacy,
  findPrivacyWarnings,
  isValidNhsNumber,
  privacyFingerprint,
  prunePrivacyDismissed,
  withPrivacyDismissal,
  type PrivacyRuleId,
} from '../../../src/domain/privacy';

/** What the check finds in a text, as [rule, matched text] pairs. */
const found = (text: string) => checkPrivacy(text).map((w) => [w.rule, w.match] as [PrivacyRuleId, string]);
const foundBy = (rule: PrivacyRuleId, text: string) =>
  checkPrivacy(text)
    .filter((w) => w.rule === rule)
    .map((w) => w.match);

/** The NHS check digit, worked out here independently of the code under test (10 means never issued). */
function nhsCheckDigit(nine: string): number {
  const sum = [...nine].reduce((total, digit, i) => total + Number(digit) * (10 - i), 0);
  const check = 11 - (sum % 11);
  return check === 11 ? 0 : check;
}

describe('email addresses', () => {
  it('finds an address with the exact span, without the punctuation around it', () => {
    const text = 'Mum emailed (jo.bloggs1984@gmail.com).';
    const [warning] = checkPrivacy(text);
    expect(warning).toMatchObject({ rule: 'email', match: 'jo.bloggs1984@gmail.com', start: 13, end: 36 });
    expect(text.slice(warning!.start, warning!.end)).toBe(warning!.match);
  });

  it('finds a half-typed address as soon as it has a domain', () => {
    expect(foundBy('email', 'Email jo@council.gov.u')).toEqual(['jo@council.gov']);
    expect(foundBy('email', 'Email jo@council')).toEqual([]);
  });

  it('leaves shared mailboxes, placeholders and example domains alone, but not a personal address with a +tag', () => {
    expect(found('Questions to info@loti.london, foi@towerhamlets.gov.uk or children.services@x.gov.uk')).toEqual([]);
    expect(found('Staff emails follow firstname.lastname@lambeth.gov.uk')).toEqual([]);
    expect(found('Test with sam.jones@example.com and a@b.test')).toEqual([]);
    expect(foundBy('email', 'mr.d.smith+council@gmail.com')).toEqual(['mr.d.smith+council@gmail.com']);
    expect(foundBy('email', 'sarah.housing@lambeth.gov.uk')).toEqual(['sarah.housing@lambeth.gov.uk']);
  });

  it('ignores handles, tags and things that are not addresses', () => {
    expect(found('Tweet @LOTI_London #DataEthics; meet @ 10am; a@b; x@y.z')).toEqual([]);
  });
});

describe('UK phone numbers', () => {
  it.each([
    '07700 900123',
    '07700900123',
    '07700-900-123',
    '07700 900 123',
    '020 7946 0018',
    '(020) 7946 0018',
    '020-7946-0018',
    '0161 496 0702',
    '(01632) 960 444',
    '+44 7700 900123',
    '+447700900123',
    '+44 (0)20 7946 0018',
    '+44(0)7700 900123',
    '0044 20 7946 0018',
  ])('finds %s', (number) => {
    expect(foundBy('uk-phone', `Call mum on ${number}, after 4pm`)).toEqual([number]);
  });

  it('leaves service lines, short numbers and figures alone', () => {
    expect(found('Contact centre 0300 123 4567; freephone 0800 123 4567; Childline 0800 1111; NHS 111; 999')).toEqual([]);
    expect(found('Budget £1,234,567; 1,000,000 records; 0.1234567890; 12 345 678 rows; 2019 2020 2021')).toEqual([]);
    expect(found('Company 01234567; cost centre 0125-4433-21; 01.04.2025; 04-04-2016; Ward 07')).toEqual([]);
  });

  it('takes a landline named after a service as the service’s, but a mobile is always someone’s', () => {
    expect(found('Call the Early Help Hub on 020 7946 0500')).toEqual([]);
    expect(foundBy('uk-phone', 'Call the Early Help Hub on 07700 900500')).toEqual(['07700 900500']);
    expect(foundBy('uk-phone', 'Grandad on 020 7946 0500')).toEqual(['020 7946 0500']);
  });

  it('ends the number where the figures after it begin', () => {
    expect(foundBy('uk-phone', 'Tel 020 7946 0018 2024 notes')).toEqual(['020 7946 0018']);
    expect(foundBy('uk-phone', '07700900333/02079460333')).toEqual(['07700900333', '02079460333']);
  });

  it('finds any UK mobile in the usual layouts', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), fc.integer({ min: 0, max: 3 }), (rest, layout) => {
        const national = `07${rest}`;
        const written = [
          national,
          `${national.slice(0, 5)} ${national.slice(5)}`,
          `${national.slice(0, 5)} ${national.slice(5, 8)} ${national.slice(8)}`,
          `+44 ${national.slice(1, 5)} ${national.slice(5)}`,
        ][layout]!;
        expect(foundBy('uk-phone', `Mobile: ${written}.`)).toEqual([written]);
      }),
    );
  });
});

describe('National Insurance numbers', () => {
  it.each(['JT 48 29 17 C', 'AB123456C', 'ce 12 34 56 a', 'RT-34-56-78-D', 'MN 567890 C'])('finds %s', (nino) => {
    expect(foundBy('ni-number', `NI number ${nino} on the form`)).toEqual([nino]);
  });

  it('follows HMRC’s rules for the letters', () => {
    const digits = ' 12 34 56 ';
    const valid = (prefix: string, suffix: string) => foundBy('ni-number', `NI ${prefix}${digits}${suffix}.`).length === 1;
    for (const first of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
      for (const second of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
        const issued =
          !'DFIQUV'.includes(first) && !'DFIOQUV'.includes(second) && !['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ'].includes(first + second);
        expect(valid(first + second, 'A'), `${first}${second}`).toBe(issued);
      }
    }
    expect(valid('JT', 'D')).toBe(true);
    expect(valid('JT', 'E')).toBe(false);
    expect(found('HMRC’s example QQ 12 34 56 C; temporary TN 01 02 03 A; project AB123456E')).toEqual([]);
  });

  it('needs the whole number, not part of a longer code', () => {
    expect(found('Codes XJT123456C, JT1234567C, JT123456CX and JT 12 34 5 C')).toEqual([]);
  });
});

describe('NHS numbers', () => {
  it('finds ten digits with the right check digit, spaced 3-3-4 or not', () => {
    expect(foundBy('nhs-number', 'NHS number 943 476 5919 on file')).toEqual(['943 476 5919']);
    expect(foundBy('nhs-number', 'NHS no. 9434765919.')).toEqual(['9434765919']);
    expect(foundBy('nhs-number', 'NHS 943-476-5919')).toEqual(['943-476-5919']);
  });

  it('leaves numbers with a wrong check digit, odd spacing or inside longer figures alone', () => {
    expect(found('Ref 9434765918; 9434 765 919; 943 476-5919; 19434765919; £9,434,765,919; 0.9434765919')).toEqual([]);
    expect(found('Format 999 999 9999, e.g. 000 000 0000 or 0123456789')).toEqual([]);
  });

  it('agrees with the modulus 11 rule for every ten-digit number', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), fc.integer({ min: 0, max: 9 }), fc.boolean(), (nine, last, spaced) => {
        const digits = nine + String(last);
        const valid = nhsCheckDigit(nine) === last;
        expect(isValidNhsNumber(digits)).toBe(valid);
        const written = spaced ? `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}` : digits;
        const placeholder = /^(\d)\1{9}$/.test(digits) || digits === '0123456789';
        expect(foundBy('nhs-number', `Patient ${written} seen`)).toEqual(valid && !placeholder ? [written] : []);
      }),
      { numRuns: 500 },
    );
  });

  it('never passes a number whose check digit would be 10', () => {
    // 000000040: 4 × 3 = 12, 12 mod 11 = 1, 11 − 1 = 10.
    expect(nhsCheckDigit('000000040')).toBe(10);
    for (let last = 0; last <= 9; last++) expect(isValidNhsNumber(`000000040${last}`)).toBe(false);
  });
});

describe('a full postcode next to a date of birth', () => {
  it('finds the postcode with the birth cue and its date, either way round', () => {
    expect(foundBy('postcode-with-birth-date', 'Girl, DOB 12/03/2014, lives at E1 6AN.')).toEqual(['DOB 12/03/2014, lives at E1 6AN']);
    expect(foundBy('postcode-with-birth-date', 'SE15 5DQ, born 3 May 1987')).toEqual(['SE15 5DQ, born 3 May 1987']);
    expect(foundBy('postcode-with-birth-date', 'sw1a2aa d.o.b. 1987-05-03')).toEqual(['sw1a2aa d.o.b. 1987-05-03']);
    expect(foundBy('postcode-with-birth-date', 'Date of birth: 9 June 1955; postcode EC1V 9HL')).toEqual([
      'Date of birth: 9 June 1955; postcode EC1V 9HL',
    ]);
  });

  it('leaves a postcode alone, a district, a date alone, and a meeting date beside a venue', () => {
    expect(found('Venue: Town Hall, E14 2BG. Districts E1, SE15, N17, CR0. 12/03/1987.')).toEqual([]);
    expect(found('Workshop at the Idea Store, E1 1BU, on 12/03/2025')).toEqual([]);
    expect(found('Keep DOB and postcode apart: use E1 or SE15 and an age band')).toEqual([]);
  });

  it('counts only a cue within 80 characters, and not "born out of" or "new-born"', () => {
    const gap = 'x'.repeat(81);
    expect(found(`DOB 12/03/2014 ${gap} E1 6AN`)).toEqual([]);
    expect(foundBy('postcode-with-birth-date', `DOB 12/03/2014 ${'x'.repeat(60)} E1 6AN`)).toHaveLength(1);
    expect(found('The hub, born out of the 2019 pilot, is at E14 2BG')).toEqual([]);
    expect(found('New-born and first-born visits at SE1 7PB')).toEqual([]);
  });

  it('checks the postcode format, so codes that only look like one are left alone', () => {
    // Q, V and X never start a postcode; C, I, K, M, O and V never end one.
    expect(found('DOB 1/1/2000, QA1 1AA or E1 1AC or E1 1AO')).toEqual([]);
  });
});

describe('a title with a name', () => {
  it.each([
    ['Mrs Begum says', 'Mrs Begum'],
    ['Dr A. Patel referred', 'Dr A. Patel'],
    ['Mr John O’Neil missed', 'Mr John O’Neil'],
    ["Ms Nguyen's son", 'Ms Nguyen'],
    ['Mrs S. leaves', 'Mrs S.'],
    ['Mr T Ali wrote', 'Mr T Ali'],
    ['Dr van der Berg is', 'Dr van der Berg'],
    ['Prof. Jane Smith wants', 'Prof. Jane Smith'],
    ['Mrs Ó Súilleabháin complained', 'Mrs Ó Súilleabháin'],
    ['Visit Mrs Smith-Jones. Then', 'Mrs Smith-Jones'],
    ['MRS BEGUM rang', 'MRS BEGUM'],
  ])('finds the name in "%s"', (text, name) => {
    expect(foundBy('title-with-name', text)).toEqual([name]);
  });

  it('leaves titles without names, roles, placeholders and brands alone', () => {
    for (const text of [
      'The Mayor; ask a Dr or nurse; Dr (GP lead); the Dr. Then the nurse.',
      'Title field: Mr, Mrs, Ms, Mx, Dr, Prof. Mr/Mrs/Ms tick boxes. A Mrs or a Ms? Mr and',
      'Imagine Mrs X and Mr Y. Mr Speaker. Dr Who.',
      "Mr Tumble and Makaton; Dr Barnardo's Homes; Dr Foster data; the Mr Men books; Mr Motivator-style warm-up",
      'MS Teams, DR site and MR headsets. Cllr Patel chairs; Sir Keir; Professor Sir Michael Marmot.',
    ]) {
      expect(found(text), text).toEqual([]);
    }
  });
});

describe('checkPrivacy', () => {
  it('returns warnings in order, each saying what, why and how to rephrase', () => {
    const warnings = checkPrivacy('Mrs Begum, 07700 900123, NHS 943 476 5919');
    expect(warnings.map((w) => w.rule)).toEqual(['title-with-name', 'uk-phone', 'nhs-number']);
    for (const warning of warnings) {
      const { what, why, rephrase } = PRIVACY_RULE_TEXT[warning.rule];
      expect(warning).toMatchObject({ what, why, rephrase });
      expect(warning.why.length).toBeGreaterThan(20);
    }
    expect(warnings[0]!.rephrase).toContain('Describe the group, not the person');
  });

  it('keeps only the outer finding when one lies inside another', () => {
    expect(found('Write to ab123456c@gmail.com')).toEqual([['email', 'ab123456c@gmail.com']]);
  });

  it('leaves out dismissed warnings for that exact text only, wherever it appears', () => {
    const text = 'Mrs Begum rang. Mrs Begum again. Mrs Khan too.';
    const begum = checkPrivacy(text)[0]!;
    const rest = checkPrivacy(text, [begum.fingerprint]);
    expect(rest.map((w) => w.match)).toEqual(['Mrs Khan']);
    expect(checkPrivacy('Mrs Begum at the hub', new Set([begum.fingerprint]))).toEqual([]);
  });

  it('always returns spans that are inside the text, in order, not nested, and match what they say', () => {
    const pieces = fc.constantFrom(
      'Mrs Begum',
      ' ',
      '07700 900123',
      'jo@x.com',
      'DOB 1/2/2000',
      'E1 6AN',
      '943 476 5919',
      'AB123456C',
      '£1,234',
      'Dr',
      '.',
      '\n',
      '@',
      '0',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string({ maxLength: 4 })), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const warnings = checkPrivacy(text);
        let lastEnd = -1;
        for (const warning of warnings) {
          expect(warning.start).toBeGreaterThanOrEqual(0);
          expect(warning.end).toBeLessThanOrEqual(text.length);
          expect(warning.end).toBeGreaterThan(lastEnd);
          expect(text.slice(warning.start, warning.end)).toBe(warning.match);
          expect(warning.fingerprint).toBe(privacyFingerprint(warning.rule, warning.match));
          lastEnd = warning.end;
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('fingerprints', () => {
  it('are short, stable hashes of the rule and the exact text (dismissals depend on them not changing)', () => {
    // Worked out with an independent implementation of the same 53-bit hash.
    expect(privacyFingerprint('email', 'jo.bloggs1984@gmail.com')).toBe('02f2el1booy');
    expect(privacyFingerprint('title-with-name', 'Mrs Begum')).toBe('1wt8u0r1aoi');
    expect(privacyFingerprint('nhs-number', '943 476 5919')).toBe('0gap8jqegy0');
  });

  it('differ between rules and between texts, even by one character', () => {
    const prints = new Set([
      privacyFingerprint('title-with-name', 'Mrs Begum'),
      privacyFingerprint('title-with-name', 'Mrs Begun'),
      privacyFingerprint('title-with-name', 'mrs Begum'),
      privacyFingerprint('email', 'Mrs Begum'),
    ]);
    expect(prints.size).toBe(4);
    for (const print of prints) expect(print).toMatch(/^[0-9a-z]{11}$/);
  });
});

describe('many texts at once, and pruning dismissals', () => {
  it('lists only the texts with warnings, by key', () => {
    const results = findPrivacyWarnings([
      { key: 'card:1', text: 'Families in Ward X' },
      { key: 'card:2', text: 'Call 07700 900123' },
      { key: 'notes', text: 'Mrs Begum' },
    ]);
    expect(results.map((r) => [r.key, r.warnings.map((w) => w.rule)])).toEqual([
      ['card:2', ['uk-phone']],
      ['notes', ['title-with-name']],
    ]);
    const dismissed = [results[1]!.warnings[0]!.fingerprint];
    expect(findPrivacyWarnings([{ key: 'notes', text: 'Mrs Begum' }], dismissed)).toEqual([]);
  });

  it('adds a dismissal once, keeping the list itself when it is already there', () => {
    const begum = privacyFingerprint('title-with-name', 'Mrs Begum');
    const once = withPrivacyDismissal([], begum);
    expect(once).toEqual([begum]);
    expect(withPrivacyDismissal(once, begum)).toBe(once);
  });

  it('drops fingerprints whose text is gone and keeps the list itself when nothing changes', () => {
    const begum = privacyFingerprint('title-with-name', 'Mrs Begum');
    const phone = privacyFingerprint('uk-phone', '07700 900123');
    const dismissed = [begum, phone];
    expect(prunePrivacyDismissed(dismissed, ['Mrs Begum rang', 'Families'])).toEqual([begum]);
    expect(prunePrivacyDismissed(dismissed, ['Mrs Begum', 'on 07700 900123'])).toBe(dismissed);
  });
});

describe('speed on every keystroke', () => {
  /** Unbounded quantifiers (*, +, {n,}) outside character classes: what makes a pattern slow on long text. */
  function unboundedQuantifiers(source: string): string[] {
    const found: string[] = [];
    let inClass = false;
    for (let i = 0; i < source.length; i++) {
      const c = source[i]!;
      if (c === '\\') i++;
      else if (inClass) inClass = c !== ']';
      else if (c === '[') inClass = true;
      else if (c === '*' || c === '+' || /^\{\d+,\}/.test(source.slice(i))) found.push(source.slice(Math.max(0, i - 12), i + 1));
    }
    return found;
  }

  it('uses only bounded quantifiers in the patterns that scan the whole text', () => {
    expect(PRIVACY_SCAN_PATTERNS.length).toBeGreaterThanOrEqual(6);
    for (const pattern of PRIVACY_SCAN_PATTERNS) expect(unboundedQuantifiers(pattern.source), pattern.source).toEqual([]);
    // The checker itself catches what it should.
    expect(unboundedQuantifiers(String.raw`\d+ [a+]* x{2,}`)).toHaveLength(3);
  });

  const N = 10_000;
  const fill = (unit: string) => unit.repeat(Math.ceil(N / unit.length)).slice(0, N);
  it.each([
    ['letters', fill('a'), 0],
    ['digits', fill('1'), 0],
    ['zeros', fill('0'), 0],
    ['at signs', fill('@'), 0],
    ['a@a@', fill('a@'), 0],
    ['a long mailbox name', `${fill('a.')}@gmail.com`, 0],
    ['spaced pairs of digits', fill('07 '), 0],
    ['+44 over and over', fill('+44 '), 0],
    ['titles', fill('Mr '), 1], // ends "Mr M": an initial
    ['birth cues', fill('DOB '), 0],
    ['postcodes', fill('E1 6AN '), 0],
    ['dates', fill('12/03/2014 '), 0],
    ['workshop prose', fill('The outcome for families in Ward X is 28% better by 2027. '), 0],
  ])('handles 10,000 characters of %s', (_name, text, expected) => {
    expect(text.length).toBeGreaterThanOrEqual(N);
    expect(checkPrivacy(text)).toHaveLength(expected);
  });

  it('finds every detail in 10,000 characters full of them', () => {
    const unit = 'Mrs Begum 07700 900123 jo@mail.com DOB 1/1/2000 E1 6AN 943 476 5919 AB123456C. ';
    const text = unit.repeat(Math.floor(N / unit.length));
    const counts = new Map<string, number>();
    for (const warning of checkPrivacy(text)) counts.set(warning.rule, (counts.get(warning.rule) ?? 0) + 1);
    const units = Math.floor(N / unit.length);
    expect(Object.fromEntries(counts)).toEqual(Object.fromEntries(PRIVACY_RULES.map((rule) => [rule, units])));
  });
});
