import { STEP_IDS } from '../../domain/model';
import { StepPanel } from './StepPanel';
import './BoardView.css';

/** The whole canvas at once: four columns, ethics checks folded under each. */
export function BoardView() {
  return (
    <div className="board">
      {STEP_IDS.map((step) => (
        <StepPanel key={step} step={step} focused={false} />
      ))}
    </div>
  );
}
