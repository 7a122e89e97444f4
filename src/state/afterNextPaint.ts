/**
 * Runs `task` once the browser has painted the next frame (in the next task when the page is hidden and
 * paints nothing). For work that must follow what a person sees, not hold it up: a task queued from a frame
 * callback runs after that frame is drawn.
 */
export function afterNextPaint(task: () => void): void {
  if (document.hidden) setTimeout(task);
  else requestAnimationFrame(() => setTimeout(task));
}
