/**
 * The data inventory at Insight (issue 10 §4): each data set the team names,
 * what it holds, on what basis it may be used, who is missing from it, how
 * long it is kept and the insights that use it, with what is still to
 * settle. A table to read at a glance, then one form per data set (fields
 * stacked, so it reflows on a phone). Every field saves as you type and
 * undoes like any edit; text fields get the privacy check.
 */
import { memo, useRef } from 'react';
import { showToast } from '../../components/toasts';
import {
  ANSWER_LABELS,
  DPIA_LABELS,
  type DatasetFields,
  LAWFUL_BASIS_LABELS,
  SHARING_AGREEMENT_LABELS,
  addDataset,
  datasetGaps,
  deleteDataset,
  insightsUsing,
  linkDatasetToInsight,
  restoreDataset,
  unlinkDatasetFromInsight,
  updateDataset,
} from '../../domain/dataInventory';
import { newId } from '../../domain/ids';
import { ANSWERS, type Answer, DPIA_STATES, type Dataset, LAWFUL_BASES, LIMITS, SHARING_AGREEMENTS } from '../../domain/model';
import { useCard, useCardIds, useOpenCanvas } from '../../state/canvasSelectors';
import { useDataset, useDatasetIds } from '../../state/inventorySelectors';
import { useCanvasStore } from '../../state/canvasStore';
import { useLockedReason } from '../../state/sharingStore';
import { LockedArea } from '../../components/LockedArea';
import { shortText } from '../../domain/thread';
import { useFieldPrivacy } from './useFieldPrivacy';
import './DataInventory.css';

const NOT_DECIDED = 'Not decided yet';
const datasetDomId = (id: string) => `dataset-${id}`;
const fieldId = (id: string, field: string) => `dataset-${id}-${field}`;

/** After an add, the new data set's name field takes focus once it is on screen. */
let focusNameOf: string | null = null;

function change(id: string, fields: Partial<DatasetFields>, group?: string): void {
  const refusal = useCanvasStore.getState().attempt((canvas, now) => updateDataset(canvas, id, fields, now), group);
  if (refusal) showToast({ message: refusal });
}

export function DataInventory() {
  const ids = useDatasetIds();
  // In a shared canvas, participants see the inventory; they change it only if the facilitator allows it.
  const locked = useLockedReason('datasets', 'name');
  const addRef = useRef<HTMLButtonElement>(null);

  function add() {
    const id = newId();
    const refusal = useCanvasStore.getState().attempt((canvas, now) => addDataset(canvas, { id }, now));
    if (refusal) {
      showToast({ message: refusal });
      return;
    }
    focusNameOf = id;
  }

  return (
    <section className="inventory" aria-labelledby="inventory-heading">
      <h3 id="inventory-heading" tabIndex={-1}>
        Data inventory ({ids.length} {ids.length === 1 ? 'data set' : 'data sets'})
      </h3>
      <p className="hint">
        Each data set the insights need: who holds it, what is in it, on what basis it may be used, who is missing from it and how long it
        is kept. What is still to settle is listed under each one. It goes into the export.
      </p>
      {ids.length > 0 && <InventoryTable ids={ids} />}
      <LockedArea reason={locked}>
        {ids.map((id, index) => (
          <DatasetForm key={id} id={id} number={index + 1} addRef={addRef} />
        ))}
      </LockedArea>
      {!locked && (
        <button ref={addRef} type="button" className="button button--secondary" onClick={add}>
          + Add a data set
        </button>
      )}
    </section>
  );
}

