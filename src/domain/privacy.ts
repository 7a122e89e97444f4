/**
 * The privacy check: finds text that looks like personal data about ONE person
 * (a canvas is a planning document about groups, not a case file) and says why
 * and how to rephrase. It warns, never blocks, and runs locally: pure functions,
 * no storage, no network.
 *
 * Rules (ids are stable: dismissals are stored by them):
 * - `email`: an email address, except shared mailboxes (info@, foi@, dpo@,
 *   earlyhelp@…) and reserved example domains (example.com, .test…).
 * - `uk-phone`: a UK mobile (07) or geographic landline (01, 02), in national or
 *   +44 / 0044 form, with spaces, dashes or brackets. Not 03, 08 or 09 numbers,
 *   nor a landline just after a service's name ("the Early Help Hub on 020…"):
 *   those are organisations' lines. A mobile is always flagged.
 * - `ni-number`: a National Insurance number in HMRC's format: two prefix letters
 *   (never D, F, I, Q, U, V; never O second; never BG, GB, KN, NK, NT, TN, ZZ),
 *   six digits, suffix A to D; spaced or not.
 * - `nhs-number`: ten digits, spaced 3-3-4 or not, whose modulus 11 check digit
 *   is right (so 10 in 11 random ten-digit numbers are left alone).
 * - `postcode-with-birth-date`: a full UK postcode within 80 characters of a
 *   birth cue ("DOB", "D.O.B.", "date of birth", "born"), with the date that
 *   follows the cue. A postcode alone (an office, a venue) or beside another
 *   date (a meeting) is not flagged; nor is a district ("E1", "SE15"), nor
 *   "born out of" or "new-born".
 * - `title-with-name`: a title (Mr, Mrs, Ms, Miss, Mx, Dr, Prof, Professor)
 *   followed by a capitalised name or initial ("Mrs Smith", "Dr A. Patel",
 *   "Mr John O'Neil", "Mrs S."). Not a title alone ("Dr", "the Mayor"), a title
 *   before a role or an ordinary word ("Dr. Then…"), placeholders ("Mrs X"), nor
 *   a short list of characters and brands that are not people a service plans
 *   for (Mr Tumble, Mr Men, Dr Foster, Dr Martens, Dr Barnardo's…). Councillors
 *   ("Cllr Smith") are public office holders and are not flagged. In capitals
 *   only MRS and MISS count ("MRS BEGUM"): MR, MS and DR are also acronyms.
 *
 * Known limits (measured in test/unit/domain/privacy-corpora.test.ts): a name
 * without a title ("John Smith"), a name in lower case ("Mrs begum"), a bare
 * date beside a postcode, nine-digit area numbers (016977 xxxx), documentation
 * examples in a valid format ("AB 12 34 56 C") and team mailboxes with unusual
 * names ("nel.ics@nhs.net") are missed or flagged wrongly. A dismissal fixes the
 * second kind for that text.
 *
 * Speed: it runs on every keystroke, so every pattern is linear: bounded
 * quantifiers only, with a look-behind that lets a start fail at once inside a
 * run of letters or digits; email addresses are found from each "@" outwards.
 *
 * Wiring it in (every door where text arrives: typing in cards, notes and the
 * data inventory; import; restore; templates):
 * 1. Show `<PrivacyWarnings>` (src/components/PrivacyWarnings.tsx) under each
 *    text field, with `usePrivacyWarnings(text, canvas.privacyDismissed)`.
 * 2. Its "It's fine, dismiss" sets the canvas's `privacyDismissed` to
 *    `withPrivacyDismissal(canvas.privacyDismissed, warning.fingerprint)`: an
 *    ordinary, saved, undoable edit.
 * 3. For whole files (import, restore, a template), run `findPrivacyWarnings`
 *    over every text field and list the results after the import; never refuse
 *    the file.
 * 4. Before an export, `prunePrivacyDismissed` drops fingerprints whose text is
 *    gone: a fingerprint of a short number (an NHS number has about a billion
 *    possible values) can be reversed by trying them all.
 */

