import { Link, useLocation } from 'wouter';
import { rememberReturnPath } from '../lib/returnTo';

/** A link to the Sources page that remembers where it was followed from. */
export function SourcesLink({ children = 'About the sources' }: { children?: React.ReactNode }) {
  const [location] = useLocation();
  return (
    <Link href="/sources" onClick={() => rememberReturnPath(location)}>
      {children}
    </Link>
  );
}
