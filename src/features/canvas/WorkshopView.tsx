/**
 * Running the workshop: the agenda with the timer for every step, the
 * whole workshop's time against its plan, dot-voting settings and the
 * workshop's details (shown in every export).
 */
import { useId, useState } from 'react';
import { RefusalMessage } from '../../components/RefusalMessage';
import { setPlannedMinutes, setVotesPerPerson, setWorkshopDetails } from '../../domain/canvas';
import { totalVotes } from '../../domain/cards';
import { STEP_GUIDANCE } from '../../domain/guidance';
import { type Canvas, LIMITS, STEP_IDS, type WorkshopDetails } from '../../domain/model';
import { formatClock, resetWorkshopTimer, stepClock, workshopClock } from '../../domain/timer';
import { useOpenCanvas } from '../../state/canvasSelectors';
import { useIsParticipant } from '../../state/sharingStore';
import { useCanvasStore } from '../../state/canvasStore';
import { attempt, clearAllVotes } from './cardActions';
import { ActionLog } from './ActionLog';
import { ParkingLot } from './ParkingLot';
import { StepTimer, minutesText, useNow } from './StepTimer';
import './WorkshopView.css';

/** What a participant in a shared canvas finds there: the agenda, timer, voting and details are the facilitator's. */
export const PARTICIPANT_WORKSHOP_TITLE = 'Parking lot and actions';

export function WorkshopView() {
  const canvas = useOpenCanvas();
  const participant = useIsParticipant();
  if (!canvas) return null;
  if (participant)
    return (
      <div className="workshop">
        <h2 id="workshop-heading" tabIndex={-1}>
          {PARTICIPANT_WORKSHOP_TITLE}
        </h2>
        <ParkingLot />
        <ActionLog />
      </div>
    );
  return (
    <div className="workshop">
      <h2 id="workshop-heading" tabIndex={-1}>
        Run the workshop
      </h2>
      <Agenda canvas={canvas} />
      <Voting canvas={canvas} />
      <ParkingLot />
      <ActionLog />
      <Details canvas={canvas} />
    </div>
  );
}

/**
 * A number field whose typing can be refused: what was typed stays in the
 * box beside the sentence saying why, and the canvas keeps its last good
 * value. Leaving the field puts the good value back.
 */
function NumberField({
  label,
  value,
  min,
  max,
  apply,
  hint,
}: {
  label: string;
  value: number | null;
  min: number;
  max: number;
  apply: (value: number | null) => string | null;
  hint?: string;
}) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      <input
        id={id}
        className="input input--short"
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        aria-describedby={hint ? `${id}-hint` : undefined}
        aria-invalid={refusal ? true : undefined}
        aria-errormessage={refusal ? `${id}-error` : undefined}
        value={draft ?? (value === null ? '' : String(value))}
        onChange={(event) => {
          const raw = event.target.value;
          setDraft(raw);
          const refused = apply(raw.trim() === '' ? null : Number(raw));
          setRefusal(refused);
          if (!refused) setDraft(null);
        }}
        onBlur={() => {
          setDraft(null);
          setRefusal(null);
        }}
      />
      <RefusalMessage message={refusal} id={`${id}-error`} />
    </div>
  );
}

