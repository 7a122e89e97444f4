import { useDocumentTitle } from '../lib/useDocumentTitle';

export function NotFound() {
  useDocumentTitle('Page not found');
  return (
    <div className="panel">
      <h1>Page not found</h1>
      <p>There is nothing at this address. It may have been typed wrongly or come from an old link.</p>
      <a className="button" href="#/">
        Go to all canvases
      </a>
    </div>
  );
}
