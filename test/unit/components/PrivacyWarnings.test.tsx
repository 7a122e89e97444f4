import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useRef, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { PrivacyWarnings, describePrivacyWarnings, usePrivacyWarnings } from '../../../src/components/PrivacyWarnings';
import { checkPrivacy, withPrivacyDismissal } from '../../../src/domain/privacy';

/** A card's text field wired the way ARCHITECTURE.md describes, with the dismissed list in state. */
function Card({ initialText = '', initialDismissed = [] as string[] }) {
  const [text, setText] = useState(initialText);
  const [dismissed, setDismissed] = useState<readonly string[]>(initialDismissed);
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const warnings = usePrivacyWarnings(text, dismissed);
  return (
    <>
      <label htmlFor="card-1">Card text</label>
      <textarea
        id="card-1"
        ref={fieldRef}
        value={text}
        onChange={(event) => setText(event.target.value)}
        aria-describedby={warnings.length > 0 ? 'privacy-card-1-summary' : undefined}
      />
      <PrivacyWarnings
        id="privacy-card-1"
        subject="this card"
        warnings={warnings}
        returnFocusRef={fieldRef}
        onDismiss={(warning) => setDismissed((list) => withPrivacyDismissal(list, warning.fingerprint))}
      />
      <output data-testid="dismissed">{dismissed.join(',')}</output>
    </>
  );
}

/** The polite live region: what a screen reader hears without moving. */
const announcement = (container: HTMLElement) => container.querySelector('[aria-live="polite"]')!;
/** The visible summary line above the warnings (the field's description). */
const summary = () => document.getElementById('privacy-card-1-summary');

describe('PrivacyWarnings', () => {
  it('shows nothing, and says nothing, for text about groups', async () => {
    const { container } = render(<Card />);
    await userEvent.type(screen.getByLabelText('Card text'), 'Families in Ward X, 28% by 2027');
    expect(summary()).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /dismiss/i })).not.toBeInTheDocument();
    expect(announcement(container)).toHaveTextContent('');
  });

  it('warns while someone types, says why and how to rephrase, announces it politely and leaves focus in the field', async () => {
    const { container } = render(<Card />);
    const field = screen.getByLabelText('Card text');
    await userEvent.type(field, 'Call mum on 07700 900123');

    expect(field).toHaveFocus();
    expect(summary()).toHaveTextContent('⚠ Possible personal data in this card: a phone number.');
    expect(screen.getByText('07700 900123').tagName).toBe('MARK');
    expect(screen.getByText(/reaches one person directly/)).toBeVisible();
    expect(screen.getByText(/say who to contact by role/)).toBeVisible();
    expect(announcement(container)).toHaveTextContent('Possible personal data in this card: a phone number.');
    expect(field).toHaveAccessibleDescription('Possible personal data in this card: a phone number.');
  });

  it('says when the warning has gone because the text was rephrased', async () => {
    const { container } = render(<Card />);
    const field = screen.getByLabelText('Card text');
    await userEvent.type(field, 'Mrs Begum rang');
    expect(summary()).toHaveTextContent('Possible personal data in this card: a person’s name.');
    await userEvent.clear(field);
    await userEvent.type(field, 'A parent of two in Ward X rang');
    expect(summary()).not.toBeInTheDocument();
    expect(announcement(container)).toHaveTextContent('The privacy warning has gone.');
    expect(field).toHaveFocus();
  });

  it('does not announce warnings already there when the text is opened', () => {
    const { container } = render(<Card initialText="Mrs Begum rang" />);
    expect(summary()).toHaveTextContent('Possible personal data in this card: a person’s name.');
    expect(announcement(container)).toHaveTextContent('');
  });

  it('dismisses one warning by keyboard, stores its fingerprint and moves focus to the next warning', async () => {
    const text = 'Mrs Begum, jo@gmail.com';
    const [name, email] = checkPrivacy(text);
    const { container } = render(<Card initialText={text} />);
    const buttons = screen.getAllByRole('button', { name: 'It’s fine, dismiss' });
    expect(buttons).toHaveLength(2);
    expect(buttons[0]).toHaveAccessibleDescription('A person’s name: Mrs Begum');

    buttons[0]!.focus();
    await userEvent.keyboard('{Enter}');

    expect(screen.getByTestId('dismissed')).toHaveTextContent(name!.fingerprint);
    expect(screen.queryByText('Mrs Begum')).not.toBeInTheDocument();
    const remaining = screen.getByRole('button', { name: 'It’s fine, dismiss' });
    expect(remaining).toHaveAccessibleDescription(`An email address: ${email!.match}`);
    expect(remaining).toHaveFocus();
    expect(announcement(container)).toHaveTextContent(
      'Warning dismissed for this text. Possible personal data in this card: an email address.',
    );
  });

  it('returns focus to the field when the last warning is dismissed, and the same text stays quiet afterwards', async () => {
    const { container } = render(<Card />);
    const field = screen.getByLabelText('Card text');
    await userEvent.type(field, 'NHS 943 476 5919');
    await userEvent.click(screen.getByRole('button', { name: 'It’s fine, dismiss' }));

    expect(field).toHaveFocus();
    expect(summary()).not.toBeInTheDocument();
    expect(announcement(container)).toHaveTextContent('Warning dismissed for this text.');

    // The dismissal is for that exact text: typing on does not bring it back, a new number does.
    await userEvent.type(field, ' seen today');
    expect(summary()).not.toBeInTheDocument();
    await userEvent.type(field, ', sister 401 023 2137');
    expect(summary()).toHaveTextContent('Possible personal data in this card: an NHS number.');
  });

  it('shows the matched text as text, never as HTML', () => {
    render(<Card initialText={'<img src=x onerror=alert(1)> Mrs Begum'} />);
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByText('Mrs Begum').tagName).toBe('MARK');
  });

  it('summarises several warnings in plain words', () => {
    const warnings = checkPrivacy('Mrs Begum, 07700 900123, 07700 900124, jo@gmail.com');
    expect(describePrivacyWarnings(warnings)).toBe('a person’s name, 2 phone numbers and an email address');
    const list = render(<PrivacyWarnings id="p" warnings={warnings} onDismiss={() => {}} returnFocusRef={{ current: null }} />);
    expect(within(list.container).getAllByRole('listitem')).toHaveLength(4);
    expect(document.getElementById('p-summary')).toHaveTextContent(
      'Possible personal data in this text: a person’s name, 2 phone numbers and an email address.',
    );
  });
});
