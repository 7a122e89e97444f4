// @vitest-environment node
/** Canvas Markdown version 2: what it adds, version 1 files still reading whole, and the messages for bad files. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type MarkdownImport, describeProblems, importCanvasMarkdown } from '../../../../src/domain/markdown/importCanvas';
import { checkKey } from '../../../../src/domain/model';

const FIXTURES = join(__dirname, '../fixtures');
const V2 = '---\nformat: outcome-canvas\nversion: 2\n---\n\n';
const read = (markdown: string) => {
  const result = importCanvasMarkdown(markdown);
  if (!result.ok) throw new Error(describeProblems(result.problems).join('\n'));
  return result.content;
};
const problemsOf = (result: MarkdownImport) => {
  if (result.ok) throw new Error('expected the import to be refused');
  return describeProblems(result.problems);
};
const problems = (markdown: string) => problemsOf(importCanvasMarkdown(markdown));

describe('a version 1 file (written by the previous release)', () => {
  const v1 = readFileSync(join(FIXTURES, 'v1-canvas.md'), 'utf8');

  it('imports with everything it carried', () => {
    const result = importCanvasMarkdown(v1);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.version).toBe(1);
    const { content } = result;
    expect(content.title).toBe('Café plan: youth justice 👩🏽‍💻 مرحبا');
    expect(content.description).toBe('Fewer young Black Londoners drawn into the justice system.\nA second line.');
    expect(content.cards.outcome.map((card) => [card.text, card.colour])).toEqual([
      ['Young people are diverted from custody', 'yellow'],
      ['Families trust the service\nand use it early', 'blue'],
    ]);
    expect(content.cards.action).toMatchObject([{ text: 'Youth workers see *risk* | weekly <script>x</script>', colour: 'pink' }]);
    expect(content.cards.enablers.map((card) => card.text)).toEqual(['A data-sharing agreement']);
    expect(content.checks[checkKey('insight', 'consent')]).toEqual({
      status: 'concern',
      notes: 'Residents were never asked\nRaise with the DPO',
      resolved: false,
      resolution: '',
    });
    expect(content.checks[checkKey('outcome', 'trust')].status).toBe('no-concern');
    expect(content.facilitation.outcome).toEqual({ minutes: 30, notes: 'Ask: which group, specifically?' });
  });

  it('gives everything version 2 added its default', () => {
    const content = read(v1);
    for (const card of content.cards.outcome)
      expect(card).toMatchObject({ votes: 0, agreed: false, example: false, source: '', serves: [] });
    expect(content.parked).toEqual([]);
    expect(content.actionItems).toEqual([]);
    expect(content.datasets).toEqual([]);
    expect(content.votesPerPerson).toBe(3);
    expect(content.workshop).toEqual({ heldOn: '', organisation: '', facilitator: '', participants: '' });
    expect(Object.values(content.governance).every((check) => check.status === 'not-discussed')).toBe(true);
  });

  it('keeps a typed "<!-- card: … -->" at the end of a version 1 card as the text it was', () => {
    const content = read('---\nformat: outcome-canvas\nversion: 1\n---\n\n# T\n\n## Outcome\n\n- Keep this<!-- card: votes=3 -->\n');
    expect(content.cards.outcome[0]).toMatchObject({ text: 'Keep this<!-- card: votes=3 -->', votes: 0 });
  });
});

describe('version 2 additions', () => {
  const file = `${V2}# Early help

## Workshop

- Date held: 2026-03-05
- Organisation: London Borough of Lambeth
- Facilitator: Sam
- Who took part: Two social workers\\
  A data analyst
- Votes per person: 5

## 1. Outcome

- Families get help before crisis (Agreed · 4 votes)<!-- card: ref=o1; votes=4; agreed -->

## 2. Action

- Early help workers call families sooner (Example from LOTI, "A Caveat on Data")<!-- card: ref=a1; example; source="LOTI, \\"A Caveat on Data\\""; serves=o1 -->

## 3. Insight

- A weekly list of families with rising need<!-- card: ref=weekly; colour=blue; serves=a1 -->

### Before this goes live: Insight

| Check | Status | Notes | Resolution |
| - | - | - | - |
| Lawful basis<!-- governance: lawful-basis --> | Concern resolved | Which article 6 basis? | Public task, agreed with the DPO |
| DPIA screening | Discussed, no concern | | |

## 4. Enablers

- Funding for the extra calls<!-- card: serves=weekly,a1,nowhere -->

## Parking lot

- Ask about school data (Parked from Insight · 2 votes)<!-- card: step=insight; votes=2 -->

## Action log

| Action | Owner | Due | Status | Concern |
| - | - | - | - | - |
| Book a DPIA screening | Priya | 2026-04-01 | Open | Insight, Consent |
| Draft the sharing agreement | | | Done | Lawful basis<!-- concern: governance:lawful-basis --> |

## Data inventory

### 1. Children's social care records

- Held by: Children's services
- Contains: Referrals and assessments
- Personal data: Yes
- Special category data: Not known yet
- Criminal offence data: No
- Children's data: Yes
- Lawful basis: Public task (article 6(1)(e))
- Data-sharing agreement: Being drafted
- DPIA: Needed
- Kept for: 6 years after the case closes
- Used by: “A weekly list of families…”<!-- used-by: weekly -->

## Golden thread

- **Outcome:** anything here is worked out, so ignored
`;

  it('reads workshop details, votes, agreed marks, examples with sources, links, governance, the parking lot, the action log and the data inventory', () => {
    const content = read(file);
    expect(content.workshop).toEqual({
      heldOn: '2026-03-05',
      organisation: 'London Borough of Lambeth',
      facilitator: 'Sam',
      participants: 'Two social workers\nA data analyst',
    });
    expect(content.votesPerPerson).toBe(5);
    expect(content.cards.outcome).toEqual([
      { text: 'Families get help before crisis', colour: 'yellow', votes: 4, agreed: true, example: false, source: '', serves: [] },
    ]);
    expect(content.cards.action[0]).toMatchObject({
      text: 'Early help workers call families sooner',
      example: true,
      source: 'LOTI, "A Caveat on Data"',
      serves: ['o1'],
    });
    expect(content.cards.insight[0]).toMatchObject({ colour: 'blue', serves: ['a1'] });
    // Refs written in the file become positions; a ref to no card is dropped.
    expect(content.cards.enablers[0]!.serves).toEqual(['i1', 'a1']);
    expect(content.governance['lawful-basis']).toEqual({
      status: 'concern',
      notes: 'Which article 6 basis?',
      resolved: true,
      resolution: 'Public task, agreed with the DPO',
    });
    expect(content.governance['dpia-screening'].status).toBe('no-concern');
    expect(content.parked).toEqual([
      { text: 'Ask about school data', colour: 'yellow', votes: 2, agreed: false, example: false, source: '', serves: [], step: 'insight' },
    ]);
    expect(content.actionItems).toEqual([
      { text: 'Book a DPIA screening', owner: 'Priya', due: '2026-04-01', status: 'open', concern: 'insight:consent' },
      { text: 'Draft the sharing agreement', owner: '', due: '', status: 'done', concern: 'governance:lawful-basis' },
    ]);
    expect(content.datasets).toEqual([
      {
        name: "Children's social care records",
        holder: "Children's services",
        contents: 'Referrals and assessments',
        personal: 'yes',
        specialCategory: 'unknown',
        criminalOffence: 'no',
        children: 'yes',
        lawfulBasis: 'public-task',
        sharingAgreement: 'drafting',
        dpia: 'needed',
        qualityProblems: '',
        whoIsMissing: '',
        retention: '6 years after the case closes',
        usedBy: ['i1'],
      },
    ]);
  });

  it('refuses two cards with the same ref, naming the line', () => {
    expect(problems(`${V2}# T\n\n## Outcome\n\n- One<!-- card: ref=x -->\n- Two<!-- card: ref=x -->\n`).join('\n')).toMatch(
      /^Line 11: Two cards have the ref "x"/m,
    );
  });

  it('refuses a card note it cannot read, or with something a card cannot carry', () => {
    expect(problems(`${V2}# T\n\n## Outcome\n\n- One<!-- card: votes=1000 -->\n`).join()).toMatch(
      /votes must be a whole number from 0 to 999/,
    );
    expect(problems(`${V2}# T\n\n## Outcome\n\n- One<!-- card: votez=3 -->\n`).join()).toMatch(/"votez" is not something a card can carry/);
    expect(problems(`${V2}# T\n\n## Outcome\n\n- One<!-- card: =3 -->\n`).join()).toMatch(/not written as "key=value/);
  });

  it('refuses a due date that is no date, a concern that is no check, and a data set detail it does not know', () => {
    const log = (row: string) =>
      `${V2}# T\n\n## Action log\n\n| Action | Owner | Due | Status | Concern |\n| - | - | - | - | - |\n${row}\n`;
    expect(problems(log('| A | B | 31/03/2026 | Open | |')).join()).toMatch(/"31\/03\/2026" is not a due date/);
    expect(problems(log('| A | B | 2026-02-30 | Open | |')).join()).toMatch(/is not a due date/);
    expect(problems(log('| A | B | | Open | Insight, Fairness |')).join()).toMatch(/"insight, fairness" is not one of the canvas's checks/);
    expect(problems(log('| A | B | | Maybe | |')).join()).toMatch(/"maybe" is not an action's status/);
    expect(problems(`${V2}# T\n\n## Data inventory\n\n### Housing\n\n- Colour: blue\n`).join()).toMatch(
      /"Colour: blue" is not a detail of a data set/,
    );
    expect(problems(`${V2}# T\n\n## Data inventory\n\n### Housing\n\n- Personal data: Perhaps\n`).join()).toMatch(
      /"Perhaps" is not an answer/,
    );
  });

  it('refuses a workshop date or votes per person out of range', () => {
    expect(problems(`${V2}# T\n\n## Workshop\n\n- Date held: last Tuesday\n`).join()).toMatch(/date held must be written year-month-day/);
    expect(problems(`${V2}# T\n\n## Workshop\n\n- Votes per person: 0\n`).join()).toMatch(/from 1 to 20/);
  });

  it('matches a governance check by its name when the file has no hidden id', () => {
    const content = read(
      `${V2}# T\n\n## Insight\n\n### Before this goes live\n\n| Check | Status | Notes |\n| - | - | - |\n| data minimisation | Concern raised | Too many fields |\n`,
    );
    expect(content.governance['data-minimisation']).toMatchObject({ status: 'concern', notes: 'Too many fields' });
    expect(
      problems(
        `${V2}# T\n\n## Insight\n\n### Before this goes live\n\n| Check | Status | Notes |\n| - | - | - |\n| Vibes | Concern raised | |\n`,
      ).join(),
    ).toMatch(/"vibes" is not one of the checks before this goes live/);
  });
});

describe('messages for bad files', () => {
  it('calls an empty file empty', () => {
    for (const empty of ['', '   \n\n\t', '\uFEFF'])
      expect(problems(empty)).toEqual(['The file is empty: there is nothing in it to import.']);
  });

  it.each([
    ['1.5', /format version "1.5", which is not a version of the canvas format/],
    ['0', /format version "0", which is not a version/],
    ['two', /format version "two", which is not a version/],
    ['-1', /format version "-1", which is not a version/],
    ['3', /newer version of Outcome Canvas \(format version 3; this app reads up to 2\)/],
  ])('calls version %s what it is', (version, message) => {
    expect(problems(`---\nformat: outcome-canvas\nversion: ${version}\n---\n\n# T\n`)).toEqual([expect.stringMatching(message)]);
  });

  it('says so when the front matter gives no version', () => {
    expect(problems('---\nformat: outcome-canvas\n---\n\n# T\n')).toEqual([expect.stringMatching(/does not say which version/)]);
  });

  it('gives one message for one problem: a wrong heading is reported once, not again for what follows it', () => {
    expect(problems(`${V2}# T\n\n## Budget\n\n- a\n- b\n\nA paragraph.\n\n| x | y |\n| - | - |\n| 1 | 2 |\n`)).toEqual([
      expect.stringMatching(/^Line 8: "## Budget" is not a canvas step or section/),
    ]);
    expect(problems(`${V2}Some text before the title.\n\nMore text.\n\n## Outcome\n\n- a\n`)).toHaveLength(1);
  });
});

describe('hostile files are refused before parsing, with a message about the file', () => {
  it.each([
    ['5,000 nested lists in 10 KB', `${V2}# T\n\n## Outcome\n\n${'- '.repeat(5000)}x\n`, /nested too deeply/],
    ['20,000 nested quotes', `${V2}# T\n\n${'> '.repeat(20_000)}x\n`, /nested too deeply/],
    [
      'lists nested by indentation',
      `${V2}# T\n\n${Array.from({ length: 200 }, (_, i) => `${' '.repeat(i * 2)}- x`).join('\n')}\n`,
      /nested too deeply/,
    ],
    ['20,000 nested *', `${V2}# T\n\n## Outcome\n\n- ${'*a '.repeat(20_000)}b${'*'.repeat(20_000)}\n`, /too many emphasis or link markers/],
    ['20,000 nested [', `${V2}# T\n\n${'['.repeat(20_000)}x${']'.repeat(20_000)}\n`, /too many emphasis or link markers/],
    ['"- " × 20,000', `${V2}# T\n\n## Outcome\n\n${'- \n'.repeat(20_001)}`, /more than 20,000 list items/],
    [
      'a table of 5,000 rows',
      `${V2}# T\n\n## Action log\n\n| Action | Owner | Due | Status |\n| - | - | - | - |\n${'| a | b | | Open |\n'.repeat(5000)}`,
      /more than 3,000 table rows/,
    ],
  ])('%s', (_name, markdown, message) => {
    const found = problems(markdown);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(message);
    expect(found[0]).not.toMatch(/browser|store/i);
  });

  it('still reads the deepest nesting the exporter writes (the golden thread, four levels)', () => {
    expect(importCanvasMarkdown(`${V2}# T\n\n## Golden thread\n\n- a\n  - b\n    - c\n      - d\n`).ok).toBe(true);
  });
});
