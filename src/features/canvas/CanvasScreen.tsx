import { Suspense, lazy, useEffect } from 'react';
import { Redirect } from 'wouter';
import { STEP_GUIDANCE } from '../../domain/guidance';
import { displayTitle, isStepId } from '../../domain/model';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useCanvasTitle } from '../../state/canvasSelectors';
import { useCanvasStore } from '../../state/canvasStore';
import { useIsParticipant, useSharingStore } from '../../state/sharingStore';
import { useFollow } from '../sharing/useFollow';
import { BoardView } from './BoardView';
import { CanvasDnd } from './CanvasDnd';
import { CanvasHeader } from './CanvasHeader';
import { ConcernsView } from './ConcernsView';
import { GuidedView } from './GuidedView';
import { HistoryView } from './HistoryView';
import { PresentView } from './PresentView';
import { PrintView } from './PrintView';
import { PrivacyReview } from './PrivacyReview';
import { SaveAsTemplateView } from './SaveAsTemplateView';
import { ThreadView } from './ThreadView';
import { usePrinting } from './usePrinting';
import { ShortcutSheet } from '../../components/ShortcutSheet';
import { resetRovingCards } from './focusRequests';
import { SkipLinks } from './SkipLinks';
import { useCanvasShortcuts } from './useCanvasShortcuts';
import { PARTICIPANT_WORKSHOP_TITLE, WorkshopView } from './WorkshopView';
import { WrapUpView } from './WrapUpView';
import { ExamplesBanner } from './ExamplesBanner';
import { VotesDialog } from './VotesDialog';
import { Announcer } from './Announcer';

// The Markdown serialiser and previewer load only when the export view is opened.
const ExportView = lazy(() => import('../export/ExportView'));

interface Props {
  canvasId: string;
  view: string;
  step?: string;
}

export default function CanvasScreen({ canvasId, view, step }: Props) {
  const status = useCanvasStore((state) => (state.canvasId === canvasId ? state.status : 'loading'));
  const loadError = useCanvasStore((state) => state.loadError);

  useEffect(() => {
    void useCanvasStore.getState().open(canvasId);
  }, [canvasId]);
  useEffect(() => () => void useCanvasStore.getState().close(), []);
  useEffect(() => () => resetRovingCards(), [canvasId]);

  if (status === 'missing') {
    return (
      <div className="panel">
        <h1>Canvas not found</h1>
        <p>This canvas is not in this browser. It may have been deleted, or made on another computer.</p>
        <a className="button" href="#/">
          Go to all canvases
        </a>
      </div>
    );
  }
  if (status === 'failed') {
    return (
      <div className="panel" role="alert">
        <h1>This canvas could not be opened</h1>
        <p>{loadError}</p>
        <p>Nothing has been changed or deleted.</p>
        <a className="button" href="#/">
          Go to all canvases
        </a>
      </div>
    );
  }
  if (status !== 'ready') return <p>Opening canvas…</p>;
  return <ReadyCanvas canvasId={canvasId} view={view} step={step} />;
}

function ReadyCanvas({ canvasId, view, step }: Props) {
  const title = displayTitle({ title: useCanvasTitle() });
  const printing = usePrinting();
  useCanvasShortcuts(canvasId, view, step);
  // A shared canvas connects while it is open, in every view (presenting included).
  useEffect(() => useSharingStore.getState().attach(canvasId), [canvasId]);
  useFollow(canvasId, view, step);
  const participant = useIsParticipant();
  const viewName =
    view === 'step' && isStepId(step)
      ? STEP_GUIDANCE[step].title
      : view === 'present'
        ? `Presenting ${isStepId(step) ? STEP_GUIDANCE[step].title : 'the whole board'}`
        : {
            board: 'Whole board',
            concerns: 'Open concerns',
            thread: 'Golden thread',
            export: 'Export',
            print: 'Print',
            'save-template': 'Save as template',
            history: 'Version history',
            workshop: participant ? PARTICIPANT_WORKSHOP_TITLE : 'Run the workshop',
            'wrap-up': 'Wrap-up',
          }[view];
  useDocumentTitle(viewName ? `${viewName} – ${title}` : title);

  if (printing && view !== 'print') return <PrintView showToolbar={false} />;

  if (view === 'present') {
    if (!isStepId(step) && step !== 'board') return <Redirect to={`/canvas/${canvasId}/present/outcome`} replace />;
    return <PresentView canvasId={canvasId} step={step} />;
  }

  let body: React.ReactNode;
  if (view === 'print') {
    body = <PrintView showToolbar />;
  } else if (view === 'history') {
    body = <HistoryView canvasId={canvasId} />;
  } else if (view === 'save-template') {
    body = <SaveAsTemplateView />;
  } else if (view === 'step') {
    if (!isStepId(step)) return <Redirect to={`/canvas/${canvasId}/step/outcome`} replace />;
    body = (
      <CanvasDnd>
        <GuidedView canvasId={canvasId} step={step} />
      </CanvasDnd>
    );
  } else if (view === 'board') {
    body = (
      <CanvasDnd>
        <BoardView />
      </CanvasDnd>
    );
  } else if (view === 'workshop') {
    body = <WorkshopView />;
  } else if (view === 'wrap-up') {
    body = <WrapUpView canvasId={canvasId} />;
  } else if (view === 'concerns') {
    body = <ConcernsView canvasId={canvasId} />;
  } else if (view === 'thread') {
    body = <ThreadView canvasId={canvasId} />;
  } else if (view === 'export') {
    body = (
      <Suspense fallback={<p>Preparing the export…</p>}>
        <ExportView />
      </Suspense>
    );
  } else {
    return <Redirect to={`/canvas/${canvasId}/step/outcome`} replace />;
  }

  return (
    <>
      {(view === 'step' || view === 'board') && <SkipLinks step={view === 'step' && isStepId(step) ? step : null} />}
      <CanvasHeader canvasId={canvasId} view={view} step={step} />
      <PrivacyReview canvasId={canvasId} />
      {body}
      {/* After the board in reading and Tab order (in the step view it sits in the side rail). */}
      {view === 'board' && <ExamplesBanner focusAfter="step-outcome-heading" />}
      <ShortcutSheet />
      <VotesDialog />
      <Announcer />
    </>
  );
}