/** The inventory at a glance. A data table may scroll sideways on a phone (WCAG 1.4.10 allows it); the forms below reflow. */
function InventoryTable({ ids }: { ids: readonly string[] }) {
  const canvas = useOpenCanvas();
  if (!canvas) return null;
  return (
    <div className="inventory__table" role="region" aria-labelledby="inventory-table-caption" tabIndex={0}>
      <table>
        <caption id="inventory-table-caption">Data sets at a glance</caption>
        <thead>
          <tr>
            <th scope="col">Data set</th>
            <th scope="col">Held by</th>
            <th scope="col">Personal data</th>
            <th scope="col">Lawful basis</th>
            <th scope="col">Sharing agreement</th>
            <th scope="col">DPIA</th>
            <th scope="col">Used by</th>
            <th scope="col">Still to settle</th>
          </tr>
        </thead>
        <tbody>
          {ids.map((id, index) => {
            const dataset = canvas.datasets[id];
            if (!dataset) return null;
            const gaps = datasetGaps(canvas, dataset).length;
            const used = insightsUsing(canvas, dataset).length;
            return (
              <tr key={id}>
                <th scope="row">
                  <a href={`#${datasetDomId(id)}`} onClick={(event) => goToDataset(event, id)}>
                    {index + 1}. {dataset.name.trim() || 'Unnamed data set'}
                  </a>
                </th>
                <td>{dataset.holder}</td>
                <td>{personalSummary(dataset)}</td>
                <td>{dataset.lawfulBasis ? LAWFUL_BASIS_LABELS[dataset.lawfulBasis] : NOT_DECIDED}</td>
                <td>{dataset.sharingAgreement ? SHARING_AGREEMENT_LABELS[dataset.sharingAgreement] : NOT_DECIDED}</td>
                <td>{dataset.dpia ? DPIA_LABELS[dataset.dpia] : NOT_DECIDED}</td>
                <td>{used === 0 ? 'No insight yet' : `${used} ${used === 1 ? 'insight' : 'insights'}`}</td>
                <td>{gaps === 0 ? 'Nothing' : `${gaps} ${gaps === 1 ? 'thing' : 'things'}`}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The hash router owns the address: go to the form by focusing it instead. */
function goToDataset(event: React.MouseEvent, id: string) {
  event.preventDefault();
  const heading = document.getElementById(`${datasetDomId(id)}-heading`);
  heading?.scrollIntoView?.({ block: 'start' });
  heading?.focus({ preventScroll: true });
}

function personalSummary(dataset: Dataset): string {
  const kinds = [
    dataset.specialCategory === 'yes' && 'special category',
    dataset.criminalOffence === 'yes' && 'criminal offence',
    dataset.children === 'yes' && 'children’s',
  ].filter(Boolean);
  if (kinds.length) return `Yes, with ${kinds.join(', ')} data`;
  return ANSWER_LABELS[dataset.personal];
}

const DatasetForm = memo(function DatasetForm({
  id,
  number,
  addRef,
}: {
  id: string;
  number: number;
  addRef: React.RefObject<HTMLButtonElement | null>;
}) {
  const dataset = useDataset(id);
  const canvas = useOpenCanvas();
  const nameRef = useRef<HTMLInputElement | null>(null);
  const setNameRef = (element: HTMLInputElement | null) => {
    nameRef.current = element;
    if (element && focusNameOf === id) {
      focusNameOf = null;
      element.focus();
    }
  };
  if (!dataset || !canvas) return null;
  const gaps = datasetGaps(canvas, dataset);
  const name = dataset.name.trim() || 'Unnamed data set';

  function remove() {
    useCanvasStore.getState().edit((current, now) => deleteDataset(current, id, now));
    addRef.current?.focus();
    showToast({
      message: `Data set “${name}” deleted.`,
      actionLabel: 'Undo',
      onAction: () => useCanvasStore.getState().edit((current, now) => restoreDataset(current, id, now)),
    });
  }

  return (
    <article className="dataset" id={datasetDomId(id)} aria-labelledby={`${datasetDomId(id)}-heading`}>
      <h4 id={`${datasetDomId(id)}-heading`} tabIndex={-1}>
        Data set {number}: {name}
      </h4>
      <div className="dataset__fields">
        <TextField dataset={dataset} field="name" label="Name" inputRef={setNameRef} />
        <TextField dataset={dataset} field="holder" label="Held by (team, service or organisation)" />
        <TextField dataset={dataset} field="contents" label="What it contains" long />
        {(['personal', 'specialCategory', 'criminalOffence', 'children'] as const).map((field) => (
          <SelectField
            key={field}
            id={fieldId(id, field)}
            label={ANSWER_QUESTIONS[field]}
            value={dataset[field]}
            options={ANSWERS.map((answer) => [answer, ANSWER_LABELS[answer]])}
            onChange={(value) => change(id, { [field]: value as Answer })}
          />
        ))}
        <SelectField
          id={fieldId(id, 'lawfulBasis')}
          label="Lawful basis (UK GDPR article 6)"
          value={dataset.lawfulBasis}
          options={[['', NOT_DECIDED], ...LAWFUL_BASES.map((basis): [string, string] => [basis, LAWFUL_BASIS_LABELS[basis]])]}
          onChange={(value) => change(id, { lawfulBasis: value as DatasetFields['lawfulBasis'] })}
        />
        <SelectField
          id={fieldId(id, 'sharingAgreement')}
          label="Data-sharing agreement"
          value={dataset.sharingAgreement}
          options={[['', NOT_DECIDED], ...SHARING_AGREEMENTS.map((state): [string, string] => [state, SHARING_AGREEMENT_LABELS[state]])]}
          onChange={(value) => change(id, { sharingAgreement: value as DatasetFields['sharingAgreement'] })}
        />
        <SelectField
          id={fieldId(id, 'dpia')}
          label="Data protection impact assessment (DPIA)"
          value={dataset.dpia}
          options={[['', NOT_DECIDED], ...DPIA_STATES.map((state): [string, string] => [state, DPIA_LABELS[state]])]}
          onChange={(value) => change(id, { dpia: value as DatasetFields['dpia'] })}
        />
        <TextField dataset={dataset} field="qualityProblems" label="Known quality problems" long />
        <TextField dataset={dataset} field="whoIsMissing" label="Who is missing, miscounted or over-represented in it" long />
        <TextField dataset={dataset} field="retention" label="How long it is kept, and when it is deleted" />
      </div>
      <UsedBy dataset={dataset} />
      <div className="dataset__gaps">
        {gaps.length === 0 ? (
          <p>
            <strong>Nothing left to settle</strong> for this data set.
          </p>
        ) : (
          <>
            <p>
              <strong>Still to settle ({gaps.length}):</strong>
            </p>
            <ul>
              {gaps.map((gap) => (
                <li key={gap.code}>{gap.message}</li>
              ))}
            </ul>
          </>
        )}
      </div>
      <button type="button" className="button button--secondary button--small" onClick={remove}>
        Delete data set {number}
      </button>
    </article>
  );
});

const ANSWER_QUESTIONS = {
  personal: 'Does it hold personal data?',
  specialCategory: 'Special category data (such as ethnicity or health)?',
  criminalOffence: 'Criminal offence data?',
  children: 'Children’s data?',
} as const;

type TextFieldName = 'name' | 'holder' | 'contents' | 'qualityProblems' | 'whoIsMissing' | 'retention';

function TextField({
  dataset,
  field,
  label,
  long = false,
  inputRef,
}: {
  dataset: Dataset;
  field: TextFieldName;
  label: string;
  long?: boolean;
  inputRef?: (element: HTMLInputElement | null) => void;
}) {
  const id = fieldId(dataset.id, field);
  const value = dataset[field];
  const ownRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const privacy = useFieldPrivacy(value, { id: `${id}-privacy`, returnFocusRef: ownRef, subject: 'this field', compact: true });
  const common = {
    id,
    className: long ? 'textarea' : 'input',
    value,
    dir: 'auto' as const,
    'aria-describedby': privacy.describedBy,
    onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      change(dataset.id, { [field]: event.target.value }, `dataset:${dataset.id}:${field}`),
  };
  return (
    <div className={`field${long ? ' dataset__wide' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {long ? (
        <textarea ref={ownRef} maxLength={LIMITS.longTextLength} {...common} />
      ) : (
        <input
          ref={(element) => {
            ownRef.current = element as (HTMLInputElement & HTMLTextAreaElement) | null;
            inputRef?.(element);
          }}
          type="text"
          maxLength={LIMITS.shortTextLength}
          {...common}
        />
      )}
      {privacy.warnings}
    </div>
  );
}

function SelectField({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  options: [string, string][];
  onChange: (value: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} className="input" value={value} onChange={(event) => onChange(event.target.value)}>
        {options.map(([option, text]) => (
          <option key={option} value={option}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The Insight cards that use a data set, ticked on or off. */
function UsedBy({ dataset }: { dataset: Dataset }) {
  const insightIds = useCardIds('insight');
  return (
    <fieldset className="dataset__used-by">
      <legend>Used by these insights</legend>
      {insightIds.length === 0 ? (
        <p className="hint">No Insight cards yet: add the insights this data feeds, then tick them here.</p>
      ) : (
        insightIds.map((cardId, index) => <UsedByChoice key={cardId} dataset={dataset} cardId={cardId} index={index} />)
      )}
    </fieldset>
  );
}

function UsedByChoice({ dataset, cardId, index }: { dataset: Dataset; cardId: string; index: number }) {
  const card = useCard(cardId);
  if (!card) return null;
  const checked = dataset.usedBy.includes(cardId);
  return (
    <label className="dataset__choice">
      <input
        type="checkbox"
        checked={checked}
        onChange={() => {
          const store = useCanvasStore.getState();
          if (checked) store.edit((canvas, now) => unlinkDatasetFromInsight(canvas, dataset.id, cardId, now));
          else {
            const refusal = store.attempt((canvas, now) => linkDatasetToInsight(canvas, dataset.id, cardId, now));
            if (refusal) showToast({ message: refusal });
          }
        }}
      />
      <span dir="auto">
        {shortText(card.text, 90)}
        <span className="visually-hidden"> (card {index + 1} in Insight)</span>
      </span>
    </label>
  );
}