export const PRIVACY_RULES = ['email', 'uk-phone', 'ni-number', 'nhs-number', 'postcode-with-birth-date', 'title-with-name'] as const;
export type PrivacyRuleId = (typeof PRIVACY_RULES)[number];

export interface PrivacyWarning {
  rule: PrivacyRuleId;
  /** Offsets into the checked text (UTF-16, end exclusive), for highlighting. */
  start: number;
  end: number;
  /** The matched text: `text.slice(start, end)`. */
  match: string;
  /** Short, stable hash of the rule id and the matched text: what a dismissal stores. */
  fingerprint: string;
  /** What looks personal, e.g. "An email address". */
  what: string;
  /** Why it matters, in plain words. */
  why: string;
  /** How to rephrase it. */
  rephrase: string;
}

export interface PrivacyRuleText {
  /** What looks personal, e.g. "An email address". */
  what: string;
  /** The same, for several: "email addresses". */
  many: string;
  why: string;
  rephrase: string;
}

export const PRIVACY_RULE_TEXT: Record<PrivacyRuleId, PrivacyRuleText> = {
  email: {
    what: 'An email address',
    many: 'email addresses',
    why: 'An email address leads straight to one person.',
    rephrase: 'Name the role or the team instead: “the school’s attendance lead”.',
  },
  'uk-phone': {
    what: 'A phone number',
    many: 'phone numbers',
    why: 'A personal phone number reaches one person directly.',
    rephrase: 'Keep contact details in the case system and say who to contact by role: “the family’s key worker”.',
  },
  'ni-number': {
    what: 'A National Insurance number',
    many: 'National Insurance numbers',
    why: 'A National Insurance number identifies one person for tax and benefits, and is used in identity fraud.',
    rephrase: 'Describe the group instead: “people claiming Universal Credit in Ward X”.',
  },
  'nhs-number': {
    what: 'An NHS number',
    many: 'NHS numbers',
    why: 'An NHS number identifies one patient and leads to their health record, which is special category data.',
    rephrase: 'Describe the group instead: “children waiting for CAMHS in Ward X”. NHS numbers stay in health systems.',
  },
  'postcode-with-birth-date': {
    what: 'A postcode with a date of birth',
    many: 'postcodes with a date of birth',
    why: 'A full postcode covers only a few homes; with a date of birth it can pick out one person.',
    rephrase: 'Use the postcode district and an age band: “children aged 5 to 10 in E1”.',
  },
  'title-with-name': {
    what: 'A person’s name',
    many: 'people’s names',
    why: 'A title with a name points to one particular person.',
    rephrase: 'Describe the group, not the person: “a parent of two in Ward X”.',
  },
};

interface Found {
  rule: PrivacyRuleId;
  start: number;
  end: number;
}

// ---------------------------------------------------------------------------
// Email addresses

const SHARED_MAILBOX_WORDS = new Set(
  (
    'info enquiries enquiry contact contactus hello admin office team teams help helpdesk helpline servicedesk support ' +
    'feedback complaints complaint comments foi foirequests dpo dataprotection privacy ig informationgovernance governance ' +
    'records subjectaccess sar safeguarding mash lado earlyhelp familyhub familyhubs children childrensservices socialcare ' +
    'adultsocialcare housing homeless homelessness repairs benefits revenues counciltax council parking planning licensing ' +
    'environmentalhealth publichealth schools admissions attendance sen send education youth library libraries events ' +
    'noreply donotreply press media comms communications digital data insight research analytics performance finance ' +
    'procurement hr recruitment jobs careers payroll accounts invoices sales service services customer customers ' +
    'customerservices reception switchboard general mail post webmaster postmaster abuse security it ict bookings booking ' +
    'training volunteers volunteering partnerships policy strategy transformation innovation loti ' +
    // Placeholders in descriptions: "firstname.lastname@council.gov.uk".
    'firstname lastname surname forename name names yourname first last initial initials user username someone person staff'
  ).split(' '),
);