function Agenda({ canvas }: { canvas: Canvas }) {
  const now = useNow(canvas.timer.runningSince !== null);
  const clock = workshopClock(canvas, now);
  const [refusal, setRefusal] = useState<string | null>(null);
  const over = clock.differenceMs > 0;
  return (
    <section className="panel workshop__section" aria-labelledby="agenda-heading">
      <h3 id="agenda-heading">Agenda and timer</h3>
      <p className="workshop__total" data-testid="workshop-clock">
        <strong>{formatClock(clock.elapsedMs)}</strong> spent of {minutesText(clock.plannedMs)} planned
        {clock.plannedMs > 0 && (over ? ` · ${formatClock(clock.differenceMs)} over` : ` · ${formatClock(-clock.differenceMs)} to go`)}
      </p>
      <ol className="agenda">
        {STEP_IDS.map((step) => {
          const minutes = canvas.facilitation[step].minutes;
          const spent = stepClock(canvas, step, now);
          return (
            <li key={step} className="agenda__step">
              <h4>
                {STEP_IDS.indexOf(step) + 1}. {STEP_GUIDANCE[step].title}
              </h4>
              <NumberField
                label={`Planned minutes for ${STEP_GUIDANCE[step].title}`}
                value={minutes}
                min={1}
                max={LIMITS.plannedMinutesMax}
                hint={`1 to ${LIMITS.plannedMinutesMax}; empty for no plan. ${formatClock(spent.elapsedMs)} spent so far.`}
                apply={(value) => attempt((c, t) => setPlannedMinutes(c, step, value, t), `planned-minutes:${step}`)}
              />
              <StepTimer step={step} headingLevel={3} />
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => setRefusal(useCanvasStore.getState().editTimer((c, t) => resetWorkshopTimer(c, t)))}
      >
        Reset the whole workshop’s timer
      </button>
      <RefusalMessage message={refusal} />
    </section>
  );
}

function Voting({ canvas }: { canvas: Canvas }) {
  const total = totalVotes(canvas);
  return (
    <section className="panel workshop__section" aria-labelledby="voting-heading">
      <h3 id="voting-heading">Dot voting</h3>
      <NumberField
        label="Votes per person"
        value={canvas.votesPerPerson}
        min={LIMITS.votesPerPersonMin}
        max={LIMITS.votesPerPersonMax}
        hint={`How many dots each person places (${LIMITS.votesPerPersonMin} to ${LIMITS.votesPerPersonMax}). The scribe adds them on each card: + on a card adds a vote, − takes one away.`}
        apply={(value) =>
          value === null ? 'Give a number of votes.' : attempt((c, t) => setVotesPerPerson(c, value, t), 'votes-per-person')
        }
      />
      <p>
        {total} {total === 1 ? 'vote' : 'votes'} on the canvas.
      </p>
      <button type="button" className="button button--secondary" aria-disabled={total === 0} onClick={clearAllVotes}>
        Clear all votes for a new round
      </button>
    </section>
  );
}

function Details({ canvas }: { canvas: Canvas }) {
  const [refusal, setRefusal] = useState<string | null>(null);
  const set = (change: Partial<WorkshopDetails>, field: keyof WorkshopDetails) =>
    setRefusal(attempt((c, t) => setWorkshopDetails(c, change, t), `workshop:${field}`));
  const { heldOn, organisation, facilitator, participants } = canvas.workshop;
  return (
    <section className="panel workshop__section" aria-labelledby="details-heading">
      <h3 id="details-heading">Workshop details</h3>
      <p className="hint">Shown at the top of every export.</p>
      <div className="field">
        <label htmlFor="workshop-held-on">Date held</label>
        <input
          id="workshop-held-on"
          className="input input--short"
          type="date"
          value={heldOn}
          onChange={(e) => set({ heldOn: e.target.value }, 'heldOn')}
        />
      </div>
      <div className="field">
        <label htmlFor="workshop-organisation">Organisation or borough</label>
        <input
          id="workshop-organisation"
          className="input"
          dir="auto"
          maxLength={LIMITS.shortTextLength}
          value={organisation}
          onChange={(e) => set({ organisation: e.target.value }, 'organisation')}
        />
      </div>
      <div className="field">
        <label htmlFor="workshop-facilitator">Facilitator</label>
        <input
          id="workshop-facilitator"
          className="input"
          dir="auto"
          maxLength={LIMITS.shortTextLength}
          value={facilitator}
          onChange={(e) => set({ facilitator: e.target.value }, 'facilitator')}
        />
      </div>
      <div className="field">
        <label htmlFor="workshop-participants">Who took part</label>
        <span className="hint" id="workshop-participants-hint">
          Roles are enough, for example “2 social workers, a data analyst, a parent representative”.
        </span>
        <textarea
          id="workshop-participants"
          className="textarea"
          dir="auto"
          rows={3}
          maxLength={LIMITS.notesLength}
          aria-describedby="workshop-participants-hint"
          value={participants}
          onChange={(e) => set({ participants: e.target.value }, 'participants')}
        />
      </div>
      <RefusalMessage message={refusal} />
    </section>
  );
}
