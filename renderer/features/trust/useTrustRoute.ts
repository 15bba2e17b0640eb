import { useEffect, useState } from 'react';

/** The trust screen's place: `#/trust?from=…&to=…` or `#/trust/p/12?from=…&to=…`. */
export interface TrustRoute {
  producerId: number | null;
  from?: string;
  to?: string;
  print: boolean;
}

export function parseTrustHash(hash: string): TrustRoute {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const parts = path.split('/');
  const params = new URLSearchParams(query);
  const id = parts[1] === 'p' ? Number(parts[2]) : NaN;
  const date = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);
  return {
    producerId: Number.isSafeInteger(id) && id > 0 ? id : null,
    from: date(params.get('from')),
    to: date(params.get('to')),
    print: params.get('print') === '1',
  };
}

export function trustHash(route: TrustRoute): string {
  const params = new URLSearchParams();
  if (route.from) params.set('from', route.from);
  if (route.to) params.set('to', route.to);
  if (route.print) params.set('print', '1');
  const q = params.toString();
  return `#/trust${route.producerId ? `/p/${route.producerId}` : ''}${q ? `?${q}` : ''}`;
}

export function useTrustRoute(): [TrustRoute, (next: TrustRoute) => void] {
  const [route, setRoute] = useState(() => parseTrustHash(window.location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseTrustHash(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return [route, (next) => { window.location.hash = trustHash(next); }];
}