/** Reserved for examples (RFC 2606 / 6761): never a real person's mailbox. */
const EXAMPLE_DOMAIN = /(?:^|\.)(?:example\.(?:com|org|net)|example|test|invalid|localhost)$/i;

/** ASCII character classes as lookup tables: the scan below visits each character a bounded number of times. */
function charTable(chars: string): Uint8Array {
  const table = new Uint8Array(128);
  for (const c of chars) table[c.charCodeAt(0)] = 1;
  return table;
}
const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const LOCAL_CHARS = charTable(`${ALNUM}._%+'-`);
const DOMAIN_CHARS = charTable(`${ALNUM}.-`);
const isIn = (table: Uint8Array, text: string, index: number) => table[text.charCodeAt(index)] === 1;
const DOMAIN_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const TOP_LEVEL = /^[A-Za-z]{2,24}$/;
const TRAILING_DIGITS = /\d+$/;

function isSharedMailbox(local: string): boolean {
  const words = local.toLowerCase().split('+')[0]!.split(/[._-]/).filter(Boolean);
  return words.length > 0 && words.every((word) => SHARED_MAILBOX_WORDS.has(word.replace(TRAILING_DIGITS, '')));
}

/** From each "@" outwards: linear, whatever the text. */
function findEmails(text: string): Found[] {
  const found: Found[] = [];
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && at - start < 64 && isIn(LOCAL_CHARS, text, start - 1)) start--;
    if (start > 0 && isIn(LOCAL_CHARS, text, start - 1)) continue; // longer than any real mailbox name
    while (start < at && (text[start] === '.' || text[start] === "'" || text[start] === '-')) start++;
    if (start === at) continue;
    let end = at + 1;
    while (end < text.length && end - at <= 253 && isIn(DOMAIN_CHARS, text, end)) end++;
    const labels = text.slice(at + 1, end).split('.');
    // Drop what cannot be a domain's end: a trailing full stop, a half-typed label.
    while (labels.length > 0 && !TOP_LEVEL.test(labels.at(-1)!)) labels.pop();
    if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) continue;
    const domain = labels.join('.');
    const local = text.slice(start, at);
    if (EXAMPLE_DOMAIN.test(domain) || isSharedMailbox(local)) continue;
    found.push({ rule: 'email', start, end: at + 1 + domain.length });
  }
  return found;
}

// ---------------------------------------------------------------------------
// UK phone numbers

// Not inside a word or a number, nor after a currency sign, "+" or a decimal point.
const NOT_AFTER_WORD_OR_NUMBER = String.raw`(?<![\p{L}\p{N}_+£$€#@]|\d[.,-])`;
const NOT_BEFORE_WORD_OR_NUMBER = String.raw`(?![\p{L}\p{N}_%]|[.,-]\d)`;
const GROUPS = String.raw`(?:[ \u00A0-]\d{2,8}){0,3}`;
const PHONE = new RegExp(
  NOT_AFTER_WORD_OR_NUMBER +
    String.raw`(?:(?:\+|00)44[ \u00A0-]?(?:\(0\)[ \u00A0-]?)?(?:\(\d{2,5}\)[ \u00A0-]?\d{2,8}|\d{1,10})|\(0\d{1,4}\)[ \u00A0-]?\d{2,8}|0\d{1,10})` +
    GROUPS,
  'gu',
);
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isSeparator = (c: string | undefined) => c === ' ' || c === '\u00A0' || c === '-';

/** The national significant number (after the 0 or +44), or null for no UK phone number. */
function nationalNumber(candidate: string): string | null {
  let digits = '';
  for (const c of candidate) if (isDigit(c)) digits += c;
  if (candidate[0] === '+' || candidate.startsWith('00')) digits = digits.slice(digits.startsWith('0044') ? 4 : 2);
  if (digits[0] === '0') digits = digits.slice(1);
  // Mobiles (7) and geographic numbers (1, 2), ten digits. 3, 8 and 9 numbers are organisations' service lines.
  return digits.length === 10 && (digits[0] === '1' || digits[0] === '2' || digits[0] === '7') ? digits : null;
}

/**
 * How much of a candidate is a phone number: a number may be followed by other
 * figures ("020 7946 0018 2024"), so drop trailing groups until it is one. 0 for none.
 */
function phoneLength(candidate: string): number {
  let length = candidate.length;
  for (;;) {
    if (nationalNumber(candidate.slice(0, length)) !== null) return length;
    let i = length;
    while (i > 0 && isDigit(candidate[i - 1])) i--;
    if (i === 0 || length - i < 2 || !isSeparator(candidate[i - 1])) return 0;
    length = i - 1;
  }
}

/** Words that, just before a landline, say it belongs to a service ("Call the Early Help Hub on 020…"). */
const SERVICE_BEFORE = new RegExp(
  String.raw`(?<![\p{L}])(?:council|services?|teams?|hub|helpline|line|switchboard|desk|helpdesk|centre|center|office|reception|department|dept|unit|clinic|surgery|practice|school|hospital|enquiries|duty|hours)(?![\p{L}])[^\n\p{N}]{0,25}$`,
  'iu',
);
const WORD_OR_NUMBER_NEXT = /^(?:[\p{L}\p{N}_%]|[.,-]\d)/u;

function findPhones(text: string): Found[] {
  const found: Found[] = [];
  PHONE.lastIndex = 0;
  for (let m = PHONE.exec(text); m; m = PHONE.exec(text)) {
    const length = phoneLength(m[0]);
    const end = m.index + length;
    const number = length > 0 ? nationalNumber(m[0].slice(0, length)) : null;
    // A mobile is always someone's; a landline just after a service's name is the service's.
    const service = number !== null && number[0] !== '7' && SERVICE_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index));
    if (number !== null && !service && !WORD_OR_NUMBER_NEXT.test(text.slice(end, end + 2))) {
      found.push({ rule: 'uk-phone', start: m.index, end });
      PHONE.lastIndex = end;
    } else {
      PHONE.lastIndex = m.index + 1;
    }
  }
  return found;
}

// ---------------------------------------------------------------------------
// National Insurance numbers

const NI_NUMBER = new RegExp(
  String.raw`(?<![\p{L}\p{N}_])([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])[ \u00A0-]?\d{2}[ \u00A0-]?\d{2}[ \u00A0-]?\d{2}[ \u00A0-]?[A-D](?![\p{L}\p{N}_])`,
  'giu',
);
/** Prefixes HMRC never issues (TN is for temporary numbers). */
const NI_UNUSED_PREFIXES = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

function findNiNumbers(text: string): Found[] {
  const found: Found[] = [];
  for (const m of text.matchAll(NI_NUMBER)) {
    if (NI_UNUSED_PREFIXES.has(m[1]!.toUpperCase())) continue;
    found.push({ rule: 'ni-number', start: m.index, end: m.index + m[0].length });
  }
  return found;
}

// ---------------------------------------------------------------------------
// NHS numbers

const NHS_NUMBER = new RegExp(String.raw`(?<![\p{L}\p{N}_£$€#@/]|\d[.,-])\d{3}([ \u00A0-]?)\d{3}\1\d{4}` + NOT_BEFORE_WORD_OR_NUMBER, 'gu');

const NOT_DIGITS = /\D/g;

/** The NHS's modulus 11 check: weights 10 down to 2; a check digit of 10 is never issued. */
export function isValidNhsNumber(digits: string): boolean {
  if (digits.length !== 10 || ![...digits].every(isDigit)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = (11 - (sum % 11)) % 11;
  return check !== 10 && check === Number(digits[9]);
}

function findNhsNumbers(text: string): Found[] {
  const found: Found[] = [];
  for (const m of text.matchAll(NHS_NUMBER)) {
    const digits = m[0].replace(NOT_DIGITS, '');
    // Placeholders pass the check too: 0000000000, 0123456789.
    if (digits === digits[0]!.repeat(10) || digits === '0123456789') continue;
    if (isValidNhsNumber(digits)) found.push({ rule: 'nhs-number', start: m.index, end: m.index + m[0].length });
  }
  return found;
}

// ---------------------------------------------------------------------------
// A full postcode next to a date of birth

/** Royal Mail's format: A9, A99, AA9, AA99, A9A or AA9A, then 9AA (inward letters never C, I, K, M, O, V). */
const POSTCODE = new RegExp(
  String.raw`(?<![\p{L}\p{N}_])(?:[A-PR-UWYZ](?:\d[A-HJKPSTUW\d]?|[A-HK-Y]\d[ABEHMNPRVWXY\d]?)|GIR)[ \u00A0]?\d[ABD-HJLNP-UW-Z]{2}(?![\p{L}\p{N}_])`,
  'giu',
);
const MONTH = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?`;
const DATE = String.raw`(?:(?:on[ \u00A0])?(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{1,2}(?:st|nd|rd|th)?[ \u00A0]${MONTH},?[ \u00A0]\d{4}|${MONTH}[ \u00A0]\d{1,2}(?:st|nd|rd|th)?,?[ \u00A0]\d{4}|(?:in[ \u00A0])?\d{4}))`;
/** A birth cue, with the date that follows it when there is one. */
const BIRTH = new RegExp(
  String.raw`(?<![\p{L}\p{N}_])(?:d\.?o\.?b\.?|date[ \u00A0]of[ \u00A0]birth|birth[ \u00A0]?date|(?<!-)born(?![ \u00A0](?:out[ \u00A0]of|from)(?![\p{L}])))(?![\p{L}\p{N}_])(?:[ \u00A0:(\-–]{0,3}${DATE}(?![\p{L}\p{N}_]))?`,
  'giu',
);
/** How close a postcode and a birth cue must be to count as one person's details. */
const NEAR = 80;

function findPostcodesWithBirthDates(text: string): Found[] {
  const births = [...text.matchAll(BIRTH)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  if (births.length === 0) return [];
  const found: Found[] = [];
  let b = 0;
  for (const m of text.matchAll(POSTCODE)) {
    const postcode = { start: m.index, end: m.index + m[0].length };
    // Births are in order: skip those that end too far before this postcode, then take the nearest of the next two.
    while (b < births.length && births[b]!.end < postcode.start - NEAR) b++;
    const near = [births[b], births[b + 1]].filter(
      (birth) => birth !== undefined && birth.end >= postcode.start - NEAR && birth.start <= postcode.end + NEAR,
    );
    const gap = (birth: { start: number; end: number }) => Math.max(birth.start - postcode.end, postcode.start - birth.end);
    const birth = near.sort((x, y) => gap(x!) - gap(y!))[0];
    if (birth) {
      found.push({
        rule: 'postcode-with-birth-date',
        start: Math.min(birth.start, postcode.start),
        end: Math.max(birth.end, postcode.end),
      });
    }
  }
  return found;
}

// ---------------------------------------------------------------------------
// A title with a name

// In capitals only MRS and MISS: MR, MS and DR are also mixed reality, multiple sclerosis, disaster recovery.
const TITLE = /(?<![\p{L}\p{N}_])(?:Mrs|Mr|Ms|Miss|Mx|Dr|Prof|Professor|MRS|MISS)\.?(?=[ \u00A0]{1,2}[\p{Lu}a-z])/gu;
/** One word after a title: letters with apostrophes, hyphens and full stops (initials). */
const NAME_WORD = /[ \u00A0]{1,2}([\p{L}'’.-]{1,40})/uy;
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'du', 'la', 'le', 'al', 'el', 'bin', 'ibn', 'ap']);
/**
 * Capitalised words that follow a title without being a name: sentence starters
 * ("Dr. Then…"), roles ("Mr Speaker"), placeholders ("Mrs X"), and characters,
 * brands and organisations named after a title. Compared in lower case.
 */
const NOT_A_NAME = new Set(
  (
    'the then this that these those there they we you it he she his her its our your their my i a an and but or so if ' +
    'in on at for to of as by with from please note see also when where what who why how after before yes no ' +
    'mayor speaker president chair chairman chairwoman chairperson chief director head lead manager officer deputy ' +
    'secretary minister justice judge clerk governor sir madam x y z ' +
    'men tumble bean blobby kipling muscle sheen motivator whippy benn seuss foster martens marten pepper oetker ' +
    "barnardo barnardo's barnardos doubtfire tickle happy greedy bump messy strong noisy doctor teams word excel forms"
  ).split(' '),
);
const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor']);
const PLACEHOLDERS = new Set(['x', 'y', 'z']);

/** Up to four words after a title, with where each starts. */
function wordsAfter(text: string, from: number): { word: string; start: number }[] {
  const words: { word: string; start: number }[] = [];
  NAME_WORD.lastIndex = from;
  for (let m = NAME_WORD.exec(text); m && words.length < 4; m = NAME_WORD.exec(text)) {
    words.push({ word: m[1]!, start: NAME_WORD.lastIndex - m[1]!.length });
  }
  return words;
}

/** The word without a possessive or trailing punctuation: "Nguyen's" → "Nguyen", "Smith." → "Smith". */
const POSSESSIVE_OR_PUNCTUATION = /(?:['’]s)?[.'’-]*$/u;
const bareWord = (word: string) => word.replace(POSSESSIVE_OR_PUNCTUATION, '');
const CAPITALISED = /^\p{Lu}/u;
const isCapitalised = (word: string | undefined) => word !== undefined && CAPITALISED.test(word);
const INITIAL_WITH_STOP = /^\p{Lu}\.$/u;
const ENDS_CLAUSE = /[.'’]$/u;

function findTitlesWithNames(text: string): Found[] {
  const found: Found[] = [];
  for (const m of text.matchAll(TITLE)) {
    const words = wordsAfter(text, m.index + m[0].length);
    let nameEnd = -1;
    for (let i = 0; i < words.length; i++) {
      const { word, start } = words[i]!;
      const next = words[i + 1]?.word;
      if (PARTICLES.has(word) && isCapitalised(words.slice(i + 1).find((after) => !PARTICLES.has(after.word))?.word)) continue; // "Dr van der Berg"
      const bare = bareWord(word);
      const lower = bare.toLowerCase();
      if (!isCapitalised(word) || bare === '' || TITLES.has(lower)) break;
      if (nameEnd < 0 && (NOT_A_NAME.has(lower) || NOT_A_NAME.has(lower.split('-')[0]!))) {
        // "Dr A. Patel": a letter before a name is an initial, not the article.
        const initial =
          bare.length === 1 && !PLACEHOLDERS.has(lower) && isCapitalised(next) && !NOT_A_NAME.has(bareWord(next!).toLowerCase());
        if (!initial) break;
      }
      // The name ends before a possessive or a closing full stop, but keeps an initial's full stop.
      nameEnd = start + (INITIAL_WITH_STOP.test(word) ? word.length : bare.length);
      // A word that ends a sentence or a clause ends the name ("Mrs Smith. Then…"); an initial does not.
      if (bare.length > 1 && ENDS_CLAUSE.test(word)) break;
    }
    if (nameEnd > 0) found.push({ rule: 'title-with-name', start: m.index, end: nameEnd });
  }
  return found;
}

/**
 * Every pattern run over a whole text, so a test can check that none has an
 * unbounded quantifier (the guarantee of linear time on every keystroke).
 */
export const PRIVACY_SCAN_PATTERNS: readonly RegExp[] = [PHONE, SERVICE_BEFORE, NI_NUMBER, NHS_NUMBER, POSTCODE, BIRTH, TITLE, NAME_WORD];

// ---------------------------------------------------------------------------
// The check

const FINDERS: ((text: string) => Found[])[] = [
  findEmails,
  findPhones,
  findNiNumbers,
  findNhsNumbers,
  findPostcodesWithBirthDates,
  findTitlesWithNames,
];

/** 53-bit string hash (cyrb53): integer arithmetic only, so the same on every browser and in Node. */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * The fingerprint a dismissal stores: a short hash of the rule id and the exact
 * matched text, so a dismissal covers that text wherever it appears on the
 * canvas, and nothing else. Changing this function brings dismissed warnings back.
 */
export function privacyFingerprint(rule: PrivacyRuleId, match: string): string {
  return hash53(`${rule}\u0000${match}`).toString(36).padStart(11, '0');
}

/**
 * The privacy warnings for one text, in order of position, leaving out those
 * whose fingerprint is in `dismissed`. Where one finding lies inside another
 * (an NI number inside an email address), only the outer one is kept.
 */
export function checkPrivacy(text: string, dismissed: Iterable<string> = []): PrivacyWarning[] {
  const skip = dismissed instanceof Set ? (dismissed as ReadonlySet<string>) : new Set(dismissed);
  const found = FINDERS.flatMap((find) => find(text)).sort((a, b) => a.start - b.start || b.end - a.end);
  const warnings: PrivacyWarning[] = [];
  let outerEnd = -1;
  for (const { rule, start, end } of found) {
    if (end <= outerEnd) continue;
    outerEnd = end;
    const match = text.slice(start, end);
    const fingerprint = privacyFingerprint(rule, match);
    if (skip.has(fingerprint)) continue;
    const { what, why, rephrase } = PRIVACY_RULE_TEXT[rule];
    warnings.push({ rule, start, end, match, fingerprint, what, why, rephrase });
  }
  return warnings;
}

/** Texts already checked, with all their warnings: a board opened or re-rendered checks each text once. */
const checked = new Map<string, PrivacyWarning[]>();
const CHECKED_KEPT = 5_000;
const NO_WARNINGS: readonly PrivacyWarning[] = [];

/**
 * Every warning for a text, dismissed or not (filter by fingerprint for what
 * to show), remembered per text: the cards' warnings and the canvas's
 * "possible personal data" list share one check of each text.
 */
export function privacyWarningsIn(text: string): readonly PrivacyWarning[] {
  if (text === '') return NO_WARNINGS; // without waking the finders, whose patterns are compiled on first use
  let warnings = checked.get(text);
  if (!warnings) {
    if (checked.size >= CHECKED_KEPT) checked.clear(); // typing checks a new text per key: keep it bounded
    checked.set(text, (warnings = checkPrivacy(text)));
  }
  return warnings;
}

export interface PrivacySource {
  /** Where the text is, for the caller (e.g. a card id, "dataset:ds1:contents"). */
  key: string;
  text: string;
}

/** The warnings for many texts at once (an import, a restore, a template): only the texts that have some. */
export function findPrivacyWarnings(
  sources: Iterable<PrivacySource>,
  dismissed: Iterable<string> = [],
): { key: string; warnings: PrivacyWarning[] }[] {
  const skip = new Set(dismissed);
  const results: { key: string; warnings: PrivacyWarning[] }[] = [];
  for (const { key, text } of sources) {
    const warnings = checkPrivacy(text, skip);
    if (warnings.length > 0) results.push({ key, warnings });
  }
  return results;
}

/**
 * The dismissals that still match some text (returns `dismissed` itself when
 * all do). Run before an export so a file never carries a fingerprint of
 * text that is gone: fingerprints of short numbers can be reversed.
 */
export function prunePrivacyDismissed(dismissed: readonly string[], texts: Iterable<string>): readonly string[] {
  if (dismissed.length === 0) return dismissed;
  const present = new Set<string>();
  for (const text of texts) for (const warning of checkPrivacy(text)) present.add(warning.fingerprint);
  const kept = dismissed.filter((fingerprint) => present.has(fingerprint));
  return kept.length === dismissed.length ? dismissed : kept;
}

/** The dismissed list with one more fingerprint (the same list when it is already there). */
export function withPrivacyDismissal(dismissed: readonly string[], fingerprint: string): readonly string[] {
  return dismissed.includes(fingerprint) ? dismissed : [...dismissed, fingerprint];
}
